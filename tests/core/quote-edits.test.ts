import { describe, expect, it } from 'vitest';
import { themeDocument, reportOptions } from '../../src/main/core/reports/export.ts';
import { checkUndoRedo } from './analysis-fixture.ts';
import { PASSAGES, quoteStudy } from './quote-study.ts';

async function withQuote() {
  const study = await quoteStudy();
  const outline = await study.call('outline/generate', {});
  const theme = outline.sections[0]!;
  const item = theme.items[0]!;
  expect(outline.quotes[item.segmentId!]!.text).toBe(PASSAGES.opleiding);
  return { ...study, item };
}

describe('edited quotes in the outline', () => {
  it('keeps an edited form that fits beside the verbatim text, as one undo step; the report prints the edited form', async () => {
    const { project, call, item } = await withQuote();
    const edited = 'Mocht ik starten, zou ik een opleiding [LLB] willen volgen (…) wat is de basiszorg, het zorgcontinuüm (…)? 🙂 Vaardigheden leer je vooral door het te doen.';
    const outline = await checkUndoRedo(project, () => call('outline/editQuote', { id: item.id, text: edited }));
    expect(outline.edits[item.id]).toEqual({ text: edited, checkedText: PASSAGES.opleiding, problem: null });
    // The link to the segment, its attribution and its verbatim text stay.
    const stillThere = outline.sections[0]!.items[0]!;
    expect(stillThere).toMatchObject({ id: item.id, kind: 'quote', segmentId: item.segmentId });
    expect(outline.quotes[item.segmentId!]).toMatchObject({ text: PASSAGES.opleiding, participant: { name: 'LB1' } });
    const report = themeDocument(project, reportOptions(project, {}));
    expect(report.sections[0]!.items[0]).toMatchObject({ kind: 'quote', text: edited, verbatim: PASSAGES.opleiding, source: { participant: 'LB1' } });

    // Blank, or the verbatim words themselves: the quote prints verbatim again.
    const back = await checkUndoRedo(project, () => call('outline/editQuote', { id: item.id, text: '  ' }));
    expect(back.edits).toEqual({});
    await call('outline/editQuote', { id: item.id, text: edited });
    expect((await call('outline/editQuote', { id: item.id, text: PASSAGES.opleiding })).edits).toEqual({});
    expect(themeDocument(project, reportOptions(project, {})).sections[0]!.items[0]).toEqual(expect.not.objectContaining({ verbatim: expect.anything() }));
  });

  it('refuses an edit that does not fit, naming the first word, and writes nothing', async () => {
    const { project, call, item } = await withQuote();
    const rows = () => project.db.prepare('SELECT COUNT(*) AS n FROM outline_quote_edits').get();
    await expect(call('outline/editQuote', { id: item.id, text: 'Mocht ik starten, zou ik een opleiding (…) het zorgcontinuum' })).rejects.toThrow(
      '“zorgcontinuum” does not come after “het” in the quoted passage; words of your own go in square brackets.',
    );
    await expect(call('outline/editQuote', { id: item.id, text: 'Mocht ik starten, zou ik een opleiding willen volgen' })).rejects.toThrow(
      'Words of the passage are left out between “opleiding” and “willen”; mark them with (…) or […].',
    );
    await expect(call('outline/editQuote', { id: item.id, text: 'wat wordt er verwacht? 😀 Vaardigheden' })).rejects.toMatchObject({ detail: { code: 'quoteEditWord', params: { word: '😀', after: 'verwacht' } } });
    await expect(call('outline/editQuote', { id: item.id, text: '[Zij] wil een opleiding [volgen' })).rejects.toThrow(/A square bracket is not closed/);
    expect(rows()).toEqual({ n: 0 });
    const finding = (await call('outline/get', {})).sections.flatMap((s) => s.items).find((i) => i.kind === 'finding')!;
    await expect(call('outline/editQuote', { id: finding.id, text: 'x' })).rejects.toThrow('Only a quote has an edited form; a finding item is edited as it is.');
  });

  it('flags an edited quote whose words no longer fit after the transcript is corrected, and changes nothing of it', async () => {
    const { call, item, docs, segments } = await withQuote();
    const edited = 'Mocht ik starten (…) zou ik een opleiding leerlingenbegeleiding willen volgen';
    await call('outline/editQuote', { id: item.id, text: edited });
    const other = (await call('outline/get', {})).sections[1]!.items[0]!;
    await call('outline/editQuote', { id: other.id, text: 'mijn collega doet dat niet (…) Maar er ligt daar nog iets te veel initiatief bij mij' });

    // A correction that keeps the edited words: nothing to flag.
    const turn = (await call('documents/get', { id: docs.one.id })).turns[1]!;
    await call('transcript/edit-turn', { documentId: docs.one.id, position: 1, text: turn.text.replace('Vaardigheden leer je', 'Vaardigheden leer jij') });
    expect((await call('outline/get', {})).edits[item.id]!.problem).toBeNull();
    // A correction of a word the edit keeps ("opleiding" → "vorming"): flagged, the edit as it was.
    const again = (await call('documents/get', { id: docs.one.id })).turns[1]!;
    await call('transcript/edit-turn', { documentId: docs.one.id, position: 1, text: again.text.replace('een opleiding', 'een vorming') });
    const flagged = await call('outline/get', {});
    expect(flagged.edits[item.id]).toEqual({
      text: edited,
      checkedText: PASSAGES.opleiding,
      problem: { code: 'quoteEditWord', word: 'opleiding', after: 'een' },
    });
    expect(flagged.quotes[segments.opleiding]!.text).toContain('een vorming leerlingenbegeleiding');
    // The other quote, in another turn, is untouched.
    expect(flagged.edits[other.id]!.problem).toBeNull();
    // The report still prints what the researcher wrote; the verbatim text is the corrected one.
    expect(flagged.edits[item.id]!.text).toBe(edited);
    // Edited again to fit the corrected words, the flag is gone.
    const fixed = await call('outline/editQuote', { id: item.id, text: 'Mocht ik starten (…) zou ik een vorming leerlingenbegeleiding willen volgen' });
    expect(fixed.edits[item.id]!.problem).toBeNull();
  });
});
