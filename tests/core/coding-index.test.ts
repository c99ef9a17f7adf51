import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCodingIndex, codingIndex, type CodingIndex } from '../../src/main/core/coding/store-index.ts';
import { getDocument, listDocuments } from '../../src/main/core/documents/store.ts';
import { getLabel, listLabels } from '../../src/main/core/codebook/label-counts.ts';
import { importQdpx } from '../../src/main/core/refi-qda/import-qdpx.ts';
import { applyLabel, removeCoding, resizeSegment } from '../../src/main/core/coding/service.ts';
import { autocode } from '../../src/main/core/coding/autocode.ts';
import { createLabel, deleteLabel, mergeLabels } from '../../src/main/core/codebook/labels.ts';
import { importFiles } from '../../src/main/core/documents/import.ts';
import type { Project } from '../../src/main/core/project.ts';
import { EXTERNAL, FIXTURES, newSession } from '../support/temp.ts';

/** The index as plain data, in a fixed order, to compare the kept one with one read afresh. */
function plain(index: CodingIndex) {
  const segments = [...index.segments].map(([id, e]) => [id, e.document, e.start, e.end, [...e.labels].sort()] as const).sort((a, b) => a[0].localeCompare(b[0]));
  const labels = [...index.labels]
    .map(([id, t]) => [id, t.segments, [...t.documents].sort((a, b) => a[0].localeCompare(b[0]))] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  return { segments, labels };
}

/** The kept index, brought up to date from the change log, equals the codings as they are in the file. */
function expectCurrent(project: Project): void {
  expect(plain(codingIndex(project.db))).toEqual(plain(buildCodingIndex(project.db)));
  // And the codebook's counts agree with the per-label SQL count.
  for (const label of listLabels(project.db)) expect(label).toEqual(getLabel(project.db, label.id));
}

describe('the coding index', () => {
  it('follows every kind of write, undo and redo from the change log, and equals a fresh read after each', async () => {
    const { project } = newSession('hanne');
    await importFiles(project, { files: [{ path: join(FIXTURES, 'participants.csv') }, { path: join(FIXTURES, 'transcripts') }], pseudonyms: { path: join(FIXTURES, 'pseudonyms.csv') } });
    expectCurrent(project);
    const [first, second] = listDocuments(project.db).map((d) => getDocument(project.db, d.id)!);
    const span = (doc: typeof first, n: number) => ({ documentId: doc!.id, start: n * 20, end: n * 20 + 12 });

    const zorg = applyLabel(project, { ...span(first, 0), labelName: 'zorg' }).label;
    const visie = applyLabel(project, { ...span(first, 0), labelName: 'visie' }).label;
    applyLabel(project, { ...span(first, 1), labelId: zorg.id });
    applyLabel(project, { ...span(second, 2), labelId: visie.id });
    project.setCoder('an');
    const shared = applyLabel(project, { ...span(first, 0), labelId: zorg.id }).segment;
    expectCurrent(project);
    expect(codingIndex(project.db).labels.get(zorg.id)).toMatchObject({ segments: 2 });

    // One coder's coding goes: the segment still has the label from the other coder.
    removeCoding(project, { segmentId: shared.id, labelId: zorg.id });
    expectCurrent(project);
    resizeSegment(project, { segmentId: shared.id, start: 0, end: 15 });
    expectCurrent(project);
    await autocode(project, { labelName: 'leerlingen', query: { text: 'leerlingen' }, scope: 'match', speakers: 'all' });
    expectCurrent(project);
    mergeLabels(project, visie.id, zorg.id);
    expectCurrent(project);
    const extra = createLabel(project, { name: 'weg' });
    applyLabel(project, { ...span(second, 3), labelId: extra.id });
    deleteLabel(project, extra.id);
    expectCurrent(project);

    // Back through every step, then forward again.
    while (project.history.canUndo) {
      project.undo();
      expectCurrent(project);
    }
    expect(codingIndex(project.db).segments.size).toBe(0);
    while (project.history.canRedo) {
      project.redo();
      expectCurrent(project);
    }
    expect(codingIndex(project.db).labels.size).toBeGreaterThan(0);
  });

  it('takes in a REFI-QDA project import, which is no undo step', async () => {
    const { project } = newSession();
    expectCurrent(project);
    await importQdpx(project, { path: join(EXTERNAL, 'refi-qda', 'samples', 'qc-demo.qdpx') });
    expectCurrent(project);
    expect(codingIndex(project.db).segments.size).toBeGreaterThan(0);
  });

  it('rebuilds when a change cannot be applied in place', async () => {
    const { project } = newSession();
    await importFiles(project, { files: [{ path: join(FIXTURES, 'transcripts') }] });
    const [document] = listDocuments(project.db);
    applyLabel(project, { documentId: document!.id, start: 0, end: 10, labelName: 'a' });
    const kept = codingIndex(project.db);
    kept.stale = true;
    applyLabel(project, { documentId: document!.id, start: 20, end: 30, labelName: 'a' });
    expect(codingIndex(project.db)).not.toBe(kept);
    expectCurrent(project);
  });
});
