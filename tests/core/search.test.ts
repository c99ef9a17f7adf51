import { documentText } from '../../src/main/core/documents/store.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchTurns, toFtsQuery } from '../../src/main/core/search/store.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import { FIXTURES, newSession } from '../support/temp.ts';

async function studyProject() {
  const { project } = newSession();
  await importFiles(project, {
    files: [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }],
    pseudonyms: { path: join(FIXTURES, 'pseudonyms.csv') },
  });
  return project;
}

describe('turning typed text into a safe FTS5 query', () => {
  it('quotes every word, keeps phrases, prefixes and OR', () => {
    expect(toFtsQuery("collega's")).toBe(`"collega's"`);
    expect(toFtsQuery('brede basiszorg')).toBe('"brede" "basiszorg"');
    expect(toFtsQuery('"brede basiszorg" OR zorgcontinuüm')).toBe('"brede basiszorg" OR "zorgcontinuüm"');
    expect(toFtsQuery('leerkracht*')).toBe('"leerkracht"*');
    expect(toFtsQuery('a"b')).toBe('"a""b"');
    expect(toFtsQuery('OR')).toBeNull();
    expect(toFtsQuery('  -- ** ()  ')).toBeNull();
  });
});

describe('full-text search', () => {
  it('accepts anything a user types', async () => {
    const { project } = newSession();
    const path = join(project.path, '..', 'a.txt');
    writeFileSync(path, "Katrien: De collega's hebben AND NOT ideeën (NEAR) over \"zorg\" - ook 50% * ^.\nHanne: Oké.");
    await importFiles(project, { files: [{ path }] });
    for (const query of ["collega's", '"', "'", 'AND', 'NOT', 'NEAR(', '(zorg', 'zorg)', '*', '^', '-', '50%', 'col*', '"ideeën', 'OR OR', '', '   ', 'a:b', '{x}', 'zorg"']) {
      expect(() => searchTurns(project.db, query, 10), query).not.toThrow();
    }
    expect(searchTurns(project.db, "collega's", 10).total).toBe(1);
    expect(searchTurns(project.db, 'NEAR(', 10).total).toBe(1);
    expect(searchTurns(project.db, 'AND', 10).total).toBe(1);
    expect(searchTurns(project.db, '"zorg', 10).total).toBe(1);
    expect(searchTurns(project.db, '', 10)).toEqual({ query: '', total: 0, hits: [] });
  });

  it('folds diacritics and case: ideeen finds ideeën, COORDINATOR finds coördinator', async () => {
    const project = await studyProject();
    const withDiacritics = searchTurns(project.db, 'ideeën', 100).total;
    expect(withDiacritics).toBeGreaterThan(0);
    expect(searchTurns(project.db, 'ideeen', 100).total).toBe(withDiacritics);
    expect(searchTurns(project.db, 'IDEEËN', 100).total).toBe(withDiacritics);
    expect(searchTurns(project.db, 'coordinator', 100).total).toBe(searchTurns(project.db, 'coördinator', 100).total);
  });

  it('gives document, participant, speaker, timestamp and the hit in context, and lands inside the turn', async () => {
    const project = await studyProject();
    const result = searchTurns(project.db, 'onverstaanbaar', 50);
    expect(result.total).toBe(4); // four unclear passages marked in interview 6
    const hit = result.hits.find((h) => h.startMs !== null)!;
    expect(hit).toMatchObject({ documentName: 'interview-06-dbso', participantName: 'M.V.d.B.', speaker: 'M.V.d.B.' });
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual(['onverstaanbaar']);
    const text = documentText(project.db, hit.documentId)!;
    expect(text.slice(hit.turnStart, hit.turnEnd)).toContain('onverstaanbaar');
  });

  it('finds a phrase across a cue boundary of a Teams transcript', async () => {
    const project = await studyProject();
    const result = searchTurns(project.db, '"CLB & PBD"', 10);
    expect(result.hits.some((h) => h.documentName === 'interview-05-bso')).toBe(true);
  });

  it('limits hits but counts them all', async () => {
    const project = await studyProject();
    const result = searchTurns(project.db, 'leerlingen', 3);
    expect(result.hits).toHaveLength(3);
    expect(result.total).toBeGreaterThan(3);
  });

  it('ranks many matches in two passes exactly as FTS5 ranks them in one', async () => {
    const { project } = newSession();
    const path = join(project.path, '..', 'many.txt');
    const words = ['begeleiding', 'begeleider', 'begeleid', 'klas', 'school', 'zorg', 'leerling', 'team'];
    const lines = Array.from({ length: 1500 }, (_, i) => {
      const said = Array.from({ length: 4 + (i % 23) }, (_, w) => words[(i * 7 + w * (i % 5 + 1)) % words.length]);
      return `${i % 2 ? 'Katrien' : 'Hanne'}: ${said.join(' ')}.`;
    });
    writeFileSync(path, lines.join('\n'));
    await importFiles(project, { files: [{ path }] });
    const fts = toFtsQuery('begeleid*')!;
    const reference = project.db
      .prepare('SELECT t.position AS turnPosition FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid WHERE turns_fts MATCH ? ORDER BY rank, turns_fts.rowid LIMIT 50')
      .all(fts) as Array<{ turnPosition: number }>;
    const result = searchTurns(project.db, 'begeleid*', 50);
    expect(result.total).toBeGreaterThan(1000);
    expect(result.hits.map((h) => h.turnPosition)).toEqual(reference.map((r) => r.turnPosition));
    expect(result.hits.every((h) => h.snippet.some((p) => p.hit && p.text.toLowerCase().startsWith('begeleid')))).toBe(true);
  });
});
