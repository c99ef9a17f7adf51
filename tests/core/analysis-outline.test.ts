import { describe, expect, it } from 'vitest';
import type { Outline } from '../../src/shared/analysis.ts';
import { checkUndoRedo, smallStudy } from './analysis-fixture.ts';

/** The outline as an indented list, for comparing structure at a glance. */
function shape(outline: Outline): string[] {
  return outline.sections.flatMap((s) => [
    `${'  '.repeat(s.depth)}# ${s.title}${s.tie ? ` (${s.tie.kind})` : ''}`,
    ...s.items.map((i) => `${'  '.repeat(s.depth + 1)}- ${i.kind}: ${i.kind === 'quote' ? outline.quotes[i.segmentId!]!.text : i.text}`),
  ]);
}

async function withRound3() {
  const study = await smallStudy();
  const { call, segments } = study;
  const q1 = await call('learningQuestions/fromSegment', { segmentId: segments.s4, question: 'Hoe overleg ik?' });
  await call('learningQuestions/update', { id: q1.id, segmentIds: [segments.s4, segments.s5] });
  const q2 = await call('learningQuestions/create', { question: 'Wat is mijn rol?', kind: 'implicit' });
  const t1 = await call('tensions/create', {
    title: 'Zorg of les', poleA: 'zorg', poleB: 'les', group: 'Zelfopvatting',
    findings: ['Bevinding 1'], implications: ['Advies 1'], quotes: [{ segmentId: segments.s1, pole: 1 }],
  });
  const t2 = await call('tensions/create', { title: 'Uren', poleA: 'tijd', poleB: 'taken', group: 'Personeelsbeleid', findings: ['Te weinig uren'] });
  const t3 = await call('tensions/create', { title: 'Visie', poleA: 'eigen', poleB: 'school', group: 'Zelfopvatting', implications: ['Advies 3'] });
  const t4 = await call('tensions/create', { title: 'Los', poleA: 'a', poleB: '' });
  return { ...study, q1, q2, t1, t2, t3, t4 };
}

