import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArgsOf, HandlerName, ResultOf } from '../../src/shared/api/contract.ts';
import { loadMigrations, migrate } from '../../src/main/core/db/migrations.ts';
import { dispatch } from '../../src/main/core/handlers.ts';
import type { Project } from '../../src/main/core/project.ts';
import { getDocument, listDocuments } from '../../src/main/core/documents/store.ts';
import { readGuide } from '../../src/main/core/guide/store.ts';
import { applyLabel } from '../../src/main/core/coding/service.ts';
import { autocode } from '../../src/main/core/coding/autocode.ts';
import { coveredLength } from '../../src/main/core/retrieval/service.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import { Session } from '../../src/main/core/session.ts';
import { FIXTURES, newSession } from '../support/temp.ts';

function api(session: Session) {
  return <K extends HandlerName>(name: K, args: ArgsOf<K>) => dispatch(session, name, args) as Promise<ResultOf<K>>;
}

async function withStudy(coder = 'hanne') {
  const { session, project, path } = newSession(coder);
  await importFiles(project, {
    files: [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }],
    pseudonyms: { path: join(FIXTURES, 'pseudonyms.csv') },
  });
  return { session, project, path, call: api(session) };
}

const GUIDE = [
  { title: 'ACHTERGROND PERSOONLIJK', questions: [{ text: 'Kan je iets vertellen over jezelf?', type: 'opening' as const }] },
  { title: 'BELEID SCHOOL', questions: [{ text: 'Hoe ziet het zorgbeleid eruit?', type: 'direct' as const }, { text: 'Wie beslist daarover?', type: 'probing' as const }] },
];

function documentNamed(project: Project, name: string) {
  return getDocument(project.db, listDocuments(project.db).find((d) => d.name === name)!.id)!;
}

describe('migration 0005_guide_spans_history', () => {
  it('moves guide spans to a table with text ids, keeps their rows, and records them in the row history only inside a write', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations.slice(0, 4));
    db.prepare("INSERT INTO project_meta (key, value) VALUES ('created_by', 'hanne')").run();
    db.prepare("INSERT INTO documents VALUES ('d', 'n', 'interview', NULL, 'abcdefgh', 1, 's', 'h', 'txt', 't', 'c')").run();
    db.prepare("INSERT INTO guide_sections (id, position, title) VALUES ('s1', 0, 'BELEID'), ('s2', 1, 'LEREN')").run();
    db.prepare("INSERT INTO guide_questions (id, section_id, position, text) VALUES ('q1', 's1', 0, 'Wie beslist?')").run();
    db.prepare("INSERT INTO document_guide_spans (document_id, section_id, start, end) VALUES ('d', 's1', 0, 4)").run();

    migrate(db, migrations.slice(0, 5));
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'document_guide_spans'").get()).toBeUndefined();
    const moved = db.prepare('SELECT * FROM guide_spans').all() as Array<Record<string, unknown>>;
    expect(moved).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{32}$/), document_id: 'd', section_id: 's1', question_id: null, start: 0, end: 4, created_by: 'hanne', created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM change_rows').get()).toEqual({ n: 0 });

    const insert = db.prepare("INSERT INTO guide_spans (id, document_id, section_id, question_id, start, end, created_by, created_at) VALUES (?, 'd', ?, ?, ?, ?, 'a', 't')");
    expect(() => insert.run('x', 's1', null, 3, 3)).toThrow(/CHECK/);
    expect(() => insert.run('x', 'nope', null, 0, 1)).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO change_log (id, at, coder, action, summary) VALUES (7, 't', 'a', 'test', '')").run();
    db.prepare('UPDATE write_context SET change_id = 7').run();
    insert.run('g1', 's1', 'q1', 2, 6);
    insert.run('g2', 's2', null, 5, 8);
    db.prepare("DELETE FROM guide_questions WHERE id = 'q1'").run(); // question_id goes to NULL
    db.prepare("DELETE FROM guide_sections WHERE id = 's2'").run(); // its span goes along
    const rows = db.prepare("SELECT op, row_id AS rowId, json_extract(after, '$.question_id') AS question FROM change_rows WHERE tbl = 'guide_spans' ORDER BY seq").all();
    expect(rows).toEqual([
      { op: 'insert', rowId: 'g1', question: 'q1' },
      { op: 'insert', rowId: 'g2', question: null },
      { op: 'update', rowId: 'g1', question: null },
      { op: 'delete', rowId: 'g2', question: null },
    ]);
    const image = db.prepare("SELECT before FROM change_rows WHERE tbl = 'guide_spans' AND op = 'delete'").get() as { before: string };
    expect(Object.keys(JSON.parse(image.before) as object).sort()).toEqual(['created_at', 'created_by', 'document_id', 'end', 'id', 'question_id', 'section_id', 'start'].sort());
    db.close();
  });
});

