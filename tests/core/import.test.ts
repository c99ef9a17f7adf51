import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getDocument, listDocuments } from '../../src/main/core/documents/store.ts';
import { listAttributes, listParticipants } from '../../src/main/core/participants/store.ts';
import { searchTurns } from '../../src/main/core/search/store.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import type { Db } from '../../src/main/core/db/database.ts';
import { FIXTURES, newSession, snapshot } from '../support/temp.ts';

const transcripts = join(FIXTURES, 'transcripts');
const pseudonyms = { path: join(FIXTURES, 'pseudonyms.csv') };
const participants = { path: join(FIXTURES, 'participants.csv') };

/** The real names of the pseudonym list that are not also a pseudonym. */
function realNames(): string[] {
  return readFileSync(pseudonyms.path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!);
}

describe('importing the study', () => {
  it('writes a long file\'s turns in slices, with turns of the event loop for other callers in between (issue 16)', async () => {
    const { project, dir } = newSession();
    const path = join(dir, 'lang.txt');
    const TURNS = 20_000;
    writeFileSync(path, Array.from({ length: TURNS }, (_, i) => `${i % 2 ? 'Interviewer' : 'Katrien'}: beurt ${i} over de zorg op school`).join('\n\n'));
    // What the writing connection holds between two turns of the event loop: a part of the turns
    // shows that the insert gave others their turn before it was done.
    const writer = (project as unknown as { writer: Db }).writer;
    const seen = new Set<number>();
    let importing = true;
    // A poll already scheduled when the import ends must not touch the connection after the test closes it.
    const poll = () => {
      if (!importing) return;
      seen.add(writer.prepare('SELECT COUNT(*) FROM turns').pluck().get() as number);
      setImmediate(poll);
    };
    setImmediate(poll);
    const report = await importFiles(project, { files: [{ path }] }).finally(() => (importing = false));
    expect(report.files[0]).toMatchObject({ status: 'imported', turns: TURNS });
    expect([...seen].some((count) => count > 0 && count < TURNS)).toBe(true);
    expect(getDocument(project.db, report.files[0]!.documentId!)!.turns).toHaveLength(TURNS);
  }, 120_000);

  it('imports the six fixtures with participants and pseudonyms; each transcript is tied to its participant', async () => {
    const { project } = newSession();
    const report = await importFiles(project, { files: [participants, { path: transcripts }], pseudonyms });
    expect(report.participants).toMatchObject([{ file: 'participants.csv', status: 'imported', created: 6, updated: 0 }]);
    expect(report.files.map((f) => [f.file, f.status, f.participant])).toEqual([
      ['interview-01-aso.docx', 'imported', 'K.L.'],
      ['interview-02-aso.vtt', 'imported', 'S.P.'],
      ['interview-03-tso.srt', 'imported', 'B.V.'],
      ['interview-04-kso.txt', 'imported', 'L.D.S.'],
      ['interview-05-bso.vtt', 'imported', 'Y.A.'],
      ['interview-06-dbso.docx', 'imported', 'M.V.d.B.'],
    ]);
    expect(report.imported).toBe(6);
    for (const file of report.files) expect(file.words).toBeGreaterThanOrEqual(2500);
    expect(report.files[0]!.speakers).toEqual(['Interviewer', 'K.L.']);
    expect(report.files[1]!.speakers).toEqual(['Hanne Claeys', 'S.P.']);
    // The report counts replacements per name: #2 mentions her colleague Katrien twice and "Katriens" once.
    expect(report.files[1]!.replacements).toContainEqual({ name: 'Katrien', pseudonym: 'K.L.', count: 3 });
    expect(report.files[1]!.replacements!.find((r) => r.name === 'Katrien Lemmens')).toBeUndefined();
    const sofie = report.replacements.filter((r) => r.pseudonym === 'S.P.').reduce((sum, r) => sum + r.count, 0);
    expect(sofie).toBeGreaterThan(50); // her name labels each of her turns
    expect(new Set(report.replacements.map((r) => r.pseudonym))).toEqual(new Set(['B.V.', 'K.L.', 'L.D.S.', 'M.V.d.B.', 'NN', 'S.P.', 'Y.A.', 'school A', 'school B', 'school C', 'school D', 'school E']));

    const people = listParticipants(project.db);
    expect(people.map((p) => p.name)).toEqual(['B.V.', 'K.L.', 'L.D.S.', 'M.V.d.B.', 'S.P.', 'Y.A.']);
    expect(people.find((p) => p.name === 'K.L.')).toMatchObject({
      documentCount: 1,
      attributes: { schooltype: 'ASO', net: 'Katholiek onderwijs', school: 'school A', 'jaren ervaring': 12, voltijds: true, 'kritische case': true },
    });
    expect(listAttributes(project.db).map((a) => [a.name, a.type])).toEqual([
      ['schooltype', 'text'], ['net', 'text'], ['school', 'text'], ['rol', 'text'], ['jaren ervaring', 'number'], ['voltijds', 'boolean'], ['kritische case', 'boolean'],
    ]);
  });

  it('keeps no real name of the pseudonym list: not in search, not in the raw bytes of the project file', async () => {
    const { session, project, path } = newSession();
    await importFiles(project, { files: [participants, { path: transcripts }], pseudonyms });
    for (const name of realNames()) expect(searchTurns(project.db, name, 5).total, name).toBe(0);
    // Pseudonyms did go in: the same search for a pseudonym finds turns.
    expect(searchTurns(project.db, 'NN', 5).total).toBeGreaterThan(10);
    const documents = listDocuments(project.db);
    expect(documents.map((d) => d.sourceName)).toContain('interview-01-aso.docx');
    session.close();
    const files = readdirSync(join(path, '..')).filter((f) => f.startsWith('study.duiding'));
    expect(files).toEqual(['study.duiding']);
    const bytes = readFileSync(path).toString('utf8');
    // Names of four letters or fewer ("Aya", "Els") can turn up by chance in the binary pages of the
    // search index, so those are checked in the index's own vocabulary below instead.
    for (const name of realNames().filter((n) => n.length >= 5)) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
      expect(pattern.test(bytes), `"${name}" in the project file`).toBe(false);
    }
    const reopened = new Database(path, { readonly: true });
    reopened.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'turns_fts', 'row')");
    const terms = new Set((reopened.prepare('SELECT term FROM temp.vocab').all() as Array<{ term: string }>).map((r) => r.term));
    reopened.close();
    expect(terms.has('leerlingen')).toBe(true);
    // One-word names as index terms; names of several words hold ordinary words ("De Brug": bridge),
    // so those were checked as phrases by the search above.
    for (const name of realNames().filter((n) => !n.includes(' '))) {
      for (const token of name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (token === 'sint') continue;
        expect(terms.has(token), `"${token}" (from ${name}) in the search index`).toBe(false);
      }
    }
    // Control: without the list, the names are there.
    const { project: plain } = newSession();
    await importFiles(plain, { files: [{ path: join(transcripts, 'interview-01-aso.docx') }] });
    expect(searchTurns(plain.db, 'Katrien', 5).total).toBeGreaterThan(0);
  });

  it('names documents and files through the pseudonym list too', async () => {
    const { project, dir } = newSession();
    const named = join(dir, 'Interview Katrien Lemmens.docx');
    copyFileSync(join(transcripts, 'interview-01-aso.docx'), named);
    const report = await importFiles(project, { files: [{ path: named }], pseudonyms, participant: 'Katrien Lemmens' });
    expect(report.files[0]).toMatchObject({ name: 'Interview K.L.', participant: 'K.L.' });
    expect(listDocuments(project.db)[0]).toMatchObject({ name: 'Interview K.L.', sourceName: 'Interview K.L..docx', participantName: 'K.L.' });
  });

  it('stores canonical text whose turn spans are the turns, in UTF-16 units, also with emoji and CRLF input', async () => {
    const { project, dir } = newSession();
    const path = join(dir, 'emoji.txt');
    writeFileSync(path, 'Lena: Dat was 👍🏽 top.\r\nHanne: Echt? 😀\r\n\r\nLena: Ja, café.\r\n'.normalize('NFD'));
    await importFiles(project, { files: [{ path }] });
    const doc = getDocument(project.db, listDocuments(project.db)[0]!.id)!;
    expect(doc.text).toBe('Dat was 👍🏽 top.\n\nEcht? 😀\n\nJa, café.');
    expect(doc.turns.map((t) => [t.speaker, t.start, t.end])).toEqual([
      ['Lena', 0, 17],
      ['Hanne', 19, 27],
      ['Lena', 29, 38],
    ]);
    for (const turn of doc.turns) expect(doc.text.slice(turn.start, turn.end)).toBe(turn.text);
  });
});

