import type { PositionUnit } from '../../../shared/interchange.ts';

/**
 * Selection positions from other tools, mapped onto Duiding's canonical text (NFC, `\n`, UTF-16
 * offsets). The standard counts code points; NVivo counts UTF-16 units and `\r\n` as two; ATLAS.ti
 * counts `\r\n` as one; some count a BOM. Which way a file counted is decided per source by what
 * makes its selections fit the text (see `chooseUnit`).
 */

interface Mapping {
  /** Scheme position where each chunk starts, plus the total at the end. */
  at: Int32Array;
  /** Canonical offset where each chunk starts, plus the canonical length at the end. */
  canonical: Int32Array;
  bomShift: number;
}

export interface MappedText {
  /** The canonical text: what the document will hold. */
  text: string;
  hasBom: boolean;
  hasCrlf: boolean;
  hasAstral: boolean;
  /** Maps a position counted in `unit` to a canonical offset; null when it lies outside the text. */
  map(unit: PositionUnit, position: number, edge: 'start' | 'end'): number | null;
}

const MARK = /\p{M}/u;

/** Where the code point at `i` ends (a surrogate pair is two units). */
function codePointEnd(raw: string, i: number): number {
  const c = raw.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length && (raw.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}

/** The raw text in chunks: each chunk's length in code points and UTF-16 units, and where it starts in the canonical text. */
interface Chunks {
  count: number;
  cp: Int32Array;
  u16: Int32Array;
  crlf: Uint8Array;
  /** Canonical offset where each chunk starts, plus the canonical length at the end. */
  canonicalStarts: Int32Array;
  /** The canonical text. */
  text: string;
}

export function mapText(raw: string, hasBom: boolean): MappedText {
  const chunks = chunk(raw);
  const { count, cp, u16, crlf } = chunks;
  let hasCrlf = false;
  let hasAstral = false;
  for (let k = 0; k < count; k++) {
    if (crlf[k]) hasCrlf = true;
    else if (cp[k] !== u16[k]) hasAstral = true;
  }
  const cache = new Map<string, Mapping>();
  const mappingFor = (unit: PositionUnit): Mapping => {
    const key = `${unit.unit}/${unit.crlf}/${unit.bom}`;
    let mapping = cache.get(key);
    if (!mapping) {
      mapping = mappingOf(chunks, unit, hasBom);
      cache.set(key, mapping);
    }
    return mapping;
  };
  return {
    text: chunks.text,
    hasBom,
    hasCrlf,
    hasAstral,
    map: (unit, position, edge) => mapPosition(mappingFor(unit), position, edge),
  };
}

function chunk(raw: string): Chunks {
  // One chunk maps as a whole: a line end (`\r\n` included), or a character with its combining marks.
  const cp = new Int32Array(raw.length);
  const u16 = new Int32Array(raw.length);
  const crlf = new Uint8Array(raw.length);
  const canonicalStarts = new Int32Array(raw.length + 1);
  // The canonical text is built from runs of unchanged raw text and the few chunks that change, so
  // that a plain character costs no string of its own (one slice per character was most of the time).
  const parts: string[] = [];
  let runStart = 0;
  const replace = (at: number, end: number, piece: string) => {
    if (at > runStart) parts.push(raw.slice(runStart, at));
    parts.push(piece);
    runStart = end;
  };
  let count = 0;
  let length = 0;
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    let end: number;
    let pieceLength = 1;
    let points = 1;
    if (c === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
      end = i + 2;
      points = 2;
      crlf[count] = 1;
      replace(i, end, '\n');
    } else if (c === 0x0d || c === 0x2028 || c === 0x2029) {
      end = i + 1;
      replace(i, end, '\n');
    } else {
      end = codePointEnd(raw, i);
      // Combining marks all lie at U+0300 or above; below that, text is already NFC.
      while (end < raw.length && raw.charCodeAt(end) >= 0x300) {
        const next = codePointEnd(raw, end);
        if (!MARK.test(raw.slice(end, next))) break;
        end = next;
        points++;
      }
      pieceLength = end - i;
      if (c >= 0x300 || points > 1) {
        const original = raw.slice(i, end);
        const piece = original.normalize('NFC');
        if (piece !== original) replace(i, end, piece);
        pieceLength = piece.length;
      }
    }
    cp[count] = points;
    u16[count] = end - i;
    canonicalStarts[count] = length;
    length += pieceLength;
    count++;
    i = end;
  }
  canonicalStarts[count] = length;
  if (raw.length > runStart) parts.push(raw.slice(runStart));
  return { count, cp, u16, crlf, canonicalStarts, text: parts.join('') };
}

/** Where each chunk starts when positions are counted in `unit`. */
function mappingOf({ count, cp, u16, crlf, canonicalStarts }: Chunks, unit: PositionUnit, hasBom: boolean): Mapping {
  const at = new Int32Array(count + 1);
  let position = 0;
  for (let k = 0; k < count; k++) {
    at[k] = position;
    position += crlf[k] && unit.crlf === 1 ? 1 : unit.unit === 'codepoint' ? cp[k]! : u16[k]!;
  }
  at[count] = position;
  return { at, canonical: canonicalStarts.subarray(0, count + 1), bomShift: hasBom && unit.bom ? 1 : 0 };
}