describe('guide spans', () => {
  it('marks and unmarks spans, with section titles and question texts, each one undo step', async () => {
    const { project, call } = await withStudy();
    const [, beleid] = await call('guide/set', { sections: GUIDE });
    const document = documentNamed(project, 'interview-01-aso');
    const turn = document.turns[20]!;
    const span = await call('guide/markSpan', { documentId: document.id, start: turn.start, end: turn.end, sectionId: beleid!.id, questionId: beleid!.questions[1]!.id });
    expect(span).toMatchObject({ documentId: document.id, sectionTitle: 'BELEID SCHOOL', questionText: 'Wie beslist daarover?', start: turn.start, end: turn.end, createdBy: 'hanne' });
    const whole = await call('guide/markSpan', { documentId: document.id, start: document.turns[18]!.start, end: document.turns[24]!.end, sectionId: beleid!.id });
    expect(whole.questionId).toBeNull();
    expect((await call('guide/spans', { documentId: document.id })).map((s) => s.id)).toEqual([whole.id, span.id]);

    const spans = () => call('guide/spans', { documentId: document.id }).then((list) => list.map((s) => s.id));
    expect(project.undo()?.summary).toMatch(/^Undo: Marked “.*” in "interview-01-aso" as guide section "BELEID SCHOOL"$/);
    expect(await spans()).toEqual([span.id]);
    project.redo();
    expect(await call('guide/spans', { documentId: document.id })).toEqual([whole, span]);
    expect(await call('guide/unmarkSpan', { id: span.id })).toBeNull();
    expect(await spans()).toEqual([whole.id]);
    project.undo();
    expect(await call('guide/spans', { documentId: document.id })).toEqual([whole, span]);
    project.redo();
    expect(await spans()).toEqual([whole.id]);
    // A new guide would take the marked spans with its old sections, past what undo can bring back.
    await expect(call('guide/set', { sections: GUIDE })).rejects.toThrow(
      '1 stretch of the transcripts is marked with sections of the interview guide; replacing the guide would drop them. Remove those marks first.',
    );
    await call('guide/unmarkSpan', { id: whole.id });
    expect(await call('guide/set', { sections: GUIDE.slice(1) })).toHaveLength(1);
  });

  it('refuses spans outside the text or splitting a character, questions of another section, and the same mark twice', async () => {
    const { project, call } = await withStudy();
    const [persoonlijk, beleid] = await call('guide/set', { sections: GUIDE });
    const document = documentNamed(project, 'interview-02-aso');
    await expect(call('guide/markSpan', { documentId: document.id, start: 10, end: document.text.length + 1, sectionId: beleid!.id })).rejects.toThrow(/is not inside "interview-02-aso"/);
    await expect(call('guide/markSpan', { documentId: document.id, start: 10, end: 10, sectionId: beleid!.id })).rejects.toThrow(/is not inside/);
    await expect(call('guide/markSpan', { documentId: document.id, start: 0, end: 10, sectionId: 'nope' })).rejects.toThrow('There is no guide section with id nope.');
    await expect(call('guide/markSpan', { documentId: document.id, start: 0, end: 10, sectionId: beleid!.id, questionId: persoonlijk!.questions[0]!.id })).rejects.toThrow(
      'That question is not part of the guide section "BELEID SCHOOL".',
    );
    await call('guide/markSpan', { documentId: document.id, start: 0, end: 10, sectionId: beleid!.id });
    await expect(call('guide/markSpan', { documentId: document.id, start: 0, end: 10, sectionId: beleid!.id })).rejects.toThrow('That stretch of "interview-02-aso" is already marked as "BELEID SCHOOL".');
    await expect(call('guide/unmarkSpan', { id: 'nope' })).rejects.toThrow('There is no guide span with id nope.');

    const { session: other, project: small, dir } = newSession('an');
    writeFileSync(join(dir, 'emoji.txt'), 'R: Top 👍🏽 zo.');
    await importFiles(small, { files: [{ path: join(dir, 'emoji.txt') }] });
    const emojiDocument = getDocument(small.db, listDocuments(small.db)[0]!.id)!;
    const [section] = await api(other)('guide/set', { sections: GUIDE });
    const thumb = emojiDocument.text.indexOf('👍🏽');
    await expect(api(other)('guide/markSpan', { documentId: emojiDocument.id, start: 0, end: thumb + 1, sectionId: section!.id })).rejects.toThrow(/splits a character/);
    expect(await api(other)('guide/markSpan', { documentId: emojiDocument.id, start: 0, end: thumb + 4, sectionId: section!.id })).toMatchObject({ start: 0, end: thumb + 4 });
  });
});

