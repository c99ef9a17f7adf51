/**
 * Pseudonymising in place (issue 23): every place a name can live is rewritten, every coding stays
 * on the same words, the preview writes nothing, a refusal writes nothing, and once the project is
 * closed (or purged) no byte of the name is left in the file — in UTF-8, UTF-16 or as the search
 * index's folded token — and a phrase search for it finds nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/handlers.ts';
import { createPseudonymizer, parsePseudonymList } from '../../src/main/core/documents/pseudonyms.ts';
import { documentText } from '../../src/main/core/documents/store.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import { Session } from '../../src/main/core/session.ts';
import { snapToWords } from '../../src/shared/text/words.ts';
import type { ArgsOf, HandlerName, ResultOf } from '../../src/shared/api/contract.ts';
import type { Project } from '../../src/main/core/project.ts';
import { FIXTURES, newSession, snapshot } from '../support/temp.ts';

const SECRET = 'Vandenbroucke';

/** Hits of a word in the project file and its -wal: UTF-8, UTF-16 and the lower case the search index stores. */
function occurrences(path: string, word: string): number {
  let hits = 0;
  for (const file of [path, `${path}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const form of new Set([word, word.toLowerCase()])) {
      for (const needle of [Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le')]) {
        for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) hits++;
      }
    }
  }
  return hits;
}

const rich = (text: string) => JSON.stringify({ root: { children: [{ children: [{ text, type: 'text', version: 1 }], type: 'paragraph', version: 1 }], type: 'root', version: 1 } });

function caller(session: Session) {
  return <K extends HandlerName>(name: K, args: ArgsOf<K>) => dispatch(session, name, args) as Promise<ResultOf<K>>;
}

/** Every place a name can live, each holding SECRET; answers the segment ids around and on the name. */
async function seedEverywhere(session: Session, dir: string, options: { survey?: boolean } = {}) {
  const c = caller(session);
  const path = join(dir, `gesprek-${SECRET}.txt`);
  writeFileSync(
    path,
    `Interviewer: Hoe ging het met ${SECRET}?\n${SECRET}: Goed. Mevrouw ${SECRET}'s klas is rustig.\nInterviewer: En daarna?\n${SECRET}: Dan planning met ${SECRET.toUpperCase()} en de zorg.\n`,
  );
  const report = await c('documents/import', { files: [{ path }], participant: SECRET });
  const documentId = report.files[0]!.documentId!;
  const text = (await c('documents/get', { id: documentId })).text;
  const at = (word: string, from = 0) => text.indexOf(word, from);
  const onName = await c('codings/apply', { documentId, start: at('Mevrouw'), end: at('klas') + 4, labelName: `Over ${SECRET}` });
  const after = await c('codings/apply', { documentId, start: at('planning'), end: at('planning') + 8, labelName: 'Planning' });
  const before = await c('codings/apply', { documentId, start: at('Hoe'), end: at('Hoe') + 8, labelName: 'Vraag' });
  await c('labels/update', { id: onName.label.id, definition: `Alles over ${SECRET}.`, definitionRich: rich(`Alles over ${SECRET}.`) });
  await c('memos/save', { target: { kind: 'segment', id: onName.segment.id }, title: `${SECRET} apart`, bodyRich: rich(`Gesprek met ${SECRET}.`), bodyText: `Gesprek met ${SECRET}.` });
  const guide = await c('guide/set', { sections: [{ title: 'Start', questions: [] }] });
  await c('guide/markSpan', { documentId, start: at('Dan'), end: text.length, sectionId: guide[0]!.id });
  await c('tensions/create', { title: 'Rust', poleA: 'zorg', poleB: 'les', findings: [`${SECRET} ziet het anders.`], quotes: [{ segmentId: onName.segment.id, pole: 1 }] });
  const outline = await c('outline/addSection', { parentId: null, title: 'Bevindingen' });
  const section = outline.sections.find((s) => s.title === 'Bevindingen')!;
  await c('outline/addItem', { sectionId: section.id, kind: 'paragraph', text: `Zoals ${SECRET} zei.` });
  const quoted = await c('outline/addItem', { sectionId: section.id, kind: 'quote', segmentId: onName.segment.id });
  // An edited quote keeps the passage's words twice (as edited, and as they were checked).
  const quoteItem = quoted.sections.find((s) => s.id === section.id)!.items.find((i) => i.kind === 'quote')!;
  await c('outline/editQuote', { id: quoteItem.id, text: `Mevrouw ${SECRET}'s klas [van ${SECRET}]` });
  // A survey (issue 27): its file name, a question as an item's header and dimension and as a guide
  // section, an attribute value and an open answer, the respondent's id.
  if (options.survey) {
    const survey = join(dir, `enquete-${SECRET}.csv`);
    writeFileSync(survey, `Naam;Rol;A1.1 Visie van ${SECRET};Wat vindt ${SECRET} ervan?\n${SECRET};coach van ${SECRET};4;Ik overleg wekelijks, ${SECRET} helpt bij de zorg.\nR2;leerkracht;eens;\n`);
    await c('surveys/import', { file: { path: survey } });
  }
  return { documentId, segments: { onName: onName.segment.id, after: after.segment.id, before: before.segment.id } };
}

function segmentsOf(project: Project) {
  return project.db.prepare('SELECT id, document_id AS documentId, start, end, text FROM segments ORDER BY id').all() as Array<{ id: string; documentId: string; start: number; end: number; text: string }>;
}

/** Turns and segments sit where their words are: each one's text is its stretch of the document's text. */
function expectConsistent(project: Project): void {
  for (const s of segmentsOf(project)) expect(documentText(project.db, s.documentId)!.slice(s.start, s.end)).toBe(s.text);
  for (const t of project.db.prepare('SELECT d.id AS d, t.start, t.end, t.text FROM turns t JOIN documents d ON d.seq = t.document_seq').all() as Array<{ d: string; start: number; end: number; text: string }>) {
    expect(documentText(project.db, t.d)!.slice(t.start, t.end)).toBe(t.text);
  }
}

describe('pseudonymising in place', () => {
  it('keeps every coding on the same words (segments compared before and after) across the six fixtures', async () => {
    const { session, project } = newSession();
    await importFiles(project, { files: [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }] });
    const c = caller(session);
    // A segment on every tenth sentence-sized stretch of every document: many hold a name, most follow one.
    for (const doc of await c('documents/list', {})) {
      const text = (await c('documents/get', { id: doc.id })).text;
      for (let at = 0; at + 120 < text.length; at += 997) {
        // Whole words, as a coder selects them (a span cut inside a name takes the whole pseudonym: offset-map.test.ts).
        const { start, end } = snapToWords(text, at, at + 120)!;
        await c('codings/apply', { documentId: doc.id, start, end, labelName: 'Stuk' });
      }
    }
    const before = segmentsOf(project);
    expect(before.length).toBeGreaterThan(100);
    const list = parsePseudonymList('pseudonyms.csv', readFileSync(join(FIXTURES, 'pseudonyms.csv'), 'utf8'));
    const result = await c('pseudonyms/apply', { list: { path: join(FIXTURES, 'pseudonyms.csv') } });
    expect(result.applied).toBe(true);
    expect(result.documents).toHaveLength(6);
    const after = new Map(segmentsOf(project).map((s) => [s.id, s]));
    const pz = createPseudonymizer(list);
    let moved = 0;
    for (const s of before) {
      // The same words, with the names in them replaced: what the list does to the old snapshot.
      expect(after.get(s.id)!.text).toBe(pz.apply(s.text));
      if (after.get(s.id)!.start !== s.start) moved++;
    }
    expect(moved).toBeGreaterThan(50);
    expectConsistent(project);
    const names = project.db.prepare('SELECT name FROM participants').pluck().all();
    expect(names).not.toContain('Katrien Lemmens');
    expect(JSON.stringify(project.db.prepare('SELECT speakers FROM documents').pluck().all())).not.toMatch(/Katrien|Sofie|Bart/);
  }, 60_000);

  it('previews per document without writing anything', async () => {
    const { session, project, dir } = newSession();
    await seedEverywhere(session, dir);
    const untouched = snapshot(project);
    const preview = await caller(session)('pseudonyms/preview', { entries: [{ name: SECRET, pseudonym: 'NN' }] });
    expect(snapshot(project)).toEqual(untouched);
    expect(preview.documents).toHaveLength(1);
    const doc = preview.documents[0]!;
    expect(doc.renamed).toBe('gesprek-NN');
    expect(doc.replacements).toEqual([{ name: SECRET, pseudonym: 'NN', count: 8 }]);
    expect(doc.examples[0]).toMatchObject({ before: expect.stringContaining(`met ${SECRET}?`), after: expect.stringContaining('met NN?') });
    expect(doc.segmentsMoved).toBe(2);
    expect(preview.elsewhere.map((p) => p.place)).toEqual(expect.arrayContaining(['participants', 'labels', 'memos', 'tension_statements', 'outline_items']));
  });

  it('refuses to give two participants one name, writing nothing', async () => {
    const { session, project, dir } = newSession();
    await seedEverywhere(session, dir);
    await caller(session)('participants/update', { id: project.db.prepare('SELECT id FROM participants').pluck().get() as string, name: SECRET });
    const other = join(dir, 'b.txt');
    writeFileSync(other, 'Interviewer: Vraag?\nLies: Antwoord.\n');
    await caller(session)('documents/import', { files: [{ path: other }], participant: 'Lies' });
    const untouched = snapshot(project);
    await expect(caller(session)('pseudonyms/apply', { entries: [{ name: SECRET, pseudonym: 'Lies' }] })).rejects.toThrow(/Two participants would both be called "Lies"/);
    expect(snapshot(project)).toEqual(untouched);
  });

  it('leaves no byte of the name in the file once closed, from every place it lived, after undo and redo; a phrase search finds nothing', async () => {
    const { session, project, path, dir } = newSession();
    const { segments } = await seedEverywhere(session, dir, { survey: true });
    project.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(occurrences(path, SECRET)).toBeGreaterThan(10);
    const c = caller(session);
    const textBefore = segmentsOf(project).find((s) => s.id === segments.after)!.text;
    await c('pseudonyms/apply', { entries: [{ name: SECRET, pseudonym: 'NN' }] });
    expectConsistent(project);
    expect(segmentsOf(project).find((s) => s.id === segments.onName)!.text).toBe("Mevrouw NN's klas");
    expect(segmentsOf(project).find((s) => s.id === segments.after)!.text).toBe(textBefore);
    await c('history/undo', {});
    expect(segmentsOf(project).find((s) => s.id === segments.onName)!.text).toBe(`Mevrouw ${SECRET}'s klas`);
    await c('history/redo', {});
    expect((await c('search/query', { query: SECRET })).total).toBe(0);
    session.close();
    expect(occurrences(path, SECRET)).toBe(0);

    const again = new Session('t');
    const reopened = again.open(path);
    try {
      expect((await caller(again)('search/query', { query: SECRET })).total).toBe(0);
      expect((await caller(again)('search/query', { query: `"met ${SECRET}"` })).total).toBe(0);
      expect((await caller(again)('search/query', { query: '"met NN"' })).total).toBe(2);
      expect(reopened.db.prepare("SELECT summary FROM change_log WHERE action = 'pseudonyms/apply'").pluck().get()).toMatch(/^Pseudonymised \d+ occurrences of 1 name in 2 documents$/);
    } finally {
      again.close();
    }
  });

  it('reads only the transcripts the search index places a name in, and misses none (possessives, capitals, accents)', async () => {
    const { session, project, dir } = newSession();
    const texts: Record<string, string> = {
      a: 'Interviewer: En de klas?\nLies: Chloës klas is rustig.\n',
      b: 'Interviewer: En de klas?\nLies: CHLOË zegt niets.\n',
      c: 'Interviewer: En de klas?\nLies: Niemand zegt iets.\n',
    };
    for (const [name, text] of Object.entries(texts)) {
      writeFileSync(join(dir, `${name}.txt`), text);
      await caller(session)('documents/import', { files: [{ path: join(dir, `${name}.txt`) }] });
    }
    const result = await caller(session)('pseudonyms/apply', { entries: [{ name: 'Chloë', pseudonym: 'NN' }] });
    expect(result.documents.map((d) => d.name).sort()).toEqual(['a', 'b']);
    expect(project.db.prepare("SELECT text FROM turns WHERE position = 1 ORDER BY text").pluck().all()).toEqual(['NN zegt niets.', 'NNs klas is rustig.', 'Niemand zegt iets.']);
  });

  it('"Purge now" removes the name from the file while the project stays open', async () => {
    const { session, project, path, dir } = newSession();
    await seedEverywhere(session, dir);
    await caller(session)('pseudonyms/apply', { entries: [{ name: SECRET, pseudonym: 'NN' }] });
    expect(project.history.canUndo).toBe(true);
    await caller(session)('project/purge', {});
    expect(project.history.canUndo).toBe(false);
    expect(occurrences(path, SECRET)).toBe(0);
  });

  it('without the purge the name stays in the file until close (why the write is purging)', async () => {
    const { session, project, path, dir } = newSession();
    await seedEverywhere(session, dir);
    await caller(session)('pseudonyms/apply', { entries: [{ name: SECRET, pseudonym: 'NN' }] });
    project.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(occurrences(path, SECRET)).toBeGreaterThan(0);
  });
});
