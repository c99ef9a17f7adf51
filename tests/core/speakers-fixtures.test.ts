import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/main/core/project.ts';
import type { AutocodeQuery } from '../../src/shared/model.ts';
import { EXTERNAL, FIXTURES, newSession, tempDir } from '../support/temp.ts';
import { caller } from './analysis-fixture.ts';

/**
 * The six fixture interviews and the external transcripts. `autocode-today.json` holds what
 * auto-code coded on them before speaker roles existed (main's code, written once by running it on
 * these files): `--scope match --speakers all` must give exactly that.
 */
const TODAY = JSON.parse(readFileSync(join(import.meta.dirname, 'focus-group/autocode-today.json'), 'utf8')) as Record<
  string,
  { hits: number; coded: number; documents: number; segments: Array<{ document: string; start: number; end: number; text: string }> }
>;
const QUERIES: Record<string, AutocodeQuery> = {
  'brede basiszorg': { text: 'brede basiszorg' },
  CLB: { regex: '\\bCLB\\b' },
  leervragen: { text: 'leervragen' },
  directie: { text: 'directie' },
  'K.L.': { speaker: 'K.L.' },
  interviewer: { speaker: 'Interviewer' },
  school: { text: 'school' },
};
const FILES = [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }, { path: join(EXTERNAL, 'transcripts') }];

async function study() {
  const { session, project, dir, path } = newSession('hanne');
  const call = caller(session);
  await call('documents/import', { files: FILES, pseudonyms: { path: join(FIXTURES, 'pseudonyms.csv') } });
  return { session, project, dir, path, call };
}

function segmentsOf(project: Project, labelId: string) {
  return project.db
    .prepare(
      `SELECT d.name AS document, s.start, s.end, s.text FROM codings c JOIN segments s ON s.id = c.segment_id JOIN documents d ON d.id = s.document_id
       WHERE c.label_id = ? ORDER BY d.name, s.start`,
    )
    .all(labelId) as Array<{ document: string; start: number; end: number; text: string }>;
}

/** Each segment with the turns it touches, from SQL (not the core's index). */
function turnsUnder(project: Project, labelId: string) {
  return project.db
    .prepare(
      `SELECT s.id, s.start, s.end, s.text, d.name AS document, t.speaker, t.start AS turnStart, t.end AS turnEnd, t.text AS turnText
       FROM codings c JOIN segments s ON s.id = c.segment_id JOIN documents d ON d.id = s.document_id
       JOIN turns t ON t.document_seq = d.seq AND t.start < s.end AND s.start < t.end
       WHERE c.label_id = ? ORDER BY d.name, s.start`,
    )
    .all(labelId) as Array<{ id: string; start: number; end: number; text: string; document: string; speaker: string | null; turnStart: number; turnEnd: number; turnText: string }>;
}

/** "directie" as a whole word, as auto-code's phrase search finds it. */
const DIRECTIE = /(?<![\p{L}\p{N}])directie(?![\p{L}\p{N}])/giu;

/** The interviewers of the fixtures, as their author wrote them down (fixtures/transcripts/expected). */
const INTERVIEWERS = new Set(['Interviewer', 'Hanne Claeys']);

function occurrences(project: Project, pattern: RegExp, speakers: (speaker: string | null) => boolean): number {
  const turns = project.db.prepare("SELECT speaker, text FROM turns WHERE document_seq IN (SELECT seq FROM documents WHERE name LIKE 'interview-%')").all() as Array<{ speaker: string | null; text: string }>;
  return turns.filter((t) => speakers(t.speaker)).reduce((n, t) => n + (t.text.match(pattern) ?? []).length, 0);
}

