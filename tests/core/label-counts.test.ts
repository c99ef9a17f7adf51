import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLabels, getLabel, listLabels } from '../../src/main/core/codebook/label-counts.ts';
import { listDocuments, getDocument } from '../../src/main/core/documents/store.ts';
import { applyLabel, removeCoding } from '../../src/main/core/coding/service.ts';
import { createLabel } from '../../src/main/core/codebook/labels.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import type { Project } from '../../src/main/core/project.ts';
import { EXTERNAL, FIXTURES, newSession } from '../support/temp.ts';
import { caller } from './analysis-fixture.ts';

describe('label counts in the codebook list', () => {
  it('counts distinct segments and documents per label, the same from the coding index as for one label', async () => {
    const { project } = newSession('hanne');
    await importFiles(project, { files: [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }], pseudonyms: { path: join(FIXTURES, 'pseudonyms.csv') } });
    const [first, second] = listDocuments(project.db).map((d) => getDocument(project.db, d.id)!);
    expect(second).toBeDefined();
    const span = (doc: typeof first, n: number) => ({ documentId: doc!.id, start: n * 10, end: n * 10 + 8 });
    const unused = createLabel(project, { name: 'ongebruikt' });
    const a = applyLabel(project, { ...span(first, 0), labelName: 'zorg' }).label;
    applyLabel(project, { ...span(first, 1), labelId: a.id });
    applyLabel(project, { ...span(second, 0), labelId: a.id });
    // A second coder on a segment already coded with the label: still one segment, one document.
    project.setCoder('an');
    applyLabel(project, { ...span(first, 0), labelId: a.id });
    const b = applyLabel(project, { ...span(first, 0), labelName: 'visie' }).label;

    // These spans are the interviewer's opening words: counted only with everyone's speech.
    const counts = (scope: 'all' | 'participants' = 'all') => new Map(listLabels(project.db, scope).map((l) => [l.name, [l.segmentCount, l.documentCount]]));
    expect(counts()).toEqual(new Map([['ongebruikt', [0, 0]], ['zorg', [3, 2]], ['visie', [1, 1]]]));
    expect(counts('participants')).toEqual(new Map([['ongebruikt', [0, 0]], ['zorg', [0, 0]], ['visie', [0, 0]]]));
    for (const label of listLabels(project.db, 'all')) expect(label).toEqual(getLabel(project.db, label.id, 'all'));

    removeCoding(project, { segmentId: applyLabel(project, { ...span(second, 0), labelId: a.id }).segment.id, labelId: a.id, allCoders: true });
    expect(counts().get('zorg')).toEqual([2, 1]);
    expect(listLabels(project.db).find((l) => l.id === unused.id)).toEqual(getLabel(project.db, unused.id));
    expect(getLabel(project.db, b.id, 'all')).toMatchObject({ segmentCount: 1, documentCount: 1 });
  });
});

/** The interviewers of the fixtures, as their author wrote them down (fixtures/transcripts/expected). */
const INTERVIEWERS = new Set(['Interviewer', 'Hanne Claeys']);
const FILES = [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }, { path: join(EXTERNAL, 'transcripts') }];

