import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLabel, listLabels } from '../../src/main/core/repos/labels.ts';
import { listDocuments, getDocument } from '../../src/main/core/repos/documents.ts';
import { applyLabel, createLabel, removeCoding } from '../../src/main/core/services/coding.ts';
import { importFiles } from '../../src/main/core/services/import.ts';
import { FIXTURES, newSession } from '../support/temp.ts';

describe('label counts in the codebook list', () => {
  it('counts distinct segments and documents per label in one grouped query, the same as for one label', async () => {
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

    const counts = () => new Map(listLabels(project.db).map((l) => [l.name, [l.segmentCount, l.documentCount]]));
    expect(counts()).toEqual(new Map([['ongebruikt', [0, 0]], ['zorg', [3, 2]], ['visie', [1, 1]]]));
    for (const label of listLabels(project.db)) expect(label).toEqual(getLabel(project.db, label.id));

    removeCoding(project, { segmentId: applyLabel(project, { ...span(second, 0), labelId: a.id }).segment.id, labelId: a.id, allCoders: true });
    expect(counts().get('zorg')).toEqual([2, 1]);
    expect(listLabels(project.db).find((l) => l.id === unused.id)).toEqual(getLabel(project.db, unused.id));
    expect(getLabel(project.db, b.id)).toMatchObject({ segmentCount: 1, documentCount: 1 });
  });
});
