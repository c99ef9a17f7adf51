import { describe, expect, it } from 'vitest';
import { smallStudy } from './analysis-fixture.ts';

describe('the commonalities matrix, counted by hand on a small study', () => {
  it('counts a concept’s distinct segments per participant: its labels, the labels under them, and its own segments, each once', async () => {
    const { call, labels, segments, participants } = await smallStudy();
    // X = L1 (and so L1a, L1a-i) + s5 directly: s1 (coded L1 and L1a: once), s2, s4 (two coders: once), s6, s5.
    const x = await call('concepts/create', { name: 'X', labelIds: [labels.L1] });
    await call('concepts/addSegments', { id: x.id, segmentIds: [segments.s5] });
    // Y = L1a + L2 + s3 directly (s3 is already coded L2: once).
    const y = await call('concepts/create', { name: 'Y', labelIds: [labels.L1a, labels.L2] });
    await call('concepts/addSegments', { id: y.id, segmentIds: [segments.s3] });
    const z = await call('concepts/create', { name: 'Z' });

    const matrix = await call('matrix/get', { rows: 'concepts', by: 'participant' });
    expect(matrix.columns.map((c) => [c.id, c.name])).toEqual([
      [participants.bart, 'Bart'],
      [participants.katrien, 'Katrien'],
      [null, 'unassigned'],
    ]);
    expect(matrix.items.map((r) => [r.name, r.cells, r.total, r.occursIn])).toEqual([
      ['X', [2, 2, 1], 5, 3],
      ['Y', [2, 3, 0], 5, 2],
      ['Z', [0, 0, 0], 0, 0],
    ]);
    expect(matrix.max).toBe(3);
    expect(matrix.groups).toEqual([]);

    const listed = await call('concepts/list', {});
    expect(listed.map((c) => [c.name, c.segmentCount, c.participantCount, c.documentCount])).toEqual([
      ['X', 5, 3, 4],
      ['Y', 5, 2, 3],
      ['Z', 0, 0, 0],
    ]);
    expect(listed[0]).toMatchObject({ id: x.id, labelIds: [labels.L1], segmentIds: [segments.s5], position: 0, createdBy: 'hanne' });
    expect(z.segmentCount).toBe(0);
  });

  it('counts per document, groups and filters columns by a participant attribute', async () => {
    const { call, labels, segments, documents } = await smallStudy();
    const x = await call('concepts/create', { name: 'X', labelIds: [labels.L1] });
    await call('concepts/addSegments', { id: x.id, segmentIds: [segments.s5] });

    const byDocument = await call('matrix/get', { rows: 'concepts', by: 'document' });
    expect(byDocument.columns.map((c) => c.name)).toEqual(['doc-A', 'doc-B', 'doc-B2', 'doc-C']);
    expect(byDocument.columns[0]!.attributes).toEqual({ schooltype: 'ASO', ervaring: 12 });
    expect(byDocument.items[0]!.cells).toEqual([2, 1, 1, 1]);
    expect(byDocument.items[0]!.occursIn).toBe(4);

    const grouped = await call('matrix/get', { rows: 'concepts', by: 'participant', groupBy: 'schooltype' });
    expect(grouped.groupBy).toBe('schooltype');
    expect(grouped.columns.map((c) => [c.name, c.group])).toEqual([
      ['Katrien', 'ASO'],
      ['Bart', 'TSO'],
      ['unassigned', null],
    ]);
    expect(grouped.groups).toEqual(['ASO', 'TSO']);
    expect(grouped.items[0]!.cells).toEqual([2, 2, 1]);

    const tso = await call('matrix/get', { rows: 'concepts', by: 'participant', filter: { attributes: { schooltype: ['TSO'] } } });
    expect(tso.columns.map((c) => c.name)).toEqual(['Bart']);
    expect(tso.items[0]).toMatchObject({ cells: [2], total: 2, occursIn: 1 });
    const experienced = await call('matrix/get', { rows: 'concepts', by: 'document', filter: { attributes: { ervaring: [12, 9], schooltype: ['ASO'] } } });
    expect(experienced.columns.map((c) => c.id)).toEqual([documents.A]);
    expect(experienced.items[0]!.cells).toEqual([2]);
    await expect(call('matrix/get', { rows: 'concepts', by: 'participant', groupBy: 'net' })).rejects.toThrow(
      'There is no participant attribute "net"; the attributes are: schooltype, ervaring.',
    );
  });

  it('counts a label row with its sub-labels rolled up (distinct), in codebook order with depth', async () => {
    const { call, participants } = await smallStudy();
    const matrix = await call('matrix/get', { rows: 'labels', by: 'participant' });
    expect(matrix.columns.map((c) => c.id)).toEqual([participants.bart, participants.katrien, null]);
    expect(matrix.items.map((r) => [r.name, r.depth, r.cells, r.total])).toEqual([
      ['L1', 0, [1, 2, 1], 4],
      ['L1a', 1, [1, 2, 0], 3],
      ['L1a-i', 2, [0, 1, 0], 1],
      ['L2', 0, [1, 1, 0], 2],
    ]);
  });

  it('opens a cell’s quotes, the unassigned column included, and refuses an unknown row', async () => {
    const { call, labels, segments, participants, documents } = await smallStudy();
    const x = await call('concepts/create', { name: 'X', labelIds: [labels.L1] });
    await call('concepts/addSegments', { id: x.id, segmentIds: [segments.s5] });
    const bart = await call('matrix/cell', { rows: 'concepts', rowId: x.id, by: 'participant', columnId: participants.bart });
    expect(bart.map((q) => q.text)).toEqual(['overleg', 'beleid']);
    expect(bart[0]).toMatchObject({
      segmentId: segments.s4,
      documentId: documents.B,
      documentName: 'doc-B',
      speaker: 'Bart',
      turnPosition: 1,
      labelIds: [labels.L1a],
      participant: { id: participants.bart, name: 'Bart', attributes: { schooltype: 'TSO', ervaring: 9 } },
    });
    const unassigned = await call('matrix/cell', { rows: 'concepts', rowId: x.id, by: 'participant', columnId: null });
    expect(unassigned).toMatchObject([{ segmentId: segments.s6, text: 'visie', participant: null, speaker: 'Anoniem' }]);
    const label = await call('matrix/cell', { rows: 'labels', rowId: labels.L1, by: 'document', columnId: documents.A });
    expect(label.map((q) => q.text)).toEqual(['planning', 'zorg']);
    await expect(call('matrix/cell', { rows: 'concepts', rowId: 'nope', by: 'participant', columnId: null })).rejects.toThrow('There is no concept with id nope.');
  });

  it('answers again after every write, undo and redo included (the counts are kept only until the next write)', async () => {
    const { project, call, labels, segments } = await smallStudy();
    const x = await call('concepts/create', { name: 'X', labelIds: [labels.L1a] });
    const cells = async () => (await call('matrix/get', { rows: 'concepts', by: 'participant' })).items[0]!.cells;
    expect(await cells()).toEqual([1, 2, 0]);
    expect(await cells()).toEqual([1, 2, 0]);
    await call('concepts/addSegments', { id: x.id, segmentIds: [segments.s6] });
    expect(await cells()).toEqual([1, 2, 1]);
    project.undo();
    expect(await cells()).toEqual([1, 2, 0]);
    project.redo();
    expect(await cells()).toEqual([1, 2, 1]);
    await call('codings/remove', { segmentId: segments.s4, labelId: labels.L1a, allCoders: true });
    expect(await cells()).toEqual([0, 2, 1]);
    const labelRows = await call('matrix/get', { rows: 'labels', by: 'document' });
    expect(labelRows.items.find((r) => r.id === labels.L1a)!.total).toBe(2);
  });

  it('agrees, cell by cell, with the per-row query that the cell quotes come from, on a random codebook', async () => {
    const { call, documents, labels: fixed } = await smallStudy();
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 16807) % 2147483647) % n);
    const labelIds = [...Object.values(fixed)];
    for (let i = 0; i < 12; i++) labelIds.push((await call('labels/create', { name: `r${i}`, parentId: random(3) === 0 ? null : labelIds[random(labelIds.length)]! })).id);
    const docs = Object.values(documents);
    for (let i = 0; i < 40; i++) {
      const documentId = docs[random(docs.length)]!;
      const { text } = await call('documents/get', { id: documentId });
      const start = random(text.length - 6);
      await call('codings/apply', { documentId, start, end: start + 1 + random(5), labelId: labelIds[random(labelIds.length)]! });
    }
    for (let i = 0; i < 4; i++) {
      const c = await call('concepts/create', { name: `c${i}`, labelIds: [labelIds[random(labelIds.length)]!, labelIds[random(labelIds.length)]!] });
      const quotes = await call('matrix/cell', { rows: 'labels', rowId: labelIds[random(labelIds.length)]!, by: 'document', columnId: docs[0]! });
      if (quotes.length) await call('concepts/addSegments', { id: c.id, segmentIds: quotes.slice(0, 2).map((q) => q.segmentId) });
    }
    for (const rows of ['labels', 'concepts'] as const) {
      for (const by of ['participant', 'document'] as const) {
        const matrix = await call('matrix/get', { rows, by });
        let nonZero = 0;
        for (const item of matrix.items) {
          for (const [i, column] of matrix.columns.entries()) {
            const quotes = await call('matrix/cell', { rows, rowId: item.id, by, columnId: column.id });
            expect(new Set(quotes.map((q) => q.segmentId)).size).toBe(quotes.length);
            expect(item.cells[i]).toBe(quotes.length);
            if (quotes.length) nonZero++;
          }
        }
        expect(nonZero).toBeGreaterThan(3);
      }
    }
  });
});
