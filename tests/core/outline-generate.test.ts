import { describe, expect, it } from 'vitest';
import type { Outline } from '../../src/shared/analysis.ts';
import { DEFAULT_REPORT_OPTIONS } from '../../src/shared/report-document.ts';
import { reportElements } from '../../src/shared/report-elements.ts';
import { reportFromOutline } from '../../src/shared/report-from-outline.ts';
import { checkUndoRedo } from './analysis-fixture.ts';
import { FINDINGS, IMPLICATIONS, PASSAGES, quoteStudy } from './quote-study.ts';

type Element = { depth: number; section: string; tie?: string } | { item: string; text: string };

/** The outline as a flat list of sections (depth, title, tie) and items (kind, text), in reading order. */
function elements(outline: Outline): Element[] {
  return outline.sections.flatMap((s): Element[] => [
    { depth: s.depth, section: s.title, ...(s.tie ? { tie: s.tie.kind } : {}) },
    ...s.items.map((i) => ({ item: i.kind, text: i.kind === 'quote' ? outline.quotes[i.segmentId!]!.text : i.text })),
  ]);
}

/** Written down from the appendix's shape (seed 001), not from the generator. */
const EXPECTED: Element[] = [
  { depth: 0, section: 'Wat wordt er van de leerlingenbegeleiding verwacht?', tie: 'learning-question' },
  { item: 'quote', text: PASSAGES.opleiding },
  { depth: 0, section: 'Hoe ondersteun en coach ik leerkrachten?', tie: 'learning-question' },
  { item: 'quote', text: PASSAGES.collega },
  { item: 'quote', text: PASSAGES.plannetje },
  { depth: 0, section: 'Spanningsvelden' },
  { depth: 1, section: 'Zelfopvatting leerlingenbegeleiding' },
  { depth: 2, section: 'Doelpubliek', tie: 'tension' },
  { item: 'finding', text: FINDINGS.verantwoordelijk },
  { item: 'finding', text: FINDINGS.begeleider },
  { item: 'implication', text: IMPLICATIONS.administratief },
  { item: 'implication', text: IMPLICATIONS.specialisatie },
  { item: 'quote', text: PASSAGES.pretentie },
  { item: 'quote', text: PASSAGES.vormgeving },
  { depth: 2, section: 'Afstemming', tie: 'tension' },
  { item: 'finding', text: FINDINGS.courant },
  { item: 'quote', text: PASSAGES.plannetje },
  { item: 'implication', text: IMPLICATIONS.overleg },
  { depth: 1, section: 'Personeelsbeleid' },
  { depth: 2, section: 'Taakverdeling', tie: 'tension' },
  { item: 'quote', text: PASSAGES.vormgeving },
  { item: 'finding', text: FINDINGS.uren },
  { item: 'implication', text: IMPLICATIONS.coordinator },
];

