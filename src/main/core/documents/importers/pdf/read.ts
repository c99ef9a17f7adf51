import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DuidingError } from '../../../../../shared/errors.ts';
import { checkpoint } from '../../../tasks.ts';
import type { PdfLine, PdfPage } from './layout.ts';

/** More pages than any article or book chapter a study codes; a longer file is refused before its pages are read. */
export const MAX_PDF_PAGES = 2000;

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

const refuse = (message: string, code: string, file: string) => new DuidingError(message, 'input', { code, params: { file } });

/** Pieces of text that stand on one baseline, in the order the page draws them, as lines. */
function linesOf(items: TextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: (PdfLine & { end: number }) | null = null;
  for (const item of items) {
    if (item.str === '' && !item.hasEOL) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.max(Math.hypot(c, d), Math.hypot(a, b), item.height, 1);
    if (item.str !== '') {
      const sameLine = current !== null && Math.abs(y - current.y) <= size * 0.5 && x >= current.end - size;
      if (current && sameLine) {
        const spaced = /\s$/.test(current.text) || /^\s/.test(item.str);
        // A gap wider than a fifth of the font size is a space the PDF drew by moving, not by a character.
        current.text += !spaced && x - current.end > size * 0.2 ? ` ${item.str}` : item.str;
        current.end = Math.max(current.end, x + item.width);
        current.width = current.end - current.x;
        current.size = Math.max(current.size, size);
      } else {
        current = { text: item.str, x, y, width: item.width, size, end: x + item.width };
        lines.push(current);
      }
    }
    if (item.hasEOL) current = null;
  }
  return lines.map(({ text, x, y, width, size }) => ({ text, x, y, width, size }));
}

/**
 * Whether pdf.js has been loaded in this process, by this module or any other (its build sets
 * `globalThis.pdfjsLib` when it is evaluated): a test keeps `--help` and `info` free of it.
 */
export const pdfLibraryLoaded = () => 'pdfjsLib' in globalThis;

function pdfjsDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/**
 * The positioned lines of every page, read with pdf.js (Mozilla's reader, pure JavaScript), loaded
 * here only: `duiding --help` and `info` never load it. Refuses an encrypted, damaged or
 * unreadable file by name; the caller refuses one without text.
 */
export async function readPdfPages(name: string, bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = pdfjsDir();
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over (transfers it): it gets a copy, the caller keeps its bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    const kind = (error as Error)?.name;
    if (kind === 'PasswordException') {
      throw refuse(`${name} is encrypted with a password: Duiding cannot read its text. Save a copy without a password (or export its text) and import that.`, 'pdfEncrypted', name);
    }
    throw refuse(
      `${name} could not be read as a PDF: the file is damaged, incomplete or not a PDF (${String((error as Error)?.message ?? error).split('\n')[0]}).`,
      'pdfDamaged',
      name,
    );
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      throw refuse(`${name} has ${document.numPages.toLocaleString('en-US')} pages; the limit is ${MAX_PDF_PAGES.toLocaleString('en-US')} per PDF. Split it into smaller files.`, 'pdfTooManyPages', name);
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      await checkpoint();
      let items: TextItem[];
      try {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        items = content.items.filter((item) => 'str' in item) as TextItem[];
        page.cleanup();
      } catch (error) {
        if (error instanceof DuidingError) throw error;
        throw refuse(`${name} could not be read as a PDF: page ${number} is damaged (${String((error as Error)?.message ?? error).split('\n')[0]}).`, 'pdfDamaged', name);
      }
      pages.push({ number, lines: linesOf(items) });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