describe('retrieval', () => {
  it('gives every segment of a label with its document, participant and attributes, speaker, time and context inside the turn', async () => {
    const { project, call } = await withStudy();
    const label = (await call('codings/autocode', { labelName: 'zorgbeleid', query: { text: 'zorgbeleid' }, scope: 'match', speakers: 'all' })).label;
    const result = await call('retrieval/segments', { labelId: label.id });
    expect(result.label.id).toBe(label.id);
    expect(result.total).toBe(7);
    expect(result.items).toHaveLength(7);
    const order = result.items.map((i) => [i.documentName, i.segment.start] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]));
    for (const item of result.items) {
      const document = getDocument(project.db, item.documentId)!;
      const turn = document.turns.find((t) => t.position === item.turnPosition)!;
      expect(item.segment.text.toLowerCase()).toBe('zorgbeleid');
      expect(document.text.slice(item.segment.start, item.segment.end)).toBe(item.segment.text);
      expect(item.speaker).toBe(turn.speaker);
      expect(item.startMs).toBe(turn.startMs);
      // The context is the text right around the segment, never past the turn, at most 200 units.
      expect(document.text.slice(item.segment.start - item.before.length, item.segment.start)).toBe(item.before);
      expect(document.text.slice(item.segment.end, item.segment.end + item.after.length)).toBe(item.after);
      expect(item.segment.start - item.before.length).toBeGreaterThanOrEqual(turn.start);
      expect(item.segment.end + item.after.length).toBeLessThanOrEqual(turn.end);
      expect(item.before.length).toBeLessThanOrEqual(200);
      expect(item.after.length).toBeLessThanOrEqual(200);
      expect(item.beforeCut).toBe(item.segment.start - item.before.length > turn.start);
      expect(item.afterCut).toBe(item.segment.end + item.after.length < turn.end);
      // Cut context starts and ends at whole words.
      if (item.beforeCut) expect(document.text[item.segment.start - item.before.length - 1]).toMatch(/\s/);
      if (item.afterCut) expect(document.text[item.segment.end + item.after.length]).toMatch(/\s/);
      expect(item.coders).toEqual(['hanne']);
      expect(item.otherLabels).toEqual([]);
      expect(item.guideSections).toEqual([]);
    }
    const first = result.items.find((i) => i.documentName === 'interview-01-aso')!;
    expect(first.participant).toMatchObject({ name: 'K.L.', attributes: { schooltype: 'ASO', 'jaren ervaring': 12, voltijds: true } });

    const narrow = await call('retrieval/segments', { labelId: label.id, context: 20 });
    expect(narrow.items.every((i) => i.before.length <= 20 && i.after.length <= 20)).toBe(true);
    const none = await call('retrieval/segments', { labelId: label.id, context: 0 });
    expect(none.items.every((i) => i.before === '' && i.after === '')).toBe(true);
    await expect(call('retrieval/segments', { labelId: 'nope' })).rejects.toThrow('There is no label with id nope.');
  });

  it('shows the other labels of each segment, and finds segments of one document', async () => {
    const { project, call } = await withStudy();
    const document = documentNamed(project, 'interview-03-tso');
    const turn = document.turns[5]!;
    const a = applyLabel(project, { documentId: document.id, start: turn.start, end: turn.end, labelName: 'rol' });
    const b = applyLabel(project, { documentId: document.id, start: turn.start, end: turn.end, labelName: 'visie' });
    await autocode(project, { labelName: 'rol', query: { text: 'zorgbeleid' }, scope: 'match', speakers: 'all' });
    const result = await call('retrieval/segments', { labelId: a.label.id, filters: { documentId: document.id } });
    expect(result.items.map((i) => i.documentName)).toEqual(['interview-03-tso', 'interview-03-tso']);
    const coded = result.items.find((i) => i.segment.id === a.segment.id)!;
    expect(coded.otherLabels).toEqual([{ id: b.label.id, name: 'visie', colour: b.label.colour }]);
    expect(coded).toMatchObject({ before: '', after: '', beforeCut: false, afterCut: false, turnPosition: turn.position, speaker: turn.speaker });
    expect((await call('retrieval/segments', { labelId: a.label.id })).total).toBe(8);
  });

  it('filters by participant attributes: school type ASO gives only K.L. and S.P.', async () => {
    const { call } = await withStudy();
    const label = (await call('codings/autocode', { labelName: 'CLB', query: { text: 'CLB' }, scope: 'match', speakers: 'all' })).label;
    const all = await call('retrieval/segments', { labelId: label.id });
    expect(new Set(all.items.map((i) => i.participant?.name))).toEqual(new Set(['K.L.', 'S.P.', 'B.V.', 'L.D.S.', 'Y.A.', 'M.V.d.B.']));
    const aso = await call('retrieval/segments', { labelId: label.id, filters: { attributes: { schooltype: 'ASO' } } });
    expect(new Set(aso.items.map((i) => i.participant?.name))).toEqual(new Set(['K.L.', 'S.P.']));
    expect(aso.total).toBe(all.items.filter((i) => i.participant?.attributes.schooltype === 'ASO').length);
    expect(aso.total).toBeGreaterThan(0);
    // Values match as they read; several attributes must all hold; names ignore case.
    const sp = await call('retrieval/segments', { labelId: label.id, filters: { attributes: { Schooltype: 'aso', 'jaren ervaring': '4' } } });
    expect(new Set(sp.items.map((i) => i.participant?.name))).toEqual(new Set(['S.P.']));
    const fullTime = await call('retrieval/segments', { labelId: label.id, filters: { attributes: { voltijds: true, schooltype: 'ASO' } } });
    expect(new Set(fullTime.items.map((i) => i.participant?.name))).toEqual(new Set(['K.L.']));
    expect((await call('retrieval/segments', { labelId: label.id, filters: { attributes: { schooltype: 'HBO' } } })).total).toBe(0);
    expect((await call('retrieval/segments', { labelId: label.id, filters: { attributes: { nergens: 'x' } } })).total).toBe(0);
  });

  it('filters by coder, and lists the coders who coded', async () => {
    const { session, path } = await withStudy('hanne');
    const hanne = api(session);
    const label = (await hanne('codings/autocode', { labelName: 'directie', query: { text: 'directie' }, scope: 'match', speakers: 'all' })).label;
    expect((await hanne('retrieval/coders', {})).map((c) => c.name)).toEqual(['hanne']);
    session.close();

    const second = new Session('an');
    try {
      second.open(path);
      const an = api(second);
      const [first, other] = (await an('retrieval/segments', { labelId: label.id, filters: { speakers: 'all' } })).items;
      // An codes one of Hanne's segments too, and a new one of her own.
      await an('codings/apply', { documentId: first!.documentId, start: first!.segment.start, end: first!.segment.end, labelId: label.id });
      const own = await an('codings/apply', { documentId: other!.documentId, start: other!.segment.start - 5, end: other!.segment.end, labelId: label.id });
      const coders = await an('retrieval/coders', {});
      expect(coders.map((c) => c.name)).toEqual(['an', 'hanne']);
      const key = (name: string) => coders.find((c) => c.name === name)!.id;
      const ofAn = await an('retrieval/segments', { labelId: label.id, filters: { coder: key('an'), speakers: 'all' } });
      expect(ofAn.items.map((i) => i.segment.id).sort()).toEqual([first!.segment.id, own.segment.id].sort());
      expect(ofAn.items.find((i) => i.segment.id === first!.segment.id)!.coders).toEqual(['an', 'hanne']);
      expect(ofAn.items.find((i) => i.segment.id === own.segment.id)!.coders).toEqual(['an']);
      const ofHanne = await an('retrieval/segments', { labelId: label.id, filters: { coder: key('hanne'), speakers: 'all' } });
      expect(ofHanne.total).toBe(26);
      expect((await an('retrieval/segments', { labelId: label.id, filters: { speakers: 'all' } })).total).toBe(27);
      // Six of the 26 hits are the interviewer's (her questions); without the switch they are left out.
      expect((await an('retrieval/segments', { labelId: label.id, filters: { coder: key('hanne') } })).total).toBe(20);
      expect((await an('retrieval/segments', { labelId: label.id, filters: { coder: 'niemand' } })).total).toBe(0);
    } finally {
      second.close();
    }
  });

  it('filters by guide section: segments overlapping a span marked as that section, named on each', async () => {
    const { project, call } = await withStudy();
    const [persoonlijk, beleid] = await call('guide/set', { sections: GUIDE });
    const label = (await call('codings/autocode', { labelName: 'CLB', query: { text: 'CLB' }, scope: 'match', speakers: 'all' })).label;
    const all = (await call('retrieval/segments', { labelId: label.id })).items;
    const one = documentNamed(project, 'interview-01-aso');
    const inOne = all.filter((i) => i.documentId === one.id);
    expect(inOne.length).toBeGreaterThan(3);
    // BELEID SCHOOL from the second hit's turn to the third hit's; the first hit under ACHTERGROND.
    const from = one.turns.find((t) => t.position === inOne[1]!.turnPosition)!;
    const to = one.turns.find((t) => t.position === inOne[2]!.turnPosition)!;
    await call('guide/markSpan', { documentId: one.id, start: from.start, end: to.end, sectionId: beleid!.id });
    // A span that ends inside the first hit still overlaps it.
    await call('guide/markSpan', { documentId: one.id, start: 0, end: inOne[0]!.segment.start + 1, sectionId: persoonlijk!.id });

    const filtered = await call('retrieval/segments', { labelId: label.id, filters: { guideSectionId: beleid!.id } });
    const expected = inOne.filter((i) => i.segment.start < to.end && from.start < i.segment.end).map((i) => i.segment.id);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(filtered.items.map((i) => i.segment.id)).toEqual(expected);
    expect(filtered.items.every((i) => i.guideSections.includes('BELEID SCHOOL'))).toBe(true);
    const background = await call('retrieval/segments', { labelId: label.id, filters: { guideSectionId: persoonlijk!.id } });
    expect(background.items.map((i) => [i.segment.id, i.guideSections])).toEqual([[inOne[0]!.segment.id, ['ACHTERGROND PERSOONLIJK']]]);
    // Filters combine: BELEID SCHOOL among TSO participants has nothing.
    expect((await call('retrieval/segments', { labelId: label.id, filters: { guideSectionId: beleid!.id, attributes: { schooltype: 'TSO' } } })).total).toBe(0);
    expect(readGuide(project.db)).toHaveLength(2);
  });
});

