import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../src/main/core/reports/export.ts';
import { PASSAGES, quoteStudy } from '../core/quote-study.ts';
import { readDocx } from './docx-reader.ts';

const EDITED = 'Mocht ik starten, zou ik een opleiding [LLB] willen volgen (…) het zorgcontinuüm (…)? 🙂 Vaardigheden leer je vooral door het te doen.';

async function editedStudy() {
  const study = await quoteStudy();
  const outline = await study.call('outline/generate', {});
  await study.call('outline/editQuote', { id: outline.sections[0]!.items[0]!.id, text: EDITED });
  const exportAs = async (format: 'docx' | 'html' | 'md', verbatimNotes?: 'none' | 'comment' | 'footnote') =>
    renderExport(study.project, { report: 'themes', format, options: verbatimNotes ? { verbatimNotes } : {} });
  return { ...study, exportAs };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const xmlText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('edited quotes in the exports', () => {
  it('.docx prints the edited form in the Quote style, with the verbatim text as a comment or a footnote only when asked', async () => {
    const { exportAs } = await editedStudy();
    const plain = await exportAs('docx');
    const quote = readDocx(plain).paragraphs.find((p) => p.text.startsWith('Mocht ik'))!;
    expect(quote).toMatchObject({ style: 'Quote', text: `${EDITED} (LB1)` });
    const parts = unzipSync(plain);
    expect(Object.keys(parts).filter((name) => /comments/.test(name))).toEqual([]);
    expect(xmlText(strFromU8(parts['word/footnotes.xml']!))).not.toContain('Letterlijk');
    // Untouched quotes print verbatim, as before.
    expect(readDocx(plain).paragraphs.some((p) => p.text === `${PASSAGES.collega} (LB1)`)).toBe(true);

    const commented = unzipSync(await exportAs('docx', 'comment'));
    const comments = strFromU8(commented['word/comments.xml']!);
    expect(xmlText(comments)).toBe(`Letterlijk: ${PASSAGES.opleiding}`);
    const body = strFromU8(commented['word/document.xml']!);
    // The comment spans the quote's text: its range opens before the edited words and closes after them.
    const start = body.indexOf('<w:commentRangeStart w:id="0"/>');
    const end = body.indexOf('<w:commentRangeEnd w:id="0"/>');
    expect(start).toBeGreaterThan(0);
    expect(xmlText(body.slice(start, end))).toBe(EDITED);
    expect(body).toContain('<w:commentReference w:id="0"/>');
    expect(strFromU8(commented['[Content_Types].xml']!)).toContain('/word/comments.xml');

    const footnoted = unzipSync(await exportAs('docx', 'footnote'));
    const footnotes = strFromU8(footnoted['word/footnotes.xml']!);
    expect(xmlText(footnotes)).toContain(`Letterlijk: ${PASSAGES.opleiding}`);
    expect(strFromU8(footnoted['word/document.xml']!)).toMatch(/<w:footnoteReference w:id="1"\/>/);
  });

  it('.html and .md print the edited form and, when asked, the verbatim text as a numbered note at the end', async () => {
    const { exportAs } = await editedStudy();
    const html = text(await exportAs('html'));
    expect(html).toContain(`<blockquote class="quote"><p>${EDITED} <span class="attribution">(LB1)</span></p></blockquote>`);
    expect(html).not.toContain('<section class="verbatim-notes"');
    const noted = text(await exportAs('html', 'footnote'));
    expect(noted).toContain(`${EDITED}<sup class="verbatim-ref"><a href="#verbatim-1" id="verbatim-ref-1">1</a></sup>`);
    expect(noted).toContain(`<li id="verbatim-1">${PASSAGES.opleiding} <a href="#verbatim-ref-1">↩</a></li>`);
    expect(noted).toContain('Letterlijke tekst van de bewerkte citaten');

    const md = text(await exportAs('md'));
    expect(md).toContain('> Mocht ik starten, zou ik een opleiding \\[LLB\\] willen volgen (…) het zorgcontinuüm (…)? 🙂 Vaardigheden leer je vooral door het te doen. (LB1)');
    expect(md).not.toContain('[^v1]');
    const mdNoted = text(await exportAs('md', 'comment'));
    expect(mdNoted).toContain('het te doen.[^v1] (LB1)');
    expect(mdNoted).toContain(`[^v1]: ${PASSAGES.opleiding}`);
  });
});