describe('the report outline', () => {
  it('generates a first outline from the learning questions and the tensions grouped by group, as one undo step', async () => {
    const { project, call, q1, t1 } = await withRound3();
    const outline = await checkUndoRedo(project, () => call('outline/generate', {}));
    // Learning questions are top-level themes (no wrapping part); every generated word is a title or an item.
    expect(shape(outline)).toEqual([
      '# Hoe overleg ik? (learning-question)',
      '  - quote: overleg',
      '  - quote: beleid',
      '# Wat is mijn rol? (learning-question)',
      '# Spanningsvelden',
      '  # Zelfopvatting',
      '    # Zorg of les (tension)',
      '      - finding: Bevinding 1',
      '      - quote: planning',
      '      - implication: Advies 1',
      '    # Visie (tension)',
      '      - implication: Advies 3',
      '  # Personeelsbeleid',
      '    # Uren (tension)',
      '      - finding: Te weinig uren',
      '  # Los (tension)',
    ]);
    expect(outline.sections[0]!.tie).toEqual({ kind: 'learning-question', id: q1.id });
    // No hidden "pole ↔ pole" introduction: the section has no text the editor would not show.
    expect(outline.sections.find((s) => s.title === 'Zorg of les')).toMatchObject({ text: '', rich: null, tie: { kind: 'tension', id: t1.id } });
    expect(outline.sections.every((s) => s.text === '' && s.rich === null)).toBe(true);
    expect(outline.quotes[outline.sections[0]!.items[0]!.segmentId!]).toMatchObject({ text: 'overleg', speaker: 'Bart' });

    await expect(call('outline/generate', {})).rejects.toThrow('There is already a report outline; generate again with merge (adds what it lacks, keeps your edits) or replace.');
    const english = await checkUndoRedo(project, () => call('outline/generate', { replace: true, language: 'en' }));
    expect(english.sections.filter((s) => s.depth === 0).map((s) => s.title)).toEqual(['Hoe overleg ik?', 'Wat is mijn rol?', 'Tensions']);
    expect(english.sections.length).toBe(outline.sections.length);
  });

  it('refuses to generate from nothing', async () => {
    const { call } = await smallStudy();
    await expect(call('outline/generate', {})).rejects.toThrow('There is nothing to build an outline from yet: add learning questions or tensions first.');
    expect((await call('outline/get', {})).sections).toEqual([]);
  });

  it('adds, edits, moves and deletes sections and items, across sections too, each undoable exactly', async () => {
    const { project, call, segments, q2 } = await withRound3();
    const a = (await checkUndoRedo(project, () => call('outline/addSection', { parentId: null, title: 'Inleiding' }))).sections[0]!;
    const b = (await call('outline/addSection', { parentId: null, title: 'Besluit' })).sections[1]!;
    const withSub = await checkUndoRedo(project, () => call('outline/addSection', { parentId: a.id, index: 0, title: 'Context', tie: { kind: 'learning-question', id: q2.id } }));
    const sub = withSub.sections[1]!;
    expect(sub).toMatchObject({ title: 'Context', depth: 1, parentId: a.id, tie: { kind: 'learning-question', id: q2.id } });

    await checkUndoRedo(project, () => call('outline/updateSection', { id: a.id, title: 'Aanleiding', text: 'Waarom.', rich: '{"root":{"type":"root","children":[]}}', tie: null }));
    await checkUndoRedo(project, () => call('outline/addItem', { sectionId: a.id, kind: 'paragraph', text: 'Eerste alinea.' }));
    await checkUndoRedo(project, () => call('outline/addItem', { sectionId: a.id, kind: 'quote', segmentId: segments.s2 }));
    const three = await checkUndoRedo(project, () => call('outline/addItem', { sectionId: a.id, index: 0, kind: 'finding', text: 'Een bevinding.' }));
    expect(shape(three)).toEqual([
      '# Aanleiding',
      '  - finding: Een bevinding.',
      '  - paragraph: Eerste alinea.',
      '  - quote: zorg',
      '  # Context (learning-question)',
      '# Besluit',
    ]);
    const [finding, paragraph, quote] = three.sections[0]!.items;

    const edited = await checkUndoRedo(project, () => call('outline/updateItem', { id: paragraph!.id, text: 'Herschreven.', rich: '{"root":{"type":"root","children":[],"x":1}}' }));
    expect(edited.sections[0]!.items[1]).toMatchObject({ text: 'Herschreven.', rich: '{"root":{"type":"root","children":[],"x":1}}' });
    await expect(call('outline/updateItem', { id: quote!.id, text: 'Andere woorden' })).rejects.toThrow("A quote's words come from its segment; its edited form is set with outline/editQuote.");

    const across = await checkUndoRedo(project, () => call('outline/moveItem', { id: quote!.id, sectionId: b.id, index: 0 }));
    expect(across.sections.find((s) => s.id === a.id)!.items.map((i) => [i.kind, i.position])).toEqual([['finding', 0], ['paragraph', 1]]);
    expect(across.sections.find((s) => s.id === b.id)!.items.map((i) => [i.kind, i.sectionId])).toEqual([['quote', b.id]]);
    const within = await checkUndoRedo(project, () => call('outline/moveItem', { id: finding!.id, sectionId: a.id, index: 5 }));
    expect(within.sections[0]!.items.map((i) => i.kind)).toEqual(['paragraph', 'finding']);

    const movedSection = await checkUndoRedo(project, () => call('outline/moveSection', { id: sub.id, parentId: null, index: 0 }));
    expect(movedSection.sections.map((s) => [s.title, s.depth])).toEqual([['Context', 0], ['Aanleiding', 0], ['Besluit', 0]]);
    await call('outline/moveSection', { id: b.id, parentId: a.id, index: 0 });
    await expect(call('outline/moveSection', { id: a.id, parentId: b.id, index: 0 })).rejects.toThrow('The section “Aanleiding” cannot go under itself or one of its own sub-sections.');

    const gone = await checkUndoRedo(project, () => call('outline/deleteSection', { id: a.id }));
    expect(gone.sections.map((s) => s.title)).toEqual(['Context']);
    expect(project.db.prepare('SELECT COUNT(*) AS n FROM outline_items').get()).toEqual({ n: 0 });
    const implication = (await call('outline/addItem', { sectionId: sub.id, kind: 'implication', text: 'Doe iets.' })).sections[0]!.items[0]!;
    await checkUndoRedo(project, () => call('outline/deleteItem', { id: implication.id }));

    await expect(call('outline/addItem', { sectionId: sub.id, kind: 'quote' })).rejects.toThrow('A quote item needs the segment it quotes (segmentId).');
    await expect(call('outline/addItem', { sectionId: sub.id, kind: 'finding', text: '  ' })).rejects.toThrow('A finding item needs its text.');
    await expect(call('outline/addItem', { sectionId: sub.id, kind: 'finding', text: 'x', segmentId: segments.s1 })).rejects.toThrow(/make it a quote item instead/);
    await expect(call('outline/addSection', { parentId: null, title: 'X', tie: { kind: 'tension', id: 'nope' } })).rejects.toThrow('There is no tension with id nope.');
    await expect(call('outline/addItem', { sectionId: 'nope', kind: 'paragraph', text: 'x' })).rejects.toThrow('There is no outline section with id nope.');
  });

  it('keeps quote items whose segment loses its last label and unties sections whose tension goes; the rest of the outline stays', async () => {
    const { project, call, labels, t1 } = await withRound3();
    await call('outline/generate', {});
    await checkUndoRedo(project, () => call('labels/delete', { id: labels.L1 })); // s1 "planning" keeps L1a
    // The report quotes this segment: removing its last label must not take the quote out of the report.
    const quoted = (await call('tensions/list', {}))[0]!.quotes[0]!.segmentId;
    await call('codings/remove', { segmentId: quoted, labelId: labels.L1a });
    const outline = await call('outline/get', {});
    const zorg = outline.sections.find((s) => s.title === 'Zorg of les')!;
    expect(zorg.items.map((i) => i.kind)).toEqual(['finding', 'quote', 'implication']);
    expect(outline.quotes[quoted]!.labelIds).toEqual([]);
    await checkUndoRedo(project, () => call('tensions/delete', { id: t1.id }));
    expect((await call('outline/get', {})).sections.find((s) => s.title === 'Zorg of les')!.tie).toBeNull();
    expect(project.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });
});

describe('round status', () => {
  it('says what is left in each round', async () => {
    const { call, labels, segments, q2, t2, t4 } = await withRound3();
    const c = await call('concepts/create', { name: 'Leeg' });
    await call('concepts/create', { name: 'Vol', labelIds: [labels.L1a] });
    await call('outline/generate', {});
    const status = await call('rounds/status', {});
    expect(status).toEqual({
      round1: { documents: 4, uncodedDocuments: 0, labels: 4, unusedLabels: 0 },
      round2: { concepts: 2, labelsInNoConcept: [labels.L1, labels.L2], conceptsWithoutQuotes: [c.id] },
      round3: { learningQuestions: 2, tensions: 4, questionsWithoutSupport: [q2.id], tensionsWithoutImplications: [t2.id, t4.id] },
      report: { sections: 9, items: 7 }, // quotes 2 + (finding, quote, implication) + implication + finding
    });
    await call('codings/remove', { segmentId: segments.s2, labelId: labels.L1ai });
    expect((await call('rounds/status', {})).round1).toEqual({ documents: 4, uncodedDocuments: 0, labels: 4, unusedLabels: 1 });
  });
});
