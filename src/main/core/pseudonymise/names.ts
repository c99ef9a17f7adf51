import type { NameSuggestion, NamesFound } from '../../../shared/pseudonymise.ts';
import type { Db } from '../db/database.ts';
import { documentTurns } from '../documents/store.ts';
import { loadWordLists, type WordLists } from './dictionary.ts';
import { appliedPseudonyms, dismissedNames, documentNames, nameKey } from './store.ts';

/**
 * The name finder: person, school and place names in the transcripts that no pseudonym list has
 * replaced yet, as whole phrases ("Geert Van Damme", "Sint-Victorcollege", "Stedelijk Instituut Ter
 * Leie"). A phrase is a run of capitalised words, joined by spaces, hyphens or name particles (van,
 * de, ter…). Mid-sentence, Dutch capitalises only names, so a run of two or more capitalised words is
 * a name, and a single one is when it is no ordinary Dutch or English word or is a known name. At a
 * sentence start any word is capitalised: there a word counts only when it is a known name or is
 * written capitalised mid-sentence elsewhere. Left out: role names, abbreviations in capitals (CLB,
 * ASO), the pseudonyms already applied and the names the researcher dismissed.
 */
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'te', "'t", 'von', 'la', 'le', 'du', 'di', 'da', 'del', 'el', 'al', 'bin', 'ben', 'op']);

/** Words that name a role in a transcript, not a person. */
const ROLES = new Set([
  'interviewer', 'interviewster', 'interviewee', 'respondent', 'respondente', 'moderator', 'spreker', 'deelnemer', 'deelneemster', 'onderzoeker',
  'onderzoekster', 'participant', 'speaker', 'researcher', 'facilitator', 'leerling', 'leerkracht', 'directeur', 'directrice', 'coördinator',
]);

/** A word as a run of letters with inner hyphens or apostrophes; digits make it no name. */
const WORD = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu;

interface Token {
  word: string;
  start: number;
  end: number;
  /** Whether a sentence starts at it (the turn's start, or after . ! ? : …). */
  sentenceStart: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  let sentenceStart = true;
  for (const match of text.matchAll(WORD)) {
    const between = text.slice(last, match.index);
    if (/[.!?:…;\n]|^\s*[-–—]/.test(between) || out.length === 0) sentenceStart = true;
    // A word glued to a digit ("3de", "A1") is no name.
    const glued = /\d$/.test(between) || /^\d/.test(text.slice(match.index + match[0].length));
    out.push({ word: glued ? '' : match[0], start: match.index, end: match.index + match[0].length, sentenceStart });
    sentenceStart = false;
    last = match.index + match[0].length;
  }
  return out;
}

const isCapitalised = (word: string) => {
  const first = word[0];
  return first !== undefined && first !== first.toLocaleLowerCase('nl') && word !== word.toLocaleUpperCase('nl');
};


const isAbbreviation = (part: string) => part.length === 1 || (part.length >= 2 && part === part.toLocaleUpperCase('nl'));

/**
 * A hyphenated word built from an abbreviation or a letter and ordinary words ("CLB-medewerker",
 * "M-decreet", "MDO's") is a term, not a name; "Sint-Victorcollege" keeps a part no dictionary has.
 */
function isCommonCompound(word: string, lists: WordLists): boolean {
  const parts = word.replace(/['’]s$/u, '').split(/[-'’]/);
  const rest = parts.filter((part) => !isAbbreviation(part));
  if (rest.length === parts.length) return false;
  return rest.every((part) => lists.isWord(part));
}

interface Candidate {
  phrase: string;
  /** The words of the phrase that carry a capital (not its particles). */
  heads: string[];
  sentenceStart: boolean;
}

/** The runs of capitalised words (with particles and hyphens between them) in one text. */
function candidates(text: string): Candidate[] {
  const list = tokens(text);
  const out: Candidate[] = [];
  let i = 0;
  while (i < list.length) {
    const first = list[i]!;
    if (!isCapitalised(first.word)) {
      i++;
      continue;
    }
    let j = i;
    let end = i;
    // Extend over single spaces: capitalised words, and particles followed by a capitalised word.
    while (j + 1 < list.length) {
      const next = list[j + 1]!;
      const gap = text.slice(list[j]!.end, next.start);
      if (gap !== ' ') break;
      if (isCapitalised(next.word)) {
        j++;
        end = j;
        continue;
      }
      if (PARTICLES.has(next.word.toLocaleLowerCase('nl'))) {
        j++;
        continue;
      }
      break;
    }
    const words = list.slice(i, end + 1);
    out.push({
      phrase: text.slice(first.start, list[end]!.end),
      heads: words.filter((w) => isCapitalised(w.word) && !PARTICLES.has(w.word.toLocaleLowerCase('nl'))).map((w) => w.word),
      sentenceStart: first.sentenceStart,
    });
    i = end + 1;
  }
  return out;
}

