/**
 * Canonical text: Unicode NFC, `\n` line ends, no BOM. Every offset in a project counts UTF-16 code
 * units of this canonical form (JavaScript's own string indices); other units are converted at the
 * boundary that needs them (see design.md, "Offsets").
 */
export function canonicalText(input: string): string {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  text = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n');
  return text.normalize('NFC');
}

/** Collapses runs of horizontal whitespace (including no-break spaces) to one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\u00A0\u2007\u202F\f\v]+/g, ' ').trim();
}

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** Counts words as a reader would: runs of letters and digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}