describe('speaker roles on the fixtures', () => {
  it('infers the interviewer and participant of every fixture interview', async () => {
    const { call } = await study();
    const lists = await call('speakers/list', {});
    for (const document of lists.filter((d) => d.documentName.startsWith('interview-'))) {
      expect(document.unconfirmed).toBe(false);
      for (const speaker of document.speakers) {
        expect(speaker.role).toBe(INTERVIEWERS.has(speaker.name) ? 'interviewer' : 'participant');
        if (speaker.role === 'participant') expect(speaker.participantName).toBe(speaker.name);
      }
    }
  });

  it('`--scope match --speakers all` codes exactly what auto-code coded before roles', async () => {
    const { project, call } = await study();
    for (const [name, query] of Object.entries(QUERIES)) {
      const run = await call('codings/autocode', { labelName: name, query, scope: 'match', speakers: 'all' });
      const today = TODAY[name]!;
      expect([run.hits, run.coded, run.documents], name).toEqual([today.hits, today.coded, today.documents]);
      expect(segmentsOf(project, run.label.id), name).toEqual(today.segments);
    }
  });

  it('by default no auto-coded segment lies in an interviewer turn, and each is a whole sentence', async () => {
    const { project, call } = await study();
    const roles = await call('speakers/list', {});
    const interviewer = new Set(roles.flatMap((d) => d.speakers.filter((s) => s.role === 'interviewer').map((s) => `${d.documentName}\u0000${s.name}`)));
    for (const [name, query] of Object.entries(QUERIES)) {
      if ('speaker' in query) continue;
      const run = await call('codings/autocode', { labelName: `${name} (zinnen)`, query });
      const under = turnsUnder(project, run.label.id);
      // "leervragen" is said by the interviewer only (see the matrix test): nothing of it is coded.
      if (name === 'leervragen') expect(under).toEqual([]);
      else expect(under.length, name).toBeGreaterThan(0);
      expect(under.filter((u) => interviewer.has(`${u.document}\u0000${u.speaker}`)), name).toEqual([]);
      for (const u of under) {
        // Inside one turn, from a sentence's start to its end mark (and closing quote) or the turn's end.
        expect(u.start >= u.turnStart && u.end <= u.turnEnd, u.text).toBe(true);
        const before = u.turnText.slice(0, u.start - u.turnStart);
        expect(before === '' || /[.!?…]["'”’)]*\s+$/u.test(before) || /\n$/.test(before), `${name}: …${before.slice(-20)}|${u.text}`).toBe(true);
        expect(u.end === u.turnEnd || /[.!?…]["'”’)]*$/u.test(u.text) || u.turnText[u.end - u.turnStart] === '\n', `${name}: ${u.text}`).toBe(true);
        expect(u.text.match(/^\p{Lu}|^["'“‘(]|^\d|^[.…]/u), u.text).not.toBeNull();
      }
      // The interviewer's hits in the six interviews are the only ones left out: an independent count by regex.
      if (name === 'directie') {
        const participants = occurrences(project, DIRECTIE, (s) => !INTERVIEWERS.has(s ?? ''));
        expect(under.length).toBeLessThanOrEqual(participants);
        expect(participants).toBe(20);
      }
    }
  });

  it('the matrix no longer counts the interviewer\u2019s questions, unless switched on', async () => {
    const { project, call } = await study();
    // Today's auto-code (every match) of a word that only the interviewer says, and of one both say.
    const asked = await call('codings/autocode', { labelName: 'leervragen', query: { text: 'leervragen' }, scope: 'match', speakers: 'all' });
    const both = await call('codings/autocode', { labelName: 'directie', query: { text: 'directie' }, scope: 'match', speakers: 'all' });
    const byInterviewer = (pattern: RegExp) => occurrences(project, pattern, (s) => INTERVIEWERS.has(s ?? ''));
    const byParticipants = (pattern: RegExp) => occurrences(project, pattern, (s) => !INTERVIEWERS.has(s ?? ''));
    expect([byInterviewer(/leervragen/giu), byParticipants(/leervragen/giu)]).toEqual([12, 0]);

    const matrix = await call('matrix/get', { rows: 'labels', by: 'participant' });
    const row = (m: typeof matrix, id: string) => m.items.find((r) => r.id === id)!;
    expect(row(matrix, asked.label.id).total).toBe(0);
    expect(row(matrix, asked.label.id).occursIn).toBe(0);
    expect(row(matrix, both.label.id).total).toBe(byParticipants(DIRECTIE));
    const all = await call('matrix/get', { rows: 'labels', by: 'participant', speakers: 'all' });
    expect(row(all, asked.label.id).total).toBe(12);
    expect(row(all, asked.label.id).occursIn).toBe(6);
    expect(row(all, both.label.id).total).toBe(byInterviewer(DIRECTIE) + byParticipants(DIRECTIE));
    // Each participant's cell: the hits in their own turns.
    for (const column of matrix.columns.filter((c) => c.id)) {
      const own = occurrences(project, DIRECTIE, (s) => s === column.name);
      expect(row(matrix, both.label.id).cells[matrix.columns.indexOf(column)], column.name).toBe(own);
    }
    // Concept counts "in N interviews" follow too.
    const concept = await call('concepts/create', { name: 'Leervragen', labelIds: [asked.label.id] });
    const listed = (await call('concepts/list', {})).find((c) => c.id === concept.id)!;
    expect([listed.segmentCount, listed.participantCount, listed.documentCount]).toEqual([0, 0, 0]);
    // With the interviewer's speech: her 12 questions, each in its interview, for its participant.
    const everyone = (await call('concepts/list', { speakers: 'all' })).find((c) => c.id === concept.id)!;
    expect([everyone.segmentCount, everyone.participantCount, everyone.documentCount]).toEqual([12, 6, 6]);
    expect((await call('rounds/status', {})).round2.conceptsWithoutQuotes).toContain(concept.id);
    expect((await call('concepts/quotes', { id: concept.id })).groups).toEqual([]);
    expect((await call('concepts/quotes', { id: concept.id, speakers: 'all' })).groups.flatMap((g) => g.quotes)).toHaveLength(12);
  });
});

describe('the CLI', () => {
  const BIN = join(import.meta.dirname, '../../bin/duiding.js');
  const duiding = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DUIDING_CODER: 'cli-tester' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('autocode --scope --speakers, speakers [--json] and the setter, export --speakers', () => {
    const file = join(tempDir(), 'studie.duiding');
    expect(duiding('new', file).code).toBe(0);
    expect(duiding('import', file, ...FILES.map((f) => f.path), '--pseudonyms', join(FIXTURES, 'pseudonyms.csv')).code).toBe(0);
    const today = JSON.parse(duiding('autocode', file, '--label', 'bbz', '--text', 'brede basiszorg', '--scope', 'match', '--speakers', 'all', '--json').stdout) as { hits: number };
    expect(today.hits).toBe(TODAY['brede basiszorg']!.hits);
    const sentences = JSON.parse(duiding('autocode', file, '--label', 'bbz-zinnen', '--text', 'brede basiszorg', '--json').stdout) as { hits: number; coded: number };
    expect(sentences.coded).toBeLessThan(today.hits);

    const listed = JSON.parse(duiding('speakers', file, '--json').stdout) as { documents: Array<{ document: string; speakers: Array<{ name: string; role: string; participant: string | null }> }> };
    expect(listed.documents.find((d) => d.document === 'interview-02-aso')!.speakers).toEqual([
      { name: 'Hanne Claeys', role: 'interviewer', participant: null },
      { name: 'S.P.', role: 'participant', participant: 'S.P.' },
    ]);
    const set = duiding('speakers', file, '--name', 'S.P.', '--role', 'participant', '--participant', 'K.L.', '--document', 'interview-02-aso');
    expect(set).toMatchObject({ code: 0, stdout: '"S.P." is participant in 1 document (1 changed).\n' });
    const again = JSON.parse(duiding('speakers', file, '--json').stdout) as typeof listed;
    expect(again.documents.find((d) => d.document === 'interview-02-aso')!.speakers[1]).toEqual({ name: 'S.P.', role: 'participant', participant: 'K.L.' });
    expect(duiding('speakers', file, '--name', 'Hanne Claeys', '--role', 'baas')).toMatchObject({ code: 2 });

    const out = join(tempDir(), 'm.csv');
    expect(duiding('export', file, '--format', 'csv', '--report', 'matrix', '--matrix', 'labels', '--out', out).code).toBe(0);
    const participantsOnly = readFileSync(out, 'utf8');
    expect(duiding('export', file, '--format', 'csv', '--report', 'matrix', '--matrix', 'labels', '--speakers', 'all', '--out', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe(participantsOnly);
    // Nine spawns of the real command, each starting Node and the TypeScript loader.
  }, 180_000);
});