/** Whether a candidate is a name; `midSentence` holds the words seen capitalised mid-sentence anywhere. */
function judge(candidate: Candidate, lists: WordLists, midSentence: ReadonlySet<string>): string | null {
  let { phrase, heads } = candidate;
  if (heads.length === 0) return null;
  const single = (word: string, atStart: boolean) => {
    if (ROLES.has(word.toLocaleLowerCase('nl')) || isCommonCompound(word, lists)) return false;
    const known = lists.isKnownName(word);
    const ordinary = lists.isWord(word);
    // At a sentence start "Anders", "Door" or "Elke" are words first; a name only when written so elsewhere too.
    if (atStart) return (known && !ordinary) || (midSentence.has(word) && (known || !ordinary));
    return known || !ordinary;
  };
  if (candidate.sentenceStart && heads.length > 1 && !single(heads[0]!, true) && !PARTICLES.has(phrase.split(' ')[0]!.toLocaleLowerCase('nl'))) {
    // "Gisteren Katrien …": the sentence's first word is an ordinary word; the rest may be a name.
    phrase = phrase.slice(phrase.indexOf(' ') + 1);
    heads = heads.slice(1);
    while (PARTICLES.has(phrase.split(' ')[0]!.toLocaleLowerCase('nl')) && phrase.includes(' ') && heads.length > 0 && !isCapitalised(phrase.split(' ')[0]!)) phrase = phrase.slice(phrase.indexOf(' ') + 1);
    return heads.length === 0 ? null : judge({ phrase, heads, sentenceStart: false }, lists, midSentence);
  }
  if (heads.every((w) => ROLES.has(w.toLocaleLowerCase('nl')))) return null;
  if (heads.length > 1 || phrase.includes(' ')) return phrase;
  return single(heads[0]!, candidate.sentenceStart) ? phrase : null;
}

interface Source {
  document: string;
  texts: Iterable<string>;
  speakers: Iterable<string>;
}

/** The finder over any texts (the test and the benchmark feed it directly). */
export function findNames(sources: Iterable<Source>, exclude: (name: string) => boolean, lists: WordLists = loadWordLists()): NameSuggestion[] {
  const found: Array<{ document: string; candidate: Candidate }> = [];
  const midSentence = new Set<string>();
  for (const source of sources) {
    for (const text of source.texts) {
      for (const candidate of candidates(text)) {
        found.push({ document: source.document, candidate });
        const heads = candidate.sentenceStart ? candidate.heads.slice(1) : candidate.heads;
        for (const head of heads) midSentence.add(head);
      }
    }
    for (const speaker of source.speakers) {
      // A speaker label is a name on its own, unless it names a role ("Interviewer", "Spreker 2").
      const words = speaker.match(WORD) ?? [];
      if (words.length === 0 || words.some((w) => ROLES.has(w.toLocaleLowerCase('nl'))) || /\d/.test(speaker)) continue;
      found.push({ document: source.document, candidate: { phrase: speaker.trim(), heads: words.filter(isCapitalised), sentenceStart: false } });
    }
  }
  const byKey = new Map<string, { spellings: Map<string, number>; count: number; documents: Set<string> }>();
  for (const { document, candidate } of found) {
    const name = judge(candidate, lists, midSentence);
    if (name === null || exclude(name)) continue;
    const key = nameKey(name);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { spellings: new Map(), count: 0, documents: new Set() }));
    entry.count++;
    entry.documents.add(document);
    entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
  }
  return [...byKey.values()]
    .map((e) => ({ name: [...e.spellings].sort((a, b) => b[1] - a[1])[0]![0], count: e.count, documents: [...e.documents].sort() }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'));
}

/** The finder over a project: every transcript's turns and speakers, less what is pseudonymised or dismissed. */
export function findProjectNames(db: Db): NamesFound {
  const sources = documentNames(db).map((doc) => {
    const turns = documentTurns(db, doc.id);
    return { document: doc.name, texts: turns.map((t) => t.text), speakers: turns.flatMap((t) => (t.speaker ? [t.speaker] : [])) };
  });
  const pseudonyms = new Set(appliedPseudonyms(db).map(nameKey));
  const dismissed = dismissedNames(db);
  return { names: findNames(sources, (name) => pseudonyms.has(nameKey(name)) || dismissed(name)) };
}
