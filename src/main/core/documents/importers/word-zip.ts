import { DuidingError, isDuidingError } from '../../../../shared/errors.ts';
import { openZip, type ZipLimits, type ZipReader } from '../../refi-qda/zip.ts';

/**
 * The zip inside a .docx or .odt, opened with limits checked while inflating: a 428 KB .docx whose
 * document.xml unpacked to 400 MB took 3.8 GB of memory, and a 422 KB .odt ran the process out of
 * memory. A two-hour interview's document.xml is a few MB; pictures are never unpacked.
 */
export const WORD_ZIP_LIMITS: ZipLimits = { perEntry: 32 * 1024 * 1024, total: 64 * 1024 * 1024 };

const REASONS: Record<string, string> = {
  notZip: 'it is not a zip archive',
  zipTruncated: 'the zip archive is cut off',
  zipDamaged: 'the zip archive is damaged',
  zipEncrypted: 'it is encrypted',
  zipMethod: 'it uses a compression method Duiding cannot unpack',
  zip64: 'it is a ZIP64 archive',
  zipPathEscape: 'an entry’s path leaves the archive',
};

/** The zipped formats read through this guard (an .xlsx survey too: issue 27). */
export type WordFormat = 'docx' | 'odt' | 'xlsx';

const FORMATS: Record<WordFormat, { code: string; what: string }> = {
  docx: { code: 'damagedDocx', what: 'could not be read as a Word document: the file is damaged, incomplete or not a .docx' },
  odt: { code: 'damagedOdt', what: 'could not be read as an OpenDocument text: the file is damaged or incomplete' },
  xlsx: { code: 'damagedXlsx', what: 'could not be read as an Excel workbook: the file is damaged, incomplete or not an .xlsx' },
};

export function damaged(name: string, format: WordFormat, reason: string): DuidingError {
  const { code, what } = FORMATS[format];
  return new DuidingError(`${name} ${what} (${reason}).`, 'input', { code, params: { file: name } });
}

/** Wraps the zip reader's refusals in the format's own words; a zip bomb stays a zip bomb. */
export function guardZip<T>(name: string, format: WordFormat, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isDuidingError(error) || error.detail?.code === 'zipBomb') throw error;
    const code = error.detail?.code ?? '';
    throw damaged(name, format, REASONS[code] ?? error.message.replace(`${name} `, ''));
  }
}

export function openWordZip(name: string, format: WordFormat, bytes: Uint8Array, limits: ZipLimits = WORD_ZIP_LIMITS): ZipReader {
  return guardZip(name, format, () => openZip(name, bytes, limits));
}

/**
 * Inflates (and counts) every XML part of a .docx before mammoth sees it: mammoth unpacks with
 * JSZip, which believes the sizes in the headers, so the check must come first.
 */
export function checkDocxZip(name: string, bytes: Uint8Array, limits: ZipLimits = WORD_ZIP_LIMITS): void {
  const zip = openWordZip(name, 'docx', bytes, limits);
  guardZip(name, 'docx', () => {
    for (const entry of zip.entries) if (/\.(xml|rels)$/i.test(entry.path)) zip.measure(entry);
  });
}
