import { DuidingError } from '../../../../../shared/errors.ts';
import type { RawTurn } from '../turn-builder.ts';
import { checkPdfStreams } from './bomb.ts';
import { layoutPages, type IsWord } from './layout.ts';
import { readPdfPages } from './read.ts';

export interface ParsedPdf {
  turns: RawTurn[];
  pages: number;
  notes: string[];
}

/** The Dutch and English word lists, read only when a broken word is met (they are 230,000 lines). */
async function wordChecker(): Promise<IsWord> {
  let isWord: IsWord | null = null;
  const { loadWordLists } = await import('../../../pseudonymise/dictionary.ts');
  return (word) => (isWord ??= loadWordLists().isWord)(word);
}

/**
 * A PDF as paragraphs with their pages: literature to code. Refused by name: a file that is not a
 * PDF, a PDF bomb, an encrypted or damaged one, and one without a text layer (a scan).
 */
export async function parsePdf(name: string, bytes: Uint8Array): Promise<ParsedPdf> {
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(1024, bytes.length)).toString('latin1').includes('%PDF-')) {
    throw new DuidingError(`${name} is not a PDF (it does not begin with "%PDF-"): the file is damaged or has the wrong extension.`, 'input', { code: 'pdfDamaged', params: { file: name } });
  }
  checkPdfStreams(name, bytes);
  const pages = await readPdfPages(name, bytes);
  const layout = layoutPages(pages, await wordChecker());
  if (layout.paragraphs.length === 0) {
    throw new DuidingError(
      `${name} has no text layer: its ${pages.length === 1 ? 'page is a picture' : `${pages.length} pages are pictures`} (a scan?). Run it through text recognition (OCR) first, then import the result.`,
      'input',
      { code: 'pdfNoText', params: { file: name, pages: pages.length } },
    );
  }
  const notes = layout.leftOut.map(
    (line) => `left out "${line.text}", a header or footer repeated on ${line.pages} of ${pages.length} pages`,
  );
  const empty = pages.filter((page) => page.lines.length === 0).map((page) => page.number);
  if (empty.length > 0) notes.push(`page${empty.length === 1 ? '' : 's'} ${empty.join(', ')} had no text (a picture or a scan): not imported`);
  return { turns: layout.paragraphs.map((p) => ({ speaker: null, text: p.text, startMs: null, endMs: null, page: p.page })), pages: pages.length, notes };
}
