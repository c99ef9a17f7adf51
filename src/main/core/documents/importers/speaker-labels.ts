import { parseTimecode, TIMECODE_SOURCE } from '../../../../shared/text/timecode.ts';
import { speakerKey } from './turn-builder.ts';

/**
 * Speaker labels at the start of a line, in the forms transcription tools and typists write:
 *   `Naam: …` (any case) · `I:` / `R:` · `Interviewer 1:` · `[Naam] …` · `[00:01:02] Naam: …`
 *   `Naam (00:01:02): …` · `Naam  00:04` on a line of its own (Otter) · `**Naam:** …` (Markdown).
 * A label is at most five words and 40 characters, starts with a letter and holds no colon,
 * bracket or slash. Whether a candidate really is a speaker is decided over the whole document by
 * `acceptLabels`: a sentence that happens to start with `Bijvoorbeeld:` must not become a speaker.
 */
export interface LabelCandidate {
  label: string;
  timeMs: number | null;
  /** The rest of the line after the label: the first words of the turn. */
  rest: string;
  /** Timed and explicitly marked labels are trusted on one occurrence; bare ones need two. */
  strong: boolean;
}

const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}'’.\-&]*`;
const LABEL = String.raw`\p{L}[\p{L}\p{N}'’.\-&]*(?: ${WORD}){0,4}`;
const TC = TIMECODE_SOURCE;

const TIMED_BEFORE = new RegExp(String.raw`^[\[(]?(${TC})[\])]?\s*[-–]?\s*(${LABEL})\s*:\s*(.*)$`, 'u');
const TIMED_AFTER = new RegExp(String.raw`^(${LABEL})\s*[\[(](${TC})[\])]\s*:?\s*(.*)$`, 'u');
const OTTER = new RegExp(String.raw`^(${LABEL})(\s+)(${TC})$`, 'u');
const BRACKET = new RegExp(String.raw`^\[(${LABEL})\]\s*:?\s*(.*)$`, 'u');
const COLON = new RegExp(String.raw`^(${LABEL})\s*:(?:(\s+)(.*)|$)`, 'u');
const MARKDOWN = new RegExp(String.raw`^(\*\*|__)(${LABEL})(?::\1|\1\s*:)\s*(.*)$`, 'u');
export const TIMECODE_LINE = new RegExp(String.raw`^[\[(]?(${TC})[\])]?$`);

/** Labels every transcript tool uses; trusted on first sight. */
const GENERIC = /^(i|r|int|resp|interviewer|interviewee|respondent|moderator|facilitator|spreker|speaker|deelnemer|participant|onderzoeker|researcher|vraag|antwoord|v|a|q)(?: ?\d{1,2})?$/iu;

/** Words that start a line with a colon but are not speakers. */
const NOT_SPEAKERS = new Set([
  'bijvoorbeeld', 'bv', 'vb', 'nb', 'noot', 'opmerking', 'let op', 'note', 'example', 'e.g', 'tip', 'ps',
  'datum', 'date', 'tijd', 'time', 'duur', 'duration', 'locatie', 'location', 'plaats', 'onderwerp',
  'subject', 'titel', 'title', 'http', 'https', 'mailto', 'conclusie', 'samenvatting', 'dus', 'zoals',
]);

/** First words of header lines such as `Interview 3: Katrien`, which are not speakers either. */
const NOT_SPEAKER_FIRST_WORDS = new Set([
  'interview', 'transcript', 'transcriptie', 'opname', 'recording', 'bestand', 'file', 'sessie', 'session',
  'deel', 'part', 'hoofdstuk', 'chapter', 'bijlage', 'appendix', 'thema', 'theme', 'topic',
]);

const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', 'von', 'da', 'di', 'du', 'la', 'le', 'el', 'al', 'bin', 'ben', 'op']);

function plausible(label: string): boolean {
  if (label.length > 40) return false;
  const key = label.toLocaleLowerCase('nl');
  if (NOT_SPEAKERS.has(key)) return false;
  const words = label.split(' ');
  if (words.length > 1 && NOT_SPEAKER_FIRST_WORDS.has(words[0]!.toLocaleLowerCase('nl'))) return false;
  // Three words or more: a name ("Marleen Van den Broeck"), not the start of a sentence.
  if (words.length >= 3) {
    return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || PARTICLES.has(w.toLocaleLowerCase('nl')));
  }
  return true;
}

export function labelCandidate(line: string): LabelCandidate | null {
  let m = TIMED_BEFORE.exec(line);
  if (m && plausible(m[2]!)) return { label: m[2]!, timeMs: parseTimecode(m[1]!), rest: m[3]!, strong: true };
  m = TIMED_AFTER.exec(line);
  if (m && plausible(m[1]!)) return { label: m[1]!, timeMs: parseTimecode(m[2]!), rest: m[3]!, strong: true };
  m = OTTER.exec(line);
  // Otter separates name and time with two spaces; one space may just be a sentence ending in a time.
  if (m && plausible(m[1]!)) return { label: m[1]!, timeMs: parseTimecode(m[3]!), rest: '', strong: m[2]!.length >= 2 };
  m = MARKDOWN.exec(line);
  if (m && plausible(m[2]!)) return { label: m[2]!, timeMs: null, rest: m[3]!, strong: true };
  m = BRACKET.exec(line);
  if (m && plausible(m[1]!) && parseTimecode(m[1]!) === null) return { label: m[1]!, timeMs: null, rest: m[2]!, strong: false };
  m = COLON.exec(line);
  // Labels aligned in a column (`John:      Hi, …`) are how transcription services set them out.
  if (m && plausible(m[1]!)) return { label: m[1]!, timeMs: null, rest: m[3] ?? '', strong: /^(?: {2,}|\t)/.test(m[2] ?? '') };
  return null;
}

/**
 * Decides which candidate labels are speakers: strong or generic ones and any seen twice. Once the
 * document is a labelled transcript (some label is accepted, or two different names each start a
 * line), a name-like label (capitalised) seen once is a speaker too: someone who speaks once.
 */
export function acceptLabels(candidates: Iterable<LabelCandidate>): Set<string> {
  const counts = new Map<string, number>();
  const spelling = new Map<string, string>();
  const accepted = new Set<string>();
  for (const candidate of candidates) {
    const key = speakerKey(candidate.label)!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!spelling.has(key)) spelling.set(key, candidate.label);
    if (candidate.strong || GENERIC.test(key)) accepted.add(key);
  }
  for (const [key, count] of counts) if (count >= 2) accepted.add(key);
  if (accepted.size > 0 || counts.size >= 2) {
    for (const [key, label] of spelling) if (/^\p{Lu}/u.test(label)) accepted.add(key);
  }
  return accepted;
}
