import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/main/core/reports/docx.ts';
import { writeHtml } from '../../src/main/core/reports/html.ts';
import { escapeMarkdown, writeMarkdown } from '../../src/main/core/reports/markdown.ts';
import { writeCsv } from '../../src/main/core/reports/table.ts';
import { readCsv } from '../../src/main/core/files/csv.ts';
import { lexicalBlocks } from '../../src/shared/lexical-blocks.ts';
import { DEFAULT_REPORT_OPTIONS, formatAttribution, parseAttribution, type ReportDocument } from '../../src/shared/report-document.ts';
import { readDocx } from './docx-reader.ts';

const text = (t: string, format = 0) => ({ type: 'text', text: t, format });
const STATE = JSON.stringify({
  root: {
    children: [
      { type: 'heading', tag: 'h2', children: [text('Aanpak')] },
      { type: 'paragraph', children: [text('Zie '), { type: 'link', url: 'https://example.org/decreet', children: [text('het decreet', 8)] }, text('.')] },
      { type: 'paragraph', children: [] },
      {
        type: 'list',
        listType: 'number',
        children: [
          { type: 'listitem', children: [text('eerst', 1)] },
          { type: 'listitem', children: [text('dan'), { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [text('daarbinnen', 2)] }] }] },
        ],
      },
    ],
  },
});

describe('rich text for export', () => {
  it('reduces a Lexical state to headings, runs with formatting and links, and nested lists; empty paragraphs go', () => {
    expect(lexicalBlocks(STATE, 'ignored')).toEqual([
      { kind: 'heading', level: 2, runs: [{ text: 'Aanpak' }] },
      { kind: 'paragraph', runs: [{ text: 'Zie ' }, { text: 'het decreet', underline: true, link: 'https://example.org/decreet' }, { text: '.' }] },
      { kind: 'list', ordered: true, items: [{ level: 0, runs: [{ text: 'eerst', bold: true }] }, { level: 0, runs: [{ text: 'dan' }] }, { level: 1, runs: [{ text: 'daarbinnen', italic: true }] }] },
    ]);
    // Unreadable or missing state: the plain text, one paragraph per line, so nothing is lost.
    expect(lexicalBlocks('{not json', 'een\n\ntwee')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'een' }] },
      { kind: 'paragraph', runs: [{ text: 'twee' }] },
    ]);
  });

  const report: ReportDocument = {
    titleBlock: { lines: [{ kind: 'title', text: 'T' }] },
    sections: [{ title: 'Thema', number: null, depth: 1, intro: [], definition: [], counts: null, items: [{ kind: 'paragraph', blocks: lexicalBlocks(STATE, '') }] }],
  };

  it('writes rich text into Word as a heading below the section, a hyperlink and a restarting numbered list', async () => {
    const docx = readDocx(await writeDocx(report, DEFAULT_REPORT_OPTIONS));
    expect(docx.paragraphs.map((p) => [p.style, p.text])).toEqual([
      ['Title', 'T'],
      ['Heading1', 'Thema'],
      ['Heading3', 'Aanpak'],
      [null, 'Zie het decreet.'],
      ['ListNumber', 'eerst'],
      ['ListNumber', 'dan'],
      ['ListNumber', 'daarbinnen'],
    ]);
    const list = docx.paragraphs.filter((p) => p.style === 'ListNumber');
    expect(list.map((p) => p.numbering?.level)).toEqual([0, 0, 1]);
    expect(docx.numFormats.get(list[0]!.numbering!.numId)).toBe('decimal');
    expect(docx.documentXml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"/);
  });

  it('writes it into HTML and Markdown with the same structure; unsafe links are dropped in HTML', () => {
    const html = writeHtml(report, DEFAULT_REPORT_OPTIONS);
    // Word's Heading 3 is HTML's h4: the title is h1 there.
    expect(html).toContain('<h4>Aanpak</h4>');
    expect(html).toContain('<a href="https://example.org/decreet"><u>het decreet</u></a>');
    expect(html).toContain('<ol><li><strong>eerst</strong></li><li>dan</li><ol><li><em>daarbinnen</em></li></ol></ol>');
    const bad = writeHtml(
      { ...report, sections: [{ ...report.sections[0]!, items: [{ kind: 'paragraph', blocks: [{ kind: 'paragraph', runs: [{ text: 'klik', link: 'javascript:alert(1)' }] }] }] }] },
      DEFAULT_REPORT_OPTIONS,
    );
    expect(bad).not.toContain('javascript:');
    const md = writeMarkdown(report, DEFAULT_REPORT_OPTIONS);
    expect(md).toContain('\n#### Aanpak\n\nZie [<u>het decreet</u>](<https://example.org/decreet>).\n\n1. **eerst**\n2. dan\n   1. *daarbinnen*');
    expect(escapeMarkdown('1. eerst *niet* [x]\n- lijst\n# kop')).toBe('1\\. eerst \\*niet\\* \\[x\\]\n\\- lijst\n\\# kop');
  });
});

describe('CSV', () => {
  it('is UTF-8 with BOM, semicolons and CRLF; quotes what needs it and defuses formulas; reads back as written', () => {
    const bytes = writeCsv({
      name: 'x',
      columns: [{ header: 'Tekst' }, { header: 'n' }],
      rows: [
        ['zorgcontinuüm; "brede" basiszorg\nnieuwe regel', 3],
        ['=HYPERLINK("http://evil")', null],
        [' spatie', 0],
      ],
    });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe('\uFEFFTekst;n\r\n"zorgcontinuüm; ""brede"" basiszorg\nnieuwe regel";3\r\n"\'=HYPERLINK(""http://evil"")";\r\n" spatie";0\r\n');
    expect(readCsv('x.csv', text)[1]).toEqual(['zorgcontinuüm; "brede" basiszorg\nnieuwe regel', '3']);
  });

  it('reads the CLI spelling of the attribution option', () => {
    expect(parseAttribution('attrs:schooltype, net')).toEqual({ attrs: ['schooltype', 'net'] });
    expect(parseAttribution('source')).toBe('source');
    expect(parseAttribution('attrs:')).toBeNull();
    expect(parseAttribution('full')).toBe('full');
    expect(parseAttribution('alles')).toBeNull();
  });

  it('writes each attribution as a reader expects it', () => {
    const source = { document: 'interview-03-tso', participant: 'B.V.', attributes: { schooltype: 'TSO', net: 'GO!' }, startMs: 495_000, paragraph: null };
    expect(formatAttribution(source, 'none', 'nl')).toBeNull();
    expect(formatAttribution(source, 'participant', 'nl')).toBe('B.V.');
    expect(formatAttribution(source, { attrs: ['SchoolType'] }, 'nl')).toBe('B.V., TSO');
    expect(formatAttribution(source, 'source', 'nl')).toBe('interview-03-tso, 8:15');
    expect(formatAttribution(source, 'full', 'nl')).toBe('B.V., TSO, GO!, interview-03-tso, 8:15');
  });
});
