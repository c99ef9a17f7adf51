/**
 * Two researchers, two laptops (issue 25): each codes a copy of one project; one copy is merged into
 * the other. Every coding arrives (counted one by one), merging again changes nothing, a conflicting
 * edit keeps this copy's version and is listed, and nothing withdrawn or replaced here comes back.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/core/handlers.ts';
import { cancelledAtFirstStep } from '../support/tasks.ts';
import { Session } from '../../src/main/core/session.ts';
import { codersByName } from '../../src/main/core/coders/service.ts';
import type { MergeReport } from '../../src/shared/merge.ts';
import { snapshot, tempDir } from '../support/temp.ts';
import { caller } from './analysis-fixture.ts';
import { afterEach } from 'vitest';

const FIXTURES = join(import.meta.dirname, '../../fixtures/transcripts');
const sessions: Session[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.close();
});

function rich(text: string): string {
  return JSON.stringify({
    root: {
      children: [{ children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }], direction: null, format: '', indent: 0, type: 'paragraph', version: 1 }],
      direction: null,
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  });
}

/** A small fixed-seed generator (mulberry32): the same codings every run. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

/** Laptop A makes the project and imports the transcripts; laptop B gets a copy of it. */
async function twoLaptops(options: { files?: string[]; participant?: string; before?: (a: ReturnType<typeof caller>, session: Session) => Promise<void> } = {}) {
  const dir = tempDir();
  const anna = new Session('Anna', { laptop: 'a' });
  sessions.push(anna);
  anna.create(join(dir, 'anna.duiding'), 'Studie');
  const a = caller(anna);
  const files = options.files ?? ['interview-01-aso.docx', 'interview-03-tso.srt', 'interview-04-kso.txt'];
  await a('documents/import', { files: files.map((f) => ({ path: join(FIXTURES, f) })), ...(options.participant ? { participant: options.participant } : {}) });
  await a('labels/create', { name: 'Gedeeld label' });
  await options.before?.(a, anna);
  await a('project/copy', { out: join(dir, 'bert.duiding') });
  const bert = new Session('Bert', { laptop: 'b' });
  sessions.push(bert);
  bert.open(join(dir, 'bert.duiding'));
  return { dir, anna, bert, a, b: caller(bert), bertFile: join(dir, 'bert.duiding') };
}

/** Codes random spans with random labels (some names made on both laptops) and writes random memos. */
async function codeRandomly(c: ReturnType<typeof caller>, seed: number, n: number, side: string) {
  const random = rng(seed);
  const documents = await c('documents/list', {});
  const texts = await Promise.all(documents.map(async (d) => (await c('documents/get', { id: d.id })).text));
  const names = [...Array.from({ length: 12 }, (_, i) => `${side} label ${i}`), 'Werkdruk', 'Zorg', 'Gedeeld label'];
  for (let i = 0; i < n; i++) {
    const d = random.int(documents.length);
    const text = texts[d]!;
    const start = random.int(text.length - 40);
    const end = start + 5 + random.int(30);
    const { segment } = await c('codings/apply', { documentId: documents[d]!.id, start, end, labelName: names[random.int(names.length)]! });
    if (random.next() < 0.15) await c('memos/save', { target: { kind: 'segment', id: segment.id }, bodyRich: rich(`${side} memo ${i}`), bodyText: `${side} memo ${i}` });
  }
}

interface CodingKey {
  document: string;
  start: number;
  end: number;
  label: string;
  coder: string;
}
function codingsOf(session: Session): CodingKey[] {
  return session.project.db
    .prepare(
      `SELECT d.source_hash AS document, s.start, s.end, c.label_id AS label, c.coder FROM codings c JOIN segments s ON s.id = c.segment_id JOIN documents d ON d.id = s.document_id
       ORDER BY 1, 2, 3, 4, 5`,
    )
    .all() as CodingKey[];
}
const keyOf = (c: CodingKey) => `${c.document}|${c.start}|${c.end}|${c.label}|${c.coder}`;