function mapPosition({ at, canonical, bomShift }: Mapping, position: number, edge: 'start' | 'end'): number | null {
  // A position on a counted BOM itself is the start of the text.
  const p = Math.max(0, position - bomShift);
  if (!Number.isInteger(p) || p < 0 || p > at[at.length - 1]!) return null;
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  if (at[lo] === p) return canonical[lo]!;
  // Inside a chunk (half a surrogate pair, between \r and \n, inside a combining sequence): widen to the chunk.
  return edge === 'start' ? canonical[lo]! : canonical[lo + 1]!;
}

export interface Placed {
  start: number;
  end: number;
}

/** Where a selection lands under one unit: its canonical span, or why it cannot be placed. */
export function place(mapped: MappedText, unit: PositionUnit, start: number, end: number): Placed | 'out-of-range' | 'empty' | 'bad-positions' {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return 'bad-positions';
  const s = mapped.map(unit, start, 'start');
  const e = mapped.map(unit, end, 'end');
  if (s === null || e === null) return 'out-of-range';
  if (e <= s) return 'empty';
  return { start: s, end: e };
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/** A selection name that reads like its text (ATLAS.ti writes the first words, cut with "…"). */
function snapshotOf(name: string): string | null {
  const cut = flat(name.replace(/(…|\.\.\.)$/, ''));
  return cut.length >= 4 ? cut : null;
}

const WORDY = /[\p{L}\p{N}]/u;

function atBoundary(text: string, start: number, end: number): number {
  const startOk = start === 0 || !WORDY.test(text[start - 1]!) || !WORDY.test(text[start]!);
  const endOk = end === text.length || !WORDY.test(text[end]!) || !WORDY.test(text[end - 1]!);
  return (startOk ? 1 : 0) + (endOk ? 1 : 0);
}

export const STANDARD_UNIT: PositionUnit = { unit: 'codepoint', crlf: 2, bom: false };

/** What the tool that wrote the file is known to do, for when the selections cannot tell. */
export function priorUnit(origin: string | null): PositionUnit {
  if (origin && /nvivo/i.test(origin)) return { unit: 'utf16', crlf: 2, bom: false };
  if (origin && /atlas/i.test(origin)) return { unit: 'codepoint', crlf: 1, bom: false };
  return STANDARD_UNIT;
}

function candidates(mapped: MappedText): PositionUnit[] {
  const out: PositionUnit[] = [];
  for (const unit of mapped.hasAstral ? (['codepoint', 'utf16'] as const) : (['codepoint'] as const)) {
    for (const crlf of mapped.hasCrlf ? ([2, 1] as const) : ([2] as const)) {
      for (const bom of mapped.hasBom ? [false, true] : [false]) out.push({ unit, crlf, bom });
    }
  }
  return out;
}

const same = (a: PositionUnit, b: PositionUnit, mapped: MappedText) =>
  (!mapped.hasAstral || a.unit === b.unit) && (!mapped.hasCrlf || a.crlf === b.crlf) && (!mapped.hasBom || a.bom === b.bom);

/**
 * Decides how one source's positions were counted: the unit under which the fewest selections fall
 * outside the text, then the most selection names match the text they cover, then the most
 * selections start and end at word edges; what the writing tool is known to do breaks a tie.
 */
export function chooseUnit(
  mapped: MappedText,
  selections: Array<{ start: number; end: number; name: string }>,
  origin: string | null,
): PositionUnit & { evidence: string } {
  const prior = priorUnit(origin);
  const options = candidates(mapped);
  if (options.length === 1 || selections.length === 0) {
    const chosen = options.find((o) => same(o, prior, mapped)) ?? options[0]!;
    const why = options.length === 1 ? 'the text has no emoji, \\r\\n or byte-order mark, so every unit counts alike' : `no selections; as ${origin ?? 'the standard'} counts`;
    return { ...chosen, bom: mapped.hasBom && chosen.bom, evidence: why };
  }
  const scored = options.map((unit) => {
    let unplaced = 0;
    let matches = 0;
    let named = 0;
    let boundaries = 0;
    for (const s of selections) {
      const at = place(mapped, unit, s.start, s.end);
      if (typeof at === 'string') {
        unplaced++;
        continue;
      }
      const snapshot = snapshotOf(s.name);
      if (snapshot) {
        named++;
        // A match without trimming weighs double: a span shifted onto a space still matches once trimmed.
        const covered = mapped.text.slice(at.start, at.end);
        if (covered.replace(/\s+/g, ' ').toLocaleLowerCase().startsWith(snapshot)) matches += 2;
        else if (flat(covered).startsWith(snapshot)) matches++;
      }
      boundaries += atBoundary(mapped.text, at.start, at.end);
    }
    return { unit, unplaced, matches, named, boundaries, prior: same(unit, prior, mapped) ? 1 : 0 };
  });
  scored.sort((a, b) => a.unplaced - b.unplaced || b.matches - a.matches || b.boundaries - a.boundaries || b.prior - a.prior);
  const best = scored[0]!;
  const runnerUp = scored[1]!;
  let evidence: string;
  if (best.unplaced < runnerUp.unplaced) evidence = `${runnerUp.unplaced - best.unplaced} more selections fit inside the text than under any other unit`;
  else if (best.matches > runnerUp.matches) evidence = `${Math.ceil(best.matches / 2)} of ${best.named} selection names match the text they cover`;
  else if (best.boundaries > runnerUp.boundaries) evidence = `selection edges fall on word edges ${best.boundaries} of ${selections.length * 2} times (${runnerUp.boundaries} under the next unit)`;
  else evidence = `the selections fit every unit equally; as ${origin ?? 'the standard'} counts`;
  return { ...best.unit, evidence };
}