describe('progress', () => {
  it('gives per document the segments and the share of text coded, overlaps counted once', async () => {
    const { project, dir, call } = await (async () => {
      const s = newSession('an');
      return { ...s, call: api(s.session) };
    })();
    writeFileSync(join(dir, 'kort.txt'), 'R: Een twee drie vier.');
    await importFiles(project, { files: [{ path: join(dir, 'kort.txt') }] });
    const document = getDocument(project.db, listDocuments(project.db)[0]!.id)!;
    expect(document.text).toBe('Een twee drie vier.'); // 19 units
    expect(await call('progress/documents', {})).toEqual([{ documentId: document.id, segments: 0, codedChars: 0, totalChars: 19, share: 0 }]);
    applyLabel(project, { documentId: document.id, start: 0, end: 8, labelName: 'a' }); //   "Een twee"   0–8
    applyLabel(project, { documentId: document.id, start: 4, end: 13, labelName: 'b' }); //  "twee drie"  4–13, overlaps 4–8
    applyLabel(project, { documentId: document.id, start: 4, end: 8, labelName: 'c' }); //   "twee"       inside both
    applyLabel(project, { documentId: document.id, start: 14, end: 18, labelName: 'a' }); // "vier"       14–18
    // Union: 0–13 (13) and 14–18 (4) = 17 of 19.
    expect(await call('progress/documents', {})).toEqual([{ documentId: document.id, segments: 4, codedChars: 17, totalChars: 19, share: 17 / 19 }]);
    expect(coveredLength([{ start: 0, end: 5 }, { start: 5, end: 7 }, { start: 1, end: 2 }, { start: 10, end: 12 }])).toBe(9);
  });

  it('gives per label its segments per participant and its documents', async () => {
    const { project, call } = await withStudy();
    const zorg = (await call('codings/autocode', { labelName: 'zorgbeleid', query: { text: 'zorgbeleid' }, scope: 'match', speakers: 'all' })).label;
    const empty = await call('labels/create', { name: 'leeg' });
    const spreads = await call('progress/labels', {});
    const spread = spreads.find((s) => s.labelId === zorg.id)!;
    const retrieved = (await call('retrieval/segments', { labelId: zorg.id })).items;
    const perParticipant = new Map<string, number>();
    for (const item of retrieved) perParticipant.set(item.participant!.name, (perParticipant.get(item.participant!.name) ?? 0) + 1);
    expect(spread.participants.map((p) => [p.name, p.segments])).toEqual([...perParticipant.entries()].sort((a, b) => a[0].localeCompare(b[0])));
    expect(spread.participants.reduce((sum, p) => sum + p.segments, 0)).toBe(7);
    expect(spread).toMatchObject({ documents: 5, withoutParticipant: 0 });
    expect(spreads.find((s) => s.labelId === empty.id)).toEqual({ labelId: empty.id, participants: [], withoutParticipant: 0, documents: 0 });
    const progress = await call('progress/documents', {});
    expect(progress).toHaveLength(6);
    for (const p of progress) {
      expect(p.totalChars).toBe(getDocument(project.db, p.documentId)!.text.length);
      expect(p.codedChars).toBe(p.segments * 'zorgbeleid'.length);
    }
  });
});