describe('a batch with a bad file', () => {
  it('imports the nineteen good files and reports the bad one by name with its reason', async () => {
    const { project, dir } = newSession();
    const paths: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const path = join(dir, `gesprek-${String(i).padStart(2, '0')}.txt`);
      writeFileSync(path, i === 13 ? Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x07]) : `Interviewer: Vraag ${i}?\nDeelnemer: Antwoord nummer ${i}.\n`);
      paths.push(path);
    }
    const report = await importFiles(project, { files: paths.map((path) => ({ path })) });
    expect([report.imported, report.failed]).toEqual([19, 1]);
    expect(report.files[12]).toEqual({
      file: 'gesprek-13.txt',
      status: 'failed',
      message: 'gesprek-13.txt does not look like a text file (it contains binary data). Export the transcript as text, .docx or subtitles.',
      code: 'binary',
      params: { file: 'gesprek-13.txt' },
    });
    expect(listDocuments(project.db)).toHaveLength(19);
    expect(listDocuments(project.db).map((d) => d.name)).not.toContain('gesprek-13');
  });
});

describe('duplicates', () => {
  it('recognises the same file by content: fail (default) names the first import; skip and add do what they say', async () => {
    const { project, dir } = newSession();
    const original = join(transcripts, 'interview-03-tso.srt');
    await importFiles(project, { files: [{ path: original }] });
    const copy = join(dir, 'kopie.srt');
    copyFileSync(original, copy);
    const before = snapshot(project);

    const failed = await importFiles(project, { files: [{ path: copy }] });
    expect(failed.files[0]).toEqual({
      file: 'kopie.srt',
      status: 'failed',
      duplicateOf: 'interview-03-tso',
      documentId: listDocuments(project.db)[0]!.id,
      message: 'kopie.srt was already imported as "interview-03-tso" (same content). Use --on-duplicate skip to leave it out or --on-duplicate add to import it again.',
    });
    expect(snapshot(project)).toEqual(before);

    const skipped = await importFiles(project, { files: [{ path: copy }], onDuplicate: 'skip' });
    expect(skipped.files[0]).toMatchObject({ status: 'skipped', message: 'kopie.srt was already imported as "interview-03-tso" (same content).' });
    expect(snapshot(project)).toEqual(before);

    const added = await importFiles(project, { files: [{ path: copy }], onDuplicate: 'add' });
    expect(added.files[0]).toMatchObject({ status: 'imported', name: 'kopie' });
    expect(listDocuments(project.db)).toHaveLength(2);
  });
});

