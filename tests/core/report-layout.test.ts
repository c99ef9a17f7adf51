/**
 * The report's layout kept in the project (issue 22): titled findings, numbering per section level and
 * per list, the title block in the researcher's order, quote style and attribution. Each is one undo
 * step, used by every export, and the CLI's --title/--subtitle/--authors override it for one export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/hosts/cli/main.ts';
import { DEFAULT_REPORT_OPTIONS } from '../../src/shared/report-document.ts';
import { reportElements } from '../../src/shared/report-elements.ts';
import { mergeTitleLines, reportFromOutline } from '../../src/shared/report-from-outline.ts';
import type { TitleLine } from '../../src/shared/analysis.ts';
import { readDocx } from '../reports/docx-reader.ts';
import { checkUndoRedo, smallStudy } from './analysis-fixture.ts';

const quiet = { stdout: () => {}, stderr: () => {} };

async function studyWithOutline() {
  const study = await smallStudy();
  const { call, segments } = study;
  // The shape of seed 002: strength factors "A." … with their points "a." …, quotes between points.
  let outline = await call('outline/addSection', { parentId: null, title: 'Krachtfactoren' });
  const part = outline.sections[0]!.id;
  outline = await call('outline/addSection', { parentId: part, title: 'Garandeer een krachtig beleid' });
  outline = await call('outline/addSection', { parentId: part, title: 'Waardeer de leerlingenbegeleider' });
  const [first, second] = outline.sections.filter((s) => s.parentId === part).map((s) => s.id) as [string, string];
  await call('outline/addItem', { sectionId: first, kind: 'finding', text: 'Scholen, accentueer het belang.' });
  await call('outline/addItem', { sectionId: first, kind: 'quote', segmentId: segments.s1 });
  await call('outline/addItem', { sectionId: first, kind: 'finding', title: 'Teamwerking', text: 'Directies, bouw een sterke teamwerking uit.' });
  await call('outline/addItem', { sectionId: second, kind: 'finding', text: 'Laat zien hoe de leerlingenbegeleider een spilfiguur is.' });
  return { ...study, part, first, second };
}

describe('the report layout kept in the project', () => {
  it('numbers sub-sections and points as the researcher sets them, each change one undo step, and prints a titled finding as a bold title with its paragraph', async () => {
    const { project, call, part, first, second } = await studyWithOutline();
    await checkUndoRedo(project, () => call('outline/updateSection', { id: part, numbering: 'A.' }));
    await checkUndoRedo(project, () => call('outline/updateSection', { id: first, itemNumbering: 'a.' }));
    await call('outline/updateSection', { id: second, itemNumbering: 'a.' });
    const outline = await call('outline/get', {});
    expect(outline.sections.find((s) => s.id === part)).toMatchObject({ numbering: 'A.', itemNumbering: null });
    const elements = reportElements(reportFromOutline(outline, { concepts: [], labels: [] }, 'LLB', DEFAULT_REPORT_OPTIONS), DEFAULT_REPORT_OPTIONS);
    const seen = elements.filter((e) => e.kind !== 'title' && e.kind !== 'subtitle').map((e) => [e.kind, e.label, e.runs.map((r) => (r.bold ? `**${r.text}**` : r.text)).join('')]);
    expect(seen).toEqual([
      ['heading', null, 'Krachtfactoren'],
      ['heading', 'A.', 'A. Garandeer een krachtig beleid'],
      ['finding', 'a.', 'Scholen, accentueer het belang.'],
      ['quote', null, 'planning'],
      // Counted across the quote between: the list is the section's.
      ['finding', 'b.', '**Teamwerking**'],
      ['finding-text', null, 'Directies, bouw een sterke teamwerking uit.'],
      ['heading', 'B.', 'B. Waardeer de leerlingenbegeleider'],
      // Each section's list starts again.
      ['finding', 'a.', 'Laat zien hoe de leerlingenbegeleider een spilfiguur is.'],
    ]);

    // Word counts the points itself: lower letters, a numbering instance per section, the text under the title in List Continue.
    const out = join(project.path, '..', 'factors.docx');
    await call('export/file', { report: 'themes', format: 'docx', out });
    const docx = readDocx(readFileSync(out));
    const points = docx.paragraphs.filter((p) => p.numbering);
    expect(points.map((p) => [p.style, docx.numFormats.get(p.numbering!.numId), p.text])).toEqual([
      ['ListNumber', 'lowerLetter', 'Scholen, accentueer het belang.'],
      ['ListNumber', 'lowerLetter', 'Teamwerking'],
      ['ListNumber', 'lowerLetter', 'Laat zien hoe de leerlingenbegeleider een spilfiguur is.'],
    ]);
    expect(points[0]!.numbering!.numId).toBe(points[1]!.numbering!.numId);
    expect(points[2]!.numbering!.numId).not.toBe(points[0]!.numbering!.numId);
    expect(points[1]!.runs.every((r) => r.bold)).toBe(true);
    expect(docx.paragraphs.find((p) => p.text.startsWith('Directies, bouw'))!.style).toBe('ListContinue');
    expect(docx.paragraphs.find((p) => p.text.startsWith('B. Waardeer'))!.style).toBe('Heading2');

    // Markdown and HTML print the same labels: "a." is no CommonMark list marker, so it is escaped text.
    const md = new TextDecoder().decode(Buffer.from((await call('export/file', { report: 'themes', format: 'md' })).base64!, 'base64'));
    expect(md).toContain('\n\na\\. Scholen, accentueer het belang.\n\n');
    expect(md).toContain('\n\nb\\. **Teamwerking**\n\nDirecties, bouw een sterke teamwerking uit.\n\n');
    expect(md).toContain('\n\n### B. Waardeer de leerlingenbegeleider\n\na\\. Laat zien');
    const html = (await call('export/preview', { report: 'themes' })).html;
    expect(html).toContain('<li><span class="label">b.</span> <strong>Teamwerking</strong><p class="finding-text">Directies, bouw een sterke teamwerking uit.</p></li>');

    // "none" takes the numbers away; a title belongs to a finding only.
    await call('outline/updateSection', { id: part, numbering: 'none' });
    expect((await call('export/preview', { report: 'themes' })).html).toContain('>Garandeer een krachtig beleid</h3>');
    const paragraph = (await call('outline/addItem', { sectionId: second, kind: 'paragraph', text: 'Een alinea.' })).sections.find((s) => s.id === second)!.items.at(-1)!;
    await expect(call('outline/updateItem', { id: paragraph.id, title: 'Titel' })).rejects.toThrow(/Only a finding has a title/);
    project.close();
  });

  it('keeps the title block, quote style and attribution for the preview and every export, one undo step each', async () => {
    const { project, call, session } = await studyWithOutline();
    const before = await call('report/settings', {});
    expect(before).toEqual({ titleLines: [], quoteStyle: 'quote', quotationMarks: false, attribution: 'participant', levelNumbering: [] });
    // The appendix's order: title, authors, then two subtitle lines.
    const lines: TitleLine[] = [
      { kind: 'title', text: 'Onderzoek krachtige leerlingenbegeleiding' },
      { kind: 'author', text: 'Arteveldehogeschool' },
      { kind: 'subtitle', text: 'Overzicht thema’s interviews' },
      { kind: 'subtitle', text: 'Citaten leerlingbegeleiders' },
      { kind: 'date', text: '  ' },
    ];
    await checkUndoRedo(project, () => call('report/updateSettings', { titleLines: lines }));
    await checkUndoRedo(project, () => call('report/updateSettings', { quoteStyle: 'plain', attribution: 'attrs:schooltype' }));
    expect(await call('report/settings', {})).toMatchObject({ titleLines: lines.slice(0, 4), quoteStyle: 'plain', attribution: 'attrs:schooltype' });
    await expect(call('report/updateSettings', { attribution: 'everything' })).rejects.toThrow(/attribution must be/);

    const out = join(project.path, '..', 'kept.docx');
    await call('export/file', { report: 'themes', format: 'docx', out });
    const docx = readDocx(readFileSync(out));
    expect(docx.paragraphs.slice(0, 4).map((p) => [p.style, p.text])).toEqual([
      ['Title', 'Onderzoek krachtige leerlingenbegeleiding'],
      ['ReportAuthors', 'Arteveldehogeschool'],
      ['Subtitle', 'Overzicht thema’s interviews'],
      ['Subtitle', 'Citaten leerlingbegeleiders'],
    ]);
    // A plain quote is a body paragraph, attributed as kept (Katrien with her school type).
    const quote = docx.paragraphs.find((p) => p.text.startsWith('planning'))!;
    expect([quote.style, quote.text]).toEqual([null, 'planning (Katrien, ASO)']);
    const html = (await call('export/preview', { report: 'themes' })).html;
    expect(html.indexOf('Arteveldehogeschool')).toBeLessThan(html.indexOf('Citaten leerlingbegeleiders'));
    const md = new TextDecoder().decode(Buffer.from((await call('export/file', { report: 'themes', format: 'md' })).base64!, 'base64'));
    expect(md.startsWith('# Onderzoek krachtige leerlingenbegeleiding\n\nArteveldehogeschool\n\n*Overzicht thema’s interviews*\n\n*Citaten leerlingbegeleiders*')).toBe(true);
    expect(md).toContain('\nplanning (Katrien, ASO)\n');
    // The call's own choice still wins for that export.
    const withQuotes = join(project.path, '..', 'quote-style.docx');
    await call('export/file', { report: 'themes', format: 'docx', out: withQuotes, options: { quoteStyle: 'quote', attribution: 'none' } });
    expect(readDocx(readFileSync(withQuotes)).paragraphs.find((p) => p.text.startsWith('planning'))).toMatchObject({ style: 'Quote', text: 'planning' });

    // The CLI overrides the kept block for one export: each kind it names, in the order given, where that kind stood.
    const file = project.path;
    session.close();
    const cli = join(file, '..', 'cli.docx');
    expect(await runCli(['export', file, '--format', 'docx', '--out', cli, '--subtitle', 'Bijlage 2', '--authors', 'H. Claeys', '--subtitle', 'Jaar 1', '--authors', 'J. Maes'], quiet)).toBe(0);
    expect(readDocx(readFileSync(cli)).paragraphs.slice(0, 5).map((p) => [p.style, p.text])).toEqual([
      ['Title', 'Onderzoek krachtige leerlingenbegeleiding'],
      ['Subtitle', 'Bijlage 2'],
      ['ReportAuthors', 'H. Claeys'],
      ['Subtitle', 'Jaar 1'],
      ['ReportAuthors', 'J. Maes'],
    ]);
    expect(await runCli(['export', file, '--format', 'docx', '--out', cli, '--title', 'Anders', '--subtitle', ''], quiet)).toBe(0);
    // A blank --subtitle removes the subtitles for that export.
    expect(readDocx(readFileSync(cli)).paragraphs.slice(0, 3).map((p) => [p.style, p.text])).toEqual([
      ['Title', 'Anders'],
      ['ReportAuthors', 'Arteveldehogeschool'],
      ['Heading1', 'Krachtfactoren'],
    ]);
  });

  it('merges override lines into a title block by kind', () => {
    const kept: TitleLine[] = [
      { kind: 'title', text: 'T' },
      { kind: 'author', text: 'A' },
      { kind: 'subtitle', text: 'S' },
      { kind: 'date', text: 'D' },
    ];
    expect(mergeTitleLines(kept, [])).toEqual(kept);
    expect(mergeTitleLines(kept, [{ kind: 'subtitle', text: 'S1' }, { kind: 'subtitle', text: 'S2' }]).map((l) => l.text)).toEqual(['T', 'A', 'S1', 'S2', 'D']);
    expect(mergeTitleLines(kept, [{ kind: 'title', text: 'X' }, { kind: 'subtitle', text: 'Y' }, { kind: 'author', text: 'Z' }]).map((l) => l.text)).toEqual(['X', 'Y', 'Z', 'D']);
    expect(mergeTitleLines([{ kind: 'title', text: 'T' }], [{ kind: 'author', text: 'A' }]).map((l) => l.text)).toEqual(['T', 'A']);
    expect(mergeTitleLines(kept, [{ kind: 'date', text: '' }]).map((l) => l.text)).toEqual(['T', 'A', 'S']);
  });
});
