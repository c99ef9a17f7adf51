import { describe, expect, it } from 'vitest';
import { checkUndoRedo, smallStudy } from './analysis-fixture.ts';

async function withConcepts() {
  const study = await smallStudy();
  const a = await study.call('concepts/create', { name: 'Profiel', labelIds: [study.labels.L1] });
  const b = await study.call('concepts/create', { name: 'Beleid', labelIds: [study.labels.L2] });
  const c = await study.call('concepts/create', { name: 'Team' });
  return { ...study, concepts: { a: a.id, b: b.id, c: c.id } };
}

describe('relation types, concept links and the map', () => {
  it('lists the four built-in types, adds the researcher’s own, and refuses to delete a type in use', async () => {
    const { project, call, concepts } = await withConcepts();
    const builtIn = await call('relations/list', {});
    expect(builtIn.map((t) => [t.key, t.name, t.directed])).toEqual([
      ['related-to', 'hangt samen met', false],
      ['leads-to', 'leidt tot', true],
      ['in-tension-with', 'staat in spanning met', false],
      ['condition-for', 'is voorwaarde voor', true],
    ]);
    const own = await checkUndoRedo(project, () => call('relations/create', { name: 'versterkt', directed: true }));
    expect(own).toMatchObject({ key: null, name: 'versterkt', directed: true, position: 4 });
    await expect(call('relations/create', { name: 'Versterkt', directed: false })).rejects.toThrow('There is already a relation type "Versterkt".');

    const link = await checkUndoRedo(project, () => call('links/create', { sourceId: concepts.a, targetId: concepts.b, relationTypeId: own.id, memo: 'Zie interview 2.' }));
    expect(link).toMatchObject({ sourceId: concepts.a, targetId: concepts.b, relationTypeId: own.id, memo: 'Zie interview 2.', createdBy: 'hanne' });
    await expect(call('relations/delete', { id: own.id })).rejects.toThrow('The relation type "versterkt" is used by 1 link(s); change or delete those links first.');

    const changed = await checkUndoRedo(project, () => call('links/update', { id: link.id, relationTypeId: 'leads-to', memo: 'Anders.' }));
    expect(changed).toMatchObject({ relationTypeId: 'leads-to', memo: 'Anders.' });
    await checkUndoRedo(project, () => call('relations/delete', { id: own.id }));
    expect((await call('relations/list', {})).length).toBe(4);

    await expect(call('links/create', { sourceId: concepts.a, targetId: concepts.a, relationTypeId: 'leads-to' })).rejects.toThrow('A concept cannot be linked to itself.');
    await expect(call('links/create', { sourceId: concepts.a, targetId: 'nope', relationTypeId: 'leads-to' })).rejects.toThrow('There is no concept with id nope.');
    await expect(call('links/create', { sourceId: concepts.a, targetId: concepts.c, relationTypeId: 'nope' })).rejects.toThrow('There is no relation type with id nope.');

    await checkUndoRedo(project, () => call('links/delete', { id: link.id }));
    expect(await call('links/list', {})).toEqual([]);
  });

  it('saves the map layout as one undo step, and a concept that goes takes its links and position', async () => {
    const { project, call, concepts } = await withConcepts();
    await call('map/saveLayout', { positions: [{ conceptId: concepts.a, x: 10, y: 20 }] });
    await checkUndoRedo(project, () =>
      call('map/saveLayout', { positions: [{ conceptId: concepts.a, x: 15.5, y: -3 }, { conceptId: concepts.b, x: 200, y: 40 }] }),
    );
    expect(await call('map/layout', {})).toEqual([
      { conceptId: concepts.a, x: 15.5, y: -3 },
      { conceptId: concepts.b, x: 200, y: 40 },
    ]);
    await expect(call('map/saveLayout', { positions: [{ conceptId: 'nope', x: 0, y: 0 }] })).rejects.toThrow('There is no concept with id nope.');
    await call('links/create', { sourceId: concepts.a, targetId: concepts.b, relationTypeId: 'related-to' });
    await call('links/create', { sourceId: concepts.c, targetId: concepts.a, relationTypeId: 'leads-to' });
    await checkUndoRedo(project, () => call('concepts/delete', { id: concepts.a }));
    expect(await call('links/list', {})).toEqual([]);
    expect(await call('map/layout', {})).toEqual([{ conceptId: concepts.b, x: 200, y: 40 }]);
  });
});