describe('merging two laptops’ copies', () => {
  it('is a long call: progress step by step, other reads answered between the steps, and Cancel leaves the project exactly as before', async () => {
    const { anna, bert, a, b, bertFile } = await twoLaptops();
    await codeRandomly(b, 77, 120, 'Bert');
    bert.close();
    const before = snapshot(anna.project);
    let readDuring: unknown = null;
    // At the first step's notice: a read is answered, then Cancel, long before the codings.
    const notices = await cancelledAtFirstStep(anna, 'merge/apply', { file: { path: bertFile } }, 'merge-1', (cancel) => {
      void a('labels/list', {}).then((labels) => (readDuring = labels));
      cancel();
    });
    expect(notices[0]).toMatchObject({ action: 'merge/apply', done: 1, total: 14 });
    expect(notices.at(-1)!.done).toBeLessThan(14);
    expect(readDuring).not.toBeNull();
    expect(snapshot(anna.project)).toEqual(before);
    // Not cancelled, the same merge runs to its end as one undoable write.
    const report = (await dispatch(anna, 'merge/apply', { file: { path: bertFile } })) as MergeReport;
    expect(report.changed).toBe(true);
    expect(report.added.codings).toBeGreaterThan(100);
    await a('history/undo', {});
    // Undo brings every table back; the change log keeps the merge and its undo.
    const tablesOf = (all: Record<string, unknown>) => Object.fromEntries(Object.entries(all).filter(([table]) => !table.startsWith('change_')));
    expect(tablesOf(snapshot(anna.project))).toEqual(tablesOf(before));
  });

  it('brings every coding, label and memo of the other copy, counted one by one; merging again changes nothing', async () => {
    const { anna, bert, a, b, bertFile } = await twoLaptops();
    await codeRandomly(a, 25, 300, 'Anna');
    await codeRandomly(b, 2025, 300, 'Bert');
    const theirs = codingsOf(bert);
    const ours = codingsOf(anna);
    const theirMemos = (bert.project.db.prepare('SELECT body_text FROM memos').pluck().all() as string[]).sort();
    const theirLabels = bert.project.db.prepare('SELECT id FROM labels').pluck().all() as string[];
    expect(theirs.length).toBeGreaterThan(250);
    bert.close();

    const report = (await dispatch(anna, 'merge/apply', { file: { path: bertFile } })) as MergeReport;
    expect(report.changed).toBe(true);
    const merged = new Set(codingsOf(anna).map(keyOf));
    // Every coding of either copy is there, one by one: none lost, none doubled.
    for (const coding of [...theirs, ...ours]) expect(merged.has(keyOf(coding)), keyOf(coding)).toBe(true);
    expect(merged.size).toBe(new Set([...theirs, ...ours].map(keyOf)).size);
    expect(codingsOf(anna)).toHaveLength(merged.size);
    expect(report.codings.added).toBe(theirs.length);
    // Two coders, each under their own id, named.
    const coders = (await dispatch(anna, 'coders/list', {})) as Array<{ id: string; name: string; codings: number }>;
    expect(coders.map((c) => [c.name, c.codings]).sort()).toEqual([
      ['Anna', ours.length],
      ['Bert', theirs.length],
    ]);
    const annaMemos = anna.project.db.prepare("SELECT body_text FROM memos WHERE body_text LIKE 'Bert memo%'").pluck().all() as string[];
    expect(annaMemos.sort()).toEqual(theirMemos);
    for (const id of theirLabels) expect(anna.project.db.prepare('SELECT 1 FROM labels WHERE id = ?').get(id)).toBeTruthy();
    // Both made "Werkdruk" and "Zorg" on their own: proposed for a merge, not merged silently.
    expect(report.labelProposals.map((p) => p.ours.name).sort()).toEqual(['Werkdruk', 'Zorg']);
    // The label made before the copy is one label, not two.
    expect(anna.project.db.prepare("SELECT COUNT(*) FROM labels WHERE name = 'Gedeeld label'").pluck().get()).toBe(1);
    expect(report.documents.matched).toHaveLength(3);
    expect(report.documents.added).toEqual([]);

    // One undo step takes the whole merge back.
    const after = snapshot(anna.project);
    await dispatch(anna, 'history/undo', {});
    expect(codingsOf(anna)).toEqual(ours);
    await dispatch(anna, 'history/redo', {});
    expect(codingsOf(anna).map(keyOf).sort()).toEqual([...merged].sort());

    // The researcher merges the labels both made: merging the copy again brings no label back.
    for (const p of report.labelProposals) await dispatch(anna, 'labels/merge', { sourceId: p.theirs.id, targetId: p.ours.id });
    // Again: everything matches, nothing is written (not even a change-log entry).
    const before = snapshot(anna.project);
    const again = (await dispatch(anna, 'merge/apply', { file: { path: bertFile } })) as MergeReport;
    expect(again.changed).toBe(false);
    expect(again.added).toEqual({});
    expect(again.labelProposals).toEqual([]);
    expect(snapshot(anna.project)).toEqual(before);
    expect(Object.keys(after)).toEqual(Object.keys(before));
  }, 120_000);

  it('keeps this copy’s version of an object both changed, and lists the other’s', async () => {
    const { anna, bert, a, b, bertFile } = await twoLaptops({ files: ['interview-04-kso.txt'] });
    const label = (await a('labels/list', {})).find((l) => l.name === 'Gedeeld label')!;
    await a('labels/update', { id: label.id, name: 'Gedeeld label (Anna)' });
    await b('labels/update', { id: label.id, name: 'Gedeeld label (Bert)', colour: '#009E73' });
    bert.close();
    const report = (await dispatch(anna, 'merge/apply', { file: { path: bertFile } })) as MergeReport;
    const row = anna.project.db.prepare('SELECT name, colour FROM labels WHERE id = ?').get(label.id) as { name: string; colour: string };
    expect(row.name).toBe('Gedeeld label (Anna)');
    const conflict = report.conflicts.find((c) => c.table === 'labels' && c.id === label.id)!;
    expect(conflict.name).toBe('Gedeeld label (Anna)');
    expect(conflict.fields.find((f) => f.field === 'name')).toEqual({
      field: 'name',
      ours: 'Gedeeld label (Anna)',
      theirs: 'Gedeeld label (Bert)',
      take: { handler: 'labels/update', input: { id: label.id, name: 'Gedeeld label (Bert)' } },
    });
    expect(conflict.fields.find((f) => f.field === 'colour')?.theirs).toBe('#009E73');
    expect(report.conflicts.map((c) => c.table)).toEqual(['labels']);
  });

  it('takes the other copy’s version of a conflict through the object’s own update handler, one undo step each', async () => {
    const { anna, bert, a, b, bertFile } = await twoLaptops({
      files: ['interview-04-kso.txt'],
      participant: 'Lotte',
      before: async (a, here) => {
        await a('concepts/create', { name: 'Werkdruk', definition: 'Wat te veel is.' });
        await a('memos/save', { target: { kind: 'project' }, title: 'Idee', bodyRich: rich('Eerste gedachte.'), bodyText: 'Eerste gedachte.' });
        await a('tensions/create', { title: 'Tijd', poleA: 'zorg', poleB: 'les', findings: ['Een bevinding.', 'Nog een.'] });
        await a('learningQuestions/create', { question: 'Hoe plannen leerkrachten?', kind: 'explicit' });
        await a('outline/addSection', { parentId: null, title: 'Resultaten' });
        const section = here.project.db.prepare("SELECT id FROM outline_sections WHERE title = 'Resultaten'").pluck().get() as string;
        await a('outline/addItem', { sectionId: section, kind: 'paragraph', text: 'Een alinea.' });
        await a('report/updateSettings', { titleLines: [{ kind: 'title', text: 'Verslag' }] });
      },
    });
    const id = (sql: string) => anna.project.db.prepare(sql).pluck().get() as string;
    const ids = {
      concept: id('SELECT id FROM concepts'),
      memo: id('SELECT id FROM memos'),
      tension: id('SELECT id FROM tensions'),
      question: id('SELECT id FROM learning_questions'),
      item: id('SELECT id FROM outline_items'),
      statement: id("SELECT id FROM tension_statements WHERE text = 'Nog een.'"),
      section: id('SELECT id FROM outline_sections'),
    };
    const speakers = (await a('speakers/list', {}))[0]!;
    const speaker = speakers.speakers.find((sp) => sp.role !== 'interviewer')!;
    const participant = (await a('participants/list', {})).participants[0]!;
    // Both change the same things, each their own way.
    for (const [c, who] of [[a, 'Anna'], [b, 'Bert']] as const) {
      await c('concepts/update', { id: ids.concept, definition: `${who}s definitie.`, definitionRich: rich(`${who}s definitie.`), colour: who === 'Anna' ? '#0072B2' : '#D55E00' });
      await c('memos/save', { id: ids.memo, target: { kind: 'project' }, title: `Idee van ${who}`, bodyRich: rich(`${who} denkt na.`), bodyText: `${who} denkt na.` });
      await c('tensions/update', { id: ids.tension, poleA: `zorg (${who})` });
      await c('learningQuestions/update', { id: ids.question, question: `Hoe plannen leerkrachten, vraagt ${who}?` });
      await c('outline/updateItem', { id: ids.item, text: `De alinea van ${who}.`, rich: rich(`De alinea van ${who}.`) });
      await c('report/updateSettings', { titleLines: [{ kind: 'title', text: `Verslag van ${who}` }, { kind: 'author', text: who }], quoteStyle: who === 'Anna' ? 'quote' : 'plain', attribution: who === 'Anna' ? 'source' : 'full' });
      await c('outline/updateSection', { id: ids.section, title: `Resultaten volgens ${who}` });
      await c('participants/update', { id: participant.id, attributes: { Leeftijd: who === 'Anna' ? 41 : 42 } });
      await c('speakers/set', { name: speaker.name, documentId: speakers.documentId, role: who === 'Anna' ? 'other' : 'interviewer' });
    }
    // The project's title has no update handler: the report says why instead of offering a button.
    bert.project.db.prepare("UPDATE project_meta SET value = 'Studie (Bert)' WHERE key = 'title'").run();
    // The screen never edits a finding in place (a changed line is a new one), but another tool may.
    bert.project.db.prepare("UPDATE tension_statements SET text = 'Nog een, zegt Bert.' WHERE id = ?").run(ids.statement);
    bert.close();
    const report = (await dispatch(anna, 'merge/apply', { file: { path: bertFile } })) as MergeReport;
    const field = (table: string, objectId: string, name: string) => {
      const found = report.conflicts.find((c) => c.table === table && c.id === objectId)?.fields.find((f) => f.field === name);
      expect(found, `${table} ${name}`).toBeDefined();
      return found!;
    };
    const title = field('project_meta', 'title', 'title');
    expect(title).toMatchObject({ ours: 'Studie', theirs: 'Studie (Bert)', why: 'projectTitle' });
    expect(title.take).toBeUndefined();

    const read = {
      concept: () => anna.project.db.prepare('SELECT definition, definition_rich AS rich, colour FROM concepts').get(),
      memo: () => anna.project.db.prepare('SELECT title, body_text AS text, body_rich AS rich FROM memos').get(),
      tension: () => anna.project.db.prepare('SELECT pole_a FROM tensions').pluck().get(),
      statements: () => anna.project.db.prepare("SELECT text FROM tension_statements WHERE kind = 'finding' ORDER BY position").pluck().all(),
      question: () => anna.project.db.prepare('SELECT question FROM learning_questions').pluck().get(),
      item: () => anna.project.db.prepare('SELECT text, rich FROM outline_items').get(),
      titleBlock: () => anna.project.db.prepare('SELECT kind, text FROM report_title_lines ORDER BY position').all(),
      layout: () => anna.project.db.prepare('SELECT quote_style, attribution FROM report_settings').get(),
      section: () => anna.project.db.prepare('SELECT title FROM outline_sections').pluck().get(),
      age: () => anna.project.db.prepare("SELECT value FROM participant_attributes JOIN attributes a ON a.id = attribute_id WHERE a.name = 'Leeftijd'").pluck().get(),
      role: () => anna.project.db.prepare('SELECT role FROM speakers WHERE document_id = ? AND name = ?').pluck().get(speakers.documentId, speaker.name),
    };
    const layoutId = id('SELECT id FROM report_settings');
    const speakerId = id(`SELECT id FROM speakers WHERE name = '${speaker.name}'`);
    const cases: Array<[string, string, string, () => unknown, unknown]> = [
      ['concepts', ids.concept, 'definition', read.concept, { definition: 'Berts definitie.', rich: rich('Berts definitie.'), colour: '#0072B2' }],
      ['concepts', ids.concept, 'colour', read.concept, { definition: 'Annas definitie.', rich: rich('Annas definitie.'), colour: '#D55E00' }],
      ['memos', ids.memo, 'body_text', read.memo, { title: 'Idee van Anna', text: 'Bert denkt na.', rich: rich('Bert denkt na.') }],
      ['memos', ids.memo, 'title', read.memo, { title: 'Idee van Bert', text: 'Anna denkt na.', rich: rich('Anna denkt na.') }],
      ['tensions', ids.tension, 'pole_a', read.tension, 'zorg (Bert)'],
      ['tension_statements', ids.statement, 'text', read.statements, ['Een bevinding.', 'Nog een, zegt Bert.']],
      ['learning_questions', ids.question, 'question', read.question, 'Hoe plannen leerkrachten, vraagt Bert?'],
      ['outline_items', ids.item, 'text', read.item, { text: 'De alinea van Bert.', rich: rich('De alinea van Bert.') }],
      ['report_title_lines', 'title-block', 'lines', read.titleBlock, [{ kind: 'title', text: 'Verslag van Bert' }, { kind: 'author', text: 'Bert' }]],
      ['report_settings', layoutId, 'quote_style', read.layout, { quote_style: 'plain', attribution: 'source' }],
      ['report_settings', layoutId, 'attribution', read.layout, { quote_style: 'quote', attribution: 'full' }],
      ['outline_sections', ids.section, 'title', read.section, 'Resultaten volgens Bert'],
      ['participant_attributes', participant.id, 'value', read.age, 42],
      ['speakers', speakerId, 'role', read.role, 'interviewer'],
    ];
    for (const [table, objectId, name, now, theirs] of cases) {
      const conflict = field(table, objectId, name);
      expect(conflict.take, `${table} ${name}`).toBeDefined();
      const ours = now();
      // The call the report's button makes.
      await dispatch(anna, conflict.take!.handler as never, conflict.take!.input as never);
      expect(now(), `${table} ${name}`).toEqual(theirs);
      await dispatch(anna, 'history/undo', {});
      expect(now(), `${table} ${name} undone`).toEqual(ours);
    }
  });

  it('brings the codings made with a label whose definition the other copy edited; the definition here stays, the other is listed', async () => {
    const { anna, bert, a, b, bertFile } = await twoLaptops({ files: ['interview-04-kso.txt'] });
    const label = (await a('labels/list', {})).find((l) => l.name === 'Gedeeld label')!;
    await a('labels/update', { id: label.id, definition: 'Wat de leerkracht over het team zegt.' });
    const doc = (await b('documents/list', {}))[0]!;
    const text = (await b('documents/get', { id: doc.id })).text;
    for (let i = 0; i < 5; i++) await b('codings/apply', { documentId: doc.id, start: 40 * i, end: 40 * i + 20, labelId: label.id });
    expect(text.length).toBeGreaterThan(250);
    bert.close();
    const report = (await dispatch(anna, 'merge/apply', { file: { path: bertFile } })) as MergeReport;
    expect(report.codings.added).toBe(5);
    const codings = anna.project.db.prepare('SELECT COUNT(*) FROM codings WHERE label_id = ?').pluck().get(label.id);
    expect(codings).toBe(5);
    expect(anna.project.db.prepare('SELECT definition FROM labels WHERE id = ?').pluck().get(label.id)).toBe('Wat de leerkracht over het team zegt.');
    expect(report.conflicts).toEqual([{ table: 'labels', id: label.id, name: 'Gedeeld label', fields: [{ field: 'definition', ours: 'Wat de leerkracht over het team zegt.', theirs: '', take: { handler: 'labels/update', input: { id: label.id, definition: '', definitionRich: null } } }] }]);
  });

  it('two laptops that both say "Anna" stay two coders until the researcher unites them', async () => {
    const dir = tempDir();
    const one = new Session('Anna', { laptop: 'one' });
    sessions.push(one);
    one.create(join(dir, 'one.duiding'), 'Studie');
    const a = caller(one);
    await a('documents/import', { files: [{ path: join(FIXTURES, 'interview-04-kso.txt') }] });
    const doc = (await a('documents/list', {}))[0]!;
    // Laptop one's Anna has coded before the copy is taken: laptop two's Anna does not become her.
    await a('codings/apply', { documentId: doc.id, start: 0, end: 10, labelName: 'Eén' });
    await a('project/copy', { out: join(dir, 'two.duiding') });
    const two = new Session('Anna', { laptop: 'two' });
    sessions.push(two);
    two.open(join(dir, 'two.duiding'));
    const b = caller(two);
    await b('codings/apply', { documentId: doc.id, start: 20, end: 30, labelName: 'Eén' });
    expect((await b('coders/list', {})).map((c) => [c.name, c.thisLaptop, c.codings])).toEqual([
      ['Anna', false, 1],
      ['Anna', true, 1],
    ]);
    two.close();
    await a('merge/apply', { file: { path: join(dir, 'two.duiding') } });
    const coders = await a('coders/list', {});
    expect(coders.map((c) => c.name)).toEqual(['Anna', 'Anna']);
    expect(coders.filter((c) => c.thisLaptop)).toHaveLength(1);
    const other = coders.find((c) => !c.thisLaptop)!;
    const mine = coders.find((c) => c.thisLaptop)!;
    // A display name two coders bear is refused with the choices (the CLI's --coders); an id is taken.
    expect(() => codersByName(one.project.db, ['anna'])).toThrow(/"anna" names 2 coders \(from different laptops\): Anna \(.+\), Anna \(.+\)/);
    expect(codersByName(one.project.db, [mine.id])).toEqual([mine.id]);
    await a('coders/unite', { from: other.id, into: mine.id });
    const united = await a('coders/list', {});
    expect(codersByName(one.project.db, ['Anna'])).toEqual([mine.id]);
    expect(united.find((c) => c.id === mine.id)!.codings).toBe(2);
    expect(united.find((c) => c.id === other.id)!.sameAs).toBe(mine.id);
    // Merging that copy again maps its "Anna" to the one kept: nothing comes back.
    const again = await a('merge/apply', { file: { path: join(dir, 'two.duiding') } });
    expect(again.changed).toBe(false);
  });

  it('refuses a copy that is not pseudonymised as this project is, and pseudonymises it on the way in with a list', async () => {
    const { anna, bert, a, b, dir, bertFile } = await twoLaptops({ files: ['interview-04-kso.txt'] });
    const doc = (await a('documents/list', {}))[0]!;
    const text = (await a('documents/get', { id: doc.id })).text;
    const word = text.match(/\b[A-Z][a-z]{4,}\b/)![0];
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'list.csv'), `naam;pseudoniem\n${word};Pseudo\n`);
    await a('pseudonyms/apply', { list: { path: join(dir, 'list.csv') } });
    expect((await a('documents/get', { id: doc.id })).text).not.toContain(word);
    await b('codings/apply', { documentId: doc.id, start: 0, end: 12, labelName: 'Bert' });
    bert.close();
    const before = snapshot(anna.project);
    await expect(dispatch(anna, 'merge/apply', { file: { path: bertFile } })).rejects.toThrow(/bert\.duiding is not pseudonymised as this project is/);
    expect(snapshot(anna.project)).toEqual(before);
    const report = await a('merge/apply', { file: { path: bertFile }, pseudonyms: { path: join(dir, 'list.csv') } });
    expect(report.codings.added).toBe(1);
    const all = (anna.project.db.prepare('SELECT text FROM turns').pluck().all() as string[]).join('\n');
    expect(all).not.toContain(word);
  });

  it('never brings a withdrawn participant back', async () => {
    const { anna, bert, a, b, bertFile } = await twoLaptops({ files: ['interview-04-kso.txt', 'interview-03-tso.srt'] });
    const docs = await a('documents/list', {});
    await b('codings/apply', { documentId: docs[0]!.id, start: 0, end: 12, labelName: 'Bert' });
    await b('codings/apply', { documentId: docs[1]!.id, start: 0, end: 12, labelName: 'Bert' });
    bert.close();
    await a('withdraw/apply', { documentId: docs[0]!.id });
    const report = await a('merge/apply', { file: { path: bertFile } });
    expect(report.documents.withdrawn).toBe(1);
    expect(anna.project.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(docs[0]!.id)).toBeUndefined();
    expect(report.codings.added).toBe(1);
  });
});