/** Per fixture interview, how often a participant (or anyone) says the word: by regex over the turns, not through the core. */
function saidPerInterview(project: Project, pattern: RegExp, who: 'participants' | 'all'): Map<string, number> {
  const turns = project.db
    .prepare("SELECT d.name AS document, t.speaker, t.text FROM turns t JOIN documents d ON d.seq = t.document_seq WHERE d.name LIKE 'interview-%'")
    .all() as Array<{ document: string; speaker: string | null; text: string }>;
  const out = new Map<string, number>();
  for (const turn of turns) {
    if (who === 'participants' && INTERVIEWERS.has(turn.speaker ?? '')) continue;
    const n = (turn.text.match(pattern) ?? []).length;
    if (n > 0) out.set(turn.document, (out.get(turn.document) ?? 0) + n);
  }
  return out;
}
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Distinct segments of these labels and their documents, by SQL over codings and turns (the speaker's role from INTERVIEWERS). */
function codedBySql(project: Project, labelIds: string[], who: 'participants' | 'all'): [number, number] {
  const rows = project.db
    .prepare(
      `SELECT DISTINCT s.id, s.document_id AS document, t.speaker FROM codings c JOIN segments s ON s.id = c.segment_id
       JOIN documents d ON d.id = s.document_id JOIN turns t ON t.document_seq = d.seq AND t.start < s.end AND s.start < t.end
       WHERE c.label_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(labelIds)) as Array<{ id: string; document: string; speaker: string | null }>;
  const kept = rows.filter((r) => who === 'all' || !INTERVIEWERS.has(r.speaker ?? ''));
  return [new Set(kept.map((r) => r.id)).size, new Set(kept.map((r) => r.document)).size];
}

describe('the codebook counts on the fixtures (issues 20 and 21)', () => {
  async function study() {
    const { session, project } = newSession('hanne');
    const call = caller(session);
    await call('documents/import', { files: FILES, pseudonyms: { path: join(FIXTURES, 'pseudonyms.csv') } });
    return { project, call };
  }

  it('follow whose speech counts, as the matrix does, and match what an auto-code run reports', async () => {
    const { project, call } = await study();
    const DIRECTIE = /(?<![\p{L}\p{N}])directie(?![\p{L}\p{N}])/giu;
    // Every match, the interviewer's included (the code before roles).
    const everything = await call('codings/autocode', { labelName: 'directie', query: { text: 'directie' }, scope: 'match', speakers: 'all' });
    const byParticipants = saidPerInterview(project, DIRECTIE, 'participants');
    const byAnyone = saidPerInterview(project, DIRECTIE, 'all');
    expect(sum(byParticipants)).toBe(20);
    expect(sum(byAnyone)).toBeGreaterThan(20);

    const listed = async (speakers?: 'all') => (await call('labels/list', speakers ? { speakers } : {})).find((l) => l.id === everything.label.id)!;
    expect([(await listed()).segmentCount, (await listed()).documentCount]).toEqual([sum(byParticipants), byParticipants.size]);
    expect([(await listed('all')).segmentCount, (await listed('all')).documentCount]).toEqual([sum(byAnyone), byAnyone.size]);
    // The run answers with the label counted as it chose: everyone's speech.
    expect([everything.coded, everything.documents]).toEqual([sum(byAnyone), byAnyone.size]);
    expect([everything.label.segmentCount, everything.label.documentCount]).toEqual([everything.coded, everything.documents]);
    // The matrix's label row agrees.
    const matrix = await call('matrix/get', { rows: 'labels', by: 'document' });
    expect(matrix.items.find((r) => r.id === everything.label.id)!.total).toBe(sum(byParticipants));

    // A default run (sentences, participants only): the codebook shows what it reported.
    const sentences = await call('codings/autocode', { labelName: 'brede basiszorg', query: { text: 'brede basiszorg' } });
    const shown = (await call('labels/list', {})).find((l) => l.id === sentences.label.id)!;
    expect(sentences.coded).toBeGreaterThan(0);
    expect([shown.segmentCount, shown.documentCount]).toEqual([sentences.coded, sentences.documents]);
    expect([shown.segmentCount, shown.documentCount]).toEqual(codedBySql(project, [sentences.label.id], 'participants'));

    // The count from the file inside a write and from the kept index agree, in both scopes.
    for (const scope of ['participants', 'all'] as const) expect(countLabels(project.db, scope, undefined, 'sql')).toEqual(countLabels(project.db, scope, undefined, 'index'));
  });

  it('a parent counts its sub-labels at every level, a segment with two of them once', async () => {
    const { project, call } = await study();
    const parent = await call('labels/create', { name: 'samenwerking' });
    const clb = await call('labels/create', { name: 'CLB', parentId: parent.id });
    const leiding = await call('labels/create', { name: 'leiding', parentId: parent.id });
    const directeur = await call('labels/create', { name: 'directeur', parentId: leiding.id });
    await call('codings/autocode', { labelId: clb.id, query: { regex: '\\bCLB\\b' } });
    await call('codings/autocode', { labelId: directeur.id, query: { text: 'directie' } });
    // The same sentences coded with a second sub-label: shared segments count once for the parent.
    await call('codings/autocode', { labelId: leiding.id, query: { text: 'directie' } });
    await call('codings/autocode', { labelId: parent.id, query: { text: 'samenwerking' } });
    // And one of the interviewer's questions, which counts only with everyone's speech.
    const interview = listDocuments(project.db).find((d) => d.name === 'interview-01-aso')!;
    const question = getDocument(project.db, interview.id)!.turns.find((t) => INTERVIEWERS.has(t.speaker ?? ''))!;
    const asked = await call('codings/apply', { documentId: interview.id, start: question.start, end: question.end, labelId: directeur.id });
    expect(asked.ancestors.map((l) => l.id)).toEqual([leiding.id, parent.id]);

    for (const scope of ['participants', 'all'] as const) {
      const labels = new Map((await call('labels/list', { speakers: scope })).map((l) => [l.id, l]));
      const branch = [parent.id, clb.id, leiding.id, directeur.id];
      const p = labels.get(parent.id)!;
      expect([p.branchSegmentCount, p.branchDocumentCount], scope).toEqual(codedBySql(project, branch, scope));
      expect([p.segmentCount, p.documentCount], scope).toEqual(codedBySql(project, [parent.id], scope));
      const l = labels.get(leiding.id)!;
      expect([l.branchSegmentCount, l.branchDocumentCount], scope).toEqual(codedBySql(project, [leiding.id, directeur.id], scope));
      // "leiding" and "directeur" sit on the same sentences: the branch is no sum.
      expect(l.branchSegmentCount).toBe(labels.get(directeur.id)!.segmentCount);
      expect(l.branchSegmentCount).toBeLessThan(l.segmentCount + labels.get(directeur.id)!.segmentCount);
      const leaf = labels.get(clb.id)!;
      expect([leaf.branchSegmentCount, leaf.branchDocumentCount]).toEqual([leaf.segmentCount, leaf.documentCount]);
    }
    // The coding's answer carries the counts the list gives (the page puts them in place without asking).
    const listed = new Map((await call('labels/list', {})).map((l) => [l.id, l]));
    for (const label of [asked.label, ...asked.ancestors]) expect(label).toEqual(listed.get(label.id));
  });
});