describe('learning questions', () => {
  it('makes an explicit question from a segment, and an implicit one; updates, moves and deletes them undoably', async () => {
    const { project, call, segments, concepts } = await withConcepts();
    const explicit = await checkUndoRedo(project, () => call('learningQuestions/fromSegment', { segmentId: segments.s4, level: 'het team' }));
    expect(explicit).toMatchObject({
      question: 'overleg',
      kind: 'explicit',
      level: 'het team',
      sourceSegmentId: segments.s4,
      segmentIds: [segments.s4],
      conceptIds: [],
      position: 0,
    });
    const worded = await call('learningQuestions/fromSegment', { segmentId: segments.s1, question: 'Hoe plan ik de zorg?' });
    expect(worded).toMatchObject({ question: 'Hoe plan ik de zorg?', sourceSegmentId: segments.s1, level: '' });
    const implicit = await checkUndoRedo(project, () =>
      call('learningQuestions/create', { question: 'Hoe werk je samen met het beleid?', kind: 'implicit', conceptIds: [concepts.b, concepts.a], memo: 'Uit de spanning.' }),
    );
    expect(implicit).toMatchObject({ kind: 'implicit', conceptIds: [concepts.b, concepts.a], segmentIds: [], sourceSegmentId: null, memo: 'Uit de spanning.' });

    const updated = await checkUndoRedo(project, () =>
      call('learningQuestions/update', { id: implicit.id, segmentIds: [segments.s5, segments.s3], conceptIds: [concepts.a], level: 'schoolbeleid' }),
    );
    expect(updated).toMatchObject({ segmentIds: [segments.s5, segments.s3], conceptIds: [concepts.a], level: 'schoolbeleid', question: implicit.question });
    const reordered = await checkUndoRedo(project, () => call('learningQuestions/update', { id: implicit.id, segmentIds: [segments.s3, segments.s5] }));
    expect(reordered.segmentIds).toEqual([segments.s3, segments.s5]);

    await checkUndoRedo(project, () => call('learningQuestions/move', { id: implicit.id, index: 0 }));
    expect((await call('learningQuestions/list', {})).map((q) => q.id)).toEqual([implicit.id, explicit.id, worded.id]);
    await checkUndoRedo(project, () => call('learningQuestions/delete', { id: worded.id }));
    expect((await call('learningQuestions/list', {})).length).toBe(2);
    await expect(call('learningQuestions/update', { id: implicit.id, conceptIds: ['nope'] })).rejects.toThrow('There is no concept with id nope.');
    await expect(call('learningQuestions/fromSegment', { segmentId: 'nope' })).rejects.toThrow('There is no segment with id nope.');
    await expect(call('learningQuestions/create', { question: 'x', kind: 'vaag' as 'explicit' })).rejects.toThrow(/kind/);
  });

  it('keeps its source and support when the segment loses its last label', async () => {
    const { call, segments, labels } = await withConcepts();
    const q = await call('learningQuestions/fromSegment', { segmentId: segments.s6 });
    await call('codings/remove', { segmentId: segments.s6, labelId: labels.L1 });
    expect((await call('learningQuestions/list', {}))[0]).toMatchObject({ id: q.id, question: 'visie', sourceSegmentId: segments.s6, segmentIds: [segments.s6] });
    expect((await call('rounds/status', {})).round3.questionsWithoutSupport).toEqual([]);
  });
});

describe('tensions', () => {
  it('holds two poles, findings, implications, pole-tied quotes and concepts; undo restores each list exactly', async () => {
    const { project, call, segments, concepts } = await withConcepts();
    const tension = await checkUndoRedo(project, () =>
      call('tensions/create', {
        title: 'Zorg versus onderwijs',
        poleA: 'zorgfiguur',
        poleB: 'onderwijsfiguur',
        group: 'Zelfopvatting',
        findings: ['LB’s zien zichzelf als zorgfiguur.', '  ', 'Het team ziet dat anders.'],
        implications: ['Maak de rol expliciet.'],
        quotes: [{ segmentId: segments.s1, pole: 1 }, { segmentId: segments.s4, pole: 2 }, { segmentId: segments.s6 }],
        conceptIds: [concepts.a, concepts.b],
      }),
    );
    expect(tension).toMatchObject({
      title: 'Zorg versus onderwijs',
      group: 'Zelfopvatting',
      findings: ['LB’s zien zichzelf als zorgfiguur.', 'Het team ziet dat anders.'],
      implications: ['Maak de rol expliciet.'],
      quotes: [{ segmentId: segments.s1, pole: 1 }, { segmentId: segments.s4, pole: 2 }, { segmentId: segments.s6, pole: null }],
      conceptIds: [concepts.a, concepts.b],
      memo: '',
    });
    const edited = await checkUndoRedo(project, () =>
      call('tensions/update', {
        id: tension.id,
        findings: ['Het team ziet dat anders.', 'Nieuw inzicht.'],
        implications: [],
        quotes: [{ segmentId: segments.s4, pole: 1 }, { segmentId: segments.s1, pole: 1 }],
        poleB: 'leerkracht',
      }),
    );
    expect(edited).toMatchObject({
      poleA: 'zorgfiguur',
      poleB: 'leerkracht',
      findings: ['Het team ziet dat anders.', 'Nieuw inzicht.'],
      implications: [],
      quotes: [{ segmentId: segments.s4, pole: 1 }, { segmentId: segments.s1, pole: 1 }],
      conceptIds: [concepts.a, concepts.b],
    });
    const second = await call('tensions/create', { title: 'Tijd', poleA: 'uren', poleB: 'taken', implications: ['--> Voorzie uren.'] });
    expect(second.implications).toEqual(['Voorzie uren.']);
    await checkUndoRedo(project, () => call('tensions/move', { id: second.id, index: 0 }));
    expect((await call('tensions/list', {})).map((t) => t.title)).toEqual(['Tijd', 'Zorg versus onderwijs']);
    await expect(call('tensions/create', { title: 'X', poleA: 'a', poleB: 'b', quotes: [{ segmentId: 'gone' }] })).rejects.toThrow('There is no segment with id gone.');
    await checkUndoRedo(project, () => call('tensions/delete', { id: tension.id }));
    expect((await call('tensions/list', {})).map((t) => t.title)).toEqual(['Tijd']);
    expect(project.db.prepare('SELECT COUNT(*) AS n FROM tension_statements WHERE tension_id = ?').get(tension.id)).toEqual({ n: 0 });
  });
});