describe('participants', () => {
  it('updates attributes on a second table and widens a column whose values no longer fit its type', async () => {
    const { project, dir } = newSession();
    writeFileSync(join(dir, 'a.csv'), 'name,leeftijd,start\nAn,34,2021-09-01\nBo,51,2019-09-01\n');
    writeFileSync(join(dir, 'b.csv'), 'name,leeftijd\nAn,onbekend\nCe,29\n');
    const first = await importFiles(project, { files: [{ path: join(dir, 'a.csv') }] });
    expect(first.participants[0]!.attributes.map((a) => [a.name, a.type])).toEqual([['leeftijd', 'number'], ['start', 'date']]);
    const second = await importFiles(project, { files: [{ path: join(dir, 'b.csv') }] });
    expect(second.participants[0]).toMatchObject({ created: 1, updated: 1 });
    expect(listAttributes(project.db).map((a) => [a.name, a.type])).toEqual([['leeftijd', 'text'], ['start', 'date']]);
    expect(listParticipants(project.db).map((p) => [p.name, p.attributes])).toEqual([
      ['An', { leeftijd: 'onbekend', start: '2021-09-01' }],
      ['Bo', { leeftijd: '51', start: '2019-09-01' }],
      ['Ce', { leeftijd: '29' }],
    ]);
  });

  it('refuses a table with an empty or repeated name, writing nothing', async () => {
    const { project, dir } = newSession();
    const before = snapshot(project);
    writeFileSync(join(dir, 'p.csv'), 'naam;rol\nAn;lb\n;lb\n');
    const report = await importFiles(project, { files: [{ path: join(dir, 'p.csv') }] });
    expect(report.participants[0]).toMatchObject({ status: 'failed', message: 'p.csv, row 3: the name cell ("naam") is empty.' });
    writeFileSync(join(dir, 'q.csv'), 'naam;rol\nAn;lb\nan;lk\n');
    const again = await importFiles(project, { files: [{ path: join(dir, 'q.csv') }] });
    expect(again.participants[0]!.message).toBe('q.csv, row 3: "an" appears twice.');
    expect(snapshot(project)).toEqual(before);
  });
});