describe('generating the outline the way the appendix is written', () => {
  it('makes learning questions top-level themes, one tensions section with numbered groups, each tension in its own order, nothing hidden', async () => {
    const { project, call } = await quoteStudy();
    const outline = await checkUndoRedo(project, () => call('outline/generate', {}));
    const got = elements(outline);
    expect(got.length).toBe(EXPECTED.length);
    EXPECTED.forEach((element, index) => expect({ index, ...got[index] }).toEqual({ index, ...element }));
    // Nothing the editor would not show: no section text, no item without text or segment.
    expect(outline.sections.every((s) => s.text === '' && s.rich === null)).toBe(true);
    // The groups are numbered "1)", "2)" in the report; the tensions and the themes are not.
    const report = reportFromOutline(outline, { concepts: [], labels: [] }, 'LLB', DEFAULT_REPORT_OPTIONS);
    const headings = reportElements(report, DEFAULT_REPORT_OPTIONS).filter((e) => e.kind === 'heading').map((e) => [e.depth, e.label, e.runs.map((r) => r.text).join('')]);
    expect(headings).toEqual([
      [1, null, 'Wat wordt er van de leerlingenbegeleiding verwacht?'],
      [1, null, 'Hoe ondersteun en coach ik leerkrachten?'],
      [1, null, 'Spanningsvelden'],
      [2, '1)', '1) Zelfopvatting leerlingenbegeleiding'],
      [3, null, 'Doelpubliek'],
      [3, null, 'Afstemming'],
      [2, '2)', '2) Personeelsbeleid'],
      [3, null, 'Taakverdeling'],
    ]);
    // The numbering is a visible, editable choice on the tensions section, not a hidden rule.
    expect(outline.sections.find((s) => s.title === 'Spanningsvelden')!.numbering).toBe('1)');
  });

  it('stores the order a tension sets, and refuses an order that does not name each kind once', async () => {
    const { call, tensions } = await quoteStudy();
    expect(tensions.doelpubliek.reportOrder).toEqual(['finding', 'implication', 'quote']);
    expect(tensions.afstemming.reportOrder).toEqual(['finding', 'quote', 'implication']);
    const changed = await call('tensions/update', { id: tensions.afstemming.id, reportOrder: ['implication', 'quote', 'finding'] });
    expect(changed.reportOrder).toEqual(['implication', 'quote', 'finding']);
    await expect(call('tensions/update', { id: tensions.afstemming.id, reportOrder: ['finding', 'finding', 'quote'] as never })).rejects.toThrow(
      "A tension's report order names each of finding, quote and implication once; got finding, finding, quote.",
    );
  });

  it('generating again shows what it would add, then merges: the researcher’s edits stay, new parts go where they belong', async () => {
    const { project, call, segments, tensions, q1 } = await quoteStudy();
    const first = await call('outline/generate', {});
    const doel = first.sections.find((s) => s.title === 'Doelpubliek')!;
    const finding = doel.items.find((i) => i.kind === 'finding')!;
    const quote = doel.items.find((i) => i.kind === 'quote')!;
    // The researcher edits: a finding reworded, a quote edited, a paragraph of their own, a theme renamed, a quote removed.
    await call('outline/updateItem', { id: finding.id, text: 'Zij voelen zich voor veel verantwoordelijk.' });
    await call('outline/editQuote', { id: quote.id, text: 'We mogen niet de pretentie hebben om te denken dat we het allemaal zelf (…) zullen oplossen.' });
    await call('outline/addItem', { sectionId: doel.id, kind: 'paragraph', text: 'We stelden wel vast dat sommigen breder keken:', index: 4 });
    const theme = first.sections.find((s) => s.tie?.id === q1.id)!;
    await call('outline/updateSection', { id: theme.id, title: 'Verwachtingen' });
    const hoe = first.sections.find((s) => s.title === 'Hoe ondersteun en coach ik leerkrachten?')!;
    await call('outline/deleteItem', { id: hoe.items[1]!.id });
    const before = await call('outline/get', {});

    // Nothing new in the analysis: the plan adds only what the researcher deleted (offered again, to leave out).
    const none = await call('outline/generatePlan', {});
    expect(none.mode).toBe('merge');
    expect(none.additions.map((a) => [a.kind, a.text, a.path])).toEqual([['quote', PASSAGES.plannetje, ['Hoe ondersteun en coach ik leerkrachten?']]]);

    // The analysis grows: a finding and a quote on a tension, a new tension in a new group, a new question.
    await call('tensions/update', { id: tensions.doelpubliek.id, findings: [...tensions.doelpubliek.findings, 'Een nieuwe bevinding.'], quotes: [...tensions.doelpubliek.quotes, { segmentId: segments.opleiding }] });
    await call('tensions/create', { title: 'Rollen', poleA: 'a', poleB: 'b', group: 'Schoolcultuur', findings: ['Rollen zijn onduidelijk.'] });
    const q3 = await call('learningQuestions/create', { question: 'Wat helpt om afstand te nemen?', kind: 'explicit', segmentIds: [segments.pretentie] });
    const plan = await call('outline/generatePlan', {});
    expect(plan.kept).toEqual({ sections: before.sections.length, items: before.sections.reduce((n, s) => n + s.items.length, 0) });
    expect(plan.additions.map((a) => [a.key.replace(/:[0-9a-f-]{36}/g, ':…'), a.kind, a.text, a.path.join(' / ')])).toEqual([
      ['question:…/quote:…', 'quote', PASSAGES.plannetje, 'Hoe ondersteun en coach ik leerkrachten?'],
      ['question:…', 'section', 'Wat helpt om afstand te nemen?', ''],
      ['question:…/quote:…', 'quote', PASSAGES.pretentie, 'Wat helpt om afstand te nemen?'],
      ['tension:…/statement:…', 'finding', 'Een nieuwe bevinding.', 'Spanningsvelden / Zelfopvatting leerlingenbegeleiding / Doelpubliek'],
      ['tension:…/quote:…', 'quote', PASSAGES.opleiding, 'Spanningsvelden / Zelfopvatting leerlingenbegeleiding / Doelpubliek'],
      ['group:Schoolcultuur', 'section', 'Schoolcultuur', 'Spanningsvelden'],
      ['tension:…', 'section', 'Rollen', 'Spanningsvelden / Schoolcultuur'],
      ['tension:…/statement:…', 'finding', 'Rollen zijn onduidelijk.', 'Spanningsvelden / Schoolcultuur / Rollen'],
    ]);
    // Without asking to merge (or replace), nothing is overwritten.
    await expect(call('outline/generate', {})).rejects.toThrow(/generate again with merge/);
    const skip = [plan.additions[0]!.key];
    const merged = await checkUndoRedo(project, () => call('outline/generate', { merge: true, skip }));
    const doelAfter = merged.sections.find((s) => s.id === doel.id)!;
    expect(doelAfter.items.map((i) => [i.kind, i.kind === 'quote' ? merged.quotes[i.segmentId!]!.text : i.text])).toEqual([
      ['finding', 'Zij voelen zich voor veel verantwoordelijk.'],
      ['finding', FINDINGS.begeleider],
      ['finding', 'Een nieuwe bevinding.'],
      ['implication', IMPLICATIONS.administratief],
      ['implication', IMPLICATIONS.specialisatie],
      ['paragraph', 'We stelden wel vast dat sommigen breder keken:'],
      ['quote', PASSAGES.pretentie],
      ['quote', PASSAGES.vormgeving],
      ['quote', PASSAGES.opleiding],
    ]);
    // Every item the researcher had is there unchanged (text, title, edits), and the renamed theme keeps its name.
    for (const section of before.sections) {
      const now = merged.sections.find((s) => s.id === section.id)!;
      expect(now.title).toBe(section.title);
      for (const item of section.items) expect(now.items.find((i) => i.id === item.id)).toEqual({ ...item, position: expect.any(Number) });
    }
    expect(merged.edits).toEqual(before.edits);
    // The left-out quote stays out; the new question comes after the others, before the tensions.
    expect(merged.sections.find((s) => s.id === hoe.id)!.items).toHaveLength(1);
    expect(merged.sections.filter((s) => s.depth === 0).map((s) => s.title)).toEqual(['Verwachtingen', 'Hoe ondersteun en coach ik leerkrachten?', q3.question, 'Spanningsvelden']);
    expect(merged.sections.filter((s) => s.depth === 1).map((s) => s.title)).toEqual(['Zelfopvatting leerlingenbegeleiding', 'Personeelsbeleid', 'Schoolcultuur']);
    // After the merge, the plan has nothing left but the one left out.
    expect((await call('outline/generatePlan', {})).additions.map((a) => a.key)).toEqual(skip);
    // Leaving a new section out leaves out what would go into it.
    project.undo();
    const without = await call('outline/generate', { merge: true, skip: [plan.additions.find((a) => a.text === 'Schoolcultuur')!.key] });
    expect(without.sections.some((s) => s.title === 'Rollen' || s.title === 'Schoolcultuur')).toBe(false);
    expect(without.sections.some((s) => s.title === q3.question)).toBe(true);
  });
});
