import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { AlignmentType, Document, Footer, Header, ImageRun, Packer, PageBreak, PageNumber, Paragraph, TextRun } from 'docx';

/**
 * PDFs made in the test from known text: a Word file written with the `docx` package, converted by
 * LibreOffice (`soffice --headless --convert-to pdf`, installed here and in CI), so the PDF is a real
 * word processor's, with its own placing of lines, headers and footers.
 */

export const ARTICLE_HEADER = 'Tijdschrift voor Onderwijsonderzoek 12(3)';

/** A paragraph as lines: each line after the first starts after a manual line break. */
type Lines = string[];

/** Three pages: a title, paragraphs, words broken by a hyphen at a line's end, a header and a numbered footer on every page. */
export const ARTICLE_PAGES: Lines[][] = [
  [
    ['Leerlingenbegeleiding in het secundair onderwijs'],
    ['Scholen organiseren hun zorg in een continuüm. De klassenraad bespreekt elke leerling die extra noden heeft, en de', 'coördinator volgt de afspraken op tot het einde van het schooljaar.'],
    ['Een sterk uitgebouwde leerlingen-', 'begeleiding vraagt tijd van het hele team.'],
  ],
  [
    ['Op de tweede bladzijde vertellen leerkrachten over hun zorg-', 'en welzijnsbeleid in Noord-', 'Brabant en Vlaanderen.'],
    ['Het CLB komt één keer per maand naar de school voor het multidisciplinair overleg.'],
    [
      'Deze alinea is lang genoeg om vanzelf over meerdere regels te lopen: de tekstverwerker breekt de regels af waar de bladspiegel ophoudt, ' +
        'en wie het artikel codeert wil toch één alinea lezen, met de woorden in hun volgorde, zonder de harde regeleinden van het papier.',
    ],
  ],
  [
    ['Conclusie: de samenwerking met ouders blijft de moeilijkste opdracht voor elke school.'],
  ],
];

function paragraphOf(lines: Lines, options: { title?: boolean } = {}): Paragraph {
  const runs = lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : 0, size: options.title ? 36 : 22, bold: options.title }));
  return new Paragraph({ children: runs, spacing: { after: 240 } });
}

export async function writeArticleDocx(path: string, pages: Lines[][] = ARTICLE_PAGES): Promise<void> {
  const children: Paragraph[] = [];
  pages.forEach((paragraphs, p) => {
    paragraphs.forEach((lines, i) => children.push(paragraphOf(lines, { title: p === 0 && i === 0 })));
    if (p < pages.length - 1) children.push(new Paragraph({ children: [new PageBreak()] }));
  });
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(ARTICLE_HEADER)] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Pagina ', PageNumber.CURRENT] })] })] }) },
        children,
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

/** A grey picture as a PNG, written by hand: a scan's page has nothing else. */
export function greyPng(width = 400, height = 300): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x * 7 + y * 3) % 256;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A "scanned" document: two pages that are pictures only. */
export async function writeScanDocx(path: string): Promise<void> {
  const picture = () => new Paragraph({ children: [new ImageRun({ type: 'png', data: greyPng(), transformation: { width: 400, height: 300 } })] });
  const doc = new Document({ sections: [{ children: [picture(), new Paragraph({ children: [new PageBreak()] }), picture()] }] });
  writeFileSync(path, await Packer.toBuffer(doc));
}

/**
 * Converts files to PDF with LibreOffice, all in one run (a run takes seconds), in a profile of its
 * own so that tests in parallel do not share one. `filter` is LibreOffice's export filter with its
 * options, e.g. a password. Returns each PDF's path.
 */
export function convertToPdf(paths: string[], outDir: string, filter = 'pdf'): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'duiding-soffice-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...paths], { stdio: 'pipe', timeout: 120_000 });
  return paths.map((path) => {
    const pdf = join(outDir, `${basename(path).replace(/\.[^.]+$/, '')}.pdf`);
    readFileSync(pdf); // throws, naming the file, when LibreOffice made none
    return pdf;
  });
}

/** LibreOffice's PDF export with a password to open the file. */
export const ENCRYPTED_PDF_FILTER = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"geheim"}}';
