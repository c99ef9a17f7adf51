import { checkpoint, reportProgress } from '../tasks.ts';
import type { AutocodeHit, AutocodePreview, AutocodeQuery, AutocodeResult, AutocodeScope, DocumentDetail, SpeakerScope } from '../../../shared/model.ts';
import { findPhrase, type Range } from '../../../shared/text/highlight.ts';
import { sentenceOf, sentenceSpans } from '../../../shared/text/sentences.ts';
import { speechIn, speechIndex, type DocumentRoles } from '../speakers/service.ts';
import type { Project } from '../project.ts';
import { getLabel } from '../codebook/label-counts.ts';
import { compileUserRegex, type UserRegex } from './user-regex.ts';
import { getDocument, listDocuments } from '../documents/store.ts';
import { labelRow } from '../codebook/store.ts';
import { codeSpan, resolveLabel } from './service.ts';

/**
 * Auto-code: every passage a phrase, a regular expression (RE2, linear time) or a speaker finds,
 * coded with one label in one write (one undo step), previewed first.
 */

/**
 * The query's expression, compiled once: a run and its preview ask for it per document (1,001 at
 * size L). A compiled expression holds no state between calls (each `spans` makes its own matcher).
 */
let lastRegex: UserRegex | null = null;
function compileRegex(source: string): UserRegex {
  if (lastRegex?.source !== source) lastRegex = compileUserRegex(source);
  return lastRegex;
}

/**
 * The spans a query finds in one document: a phrase (whole words, case and accents ignored), a
 * regular expression, or every turn of a speaker.
 */
export function autocodeSpans(document: { text: string; turns: Array<{ speaker: string | null; start: number; end: number }> }, query: AutocodeQuery): Range[] {
  if ('speaker' in query) {
    const wanted = query.speaker.trim().toLocaleLowerCase('nl');
    return document.turns.filter((t) => t.speaker?.toLocaleLowerCase('nl') === wanted).map((t) => ({ start: t.start, end: t.end }));
  }
  if ('text' in query) return findPhrase(document.text, query.text);
  return compileRegex(query.regex).spans(document.text);
}

export interface AutocodeOptions {
  /** How far a hit grows: the match, its sentence (the default), or its turn. */
  scope?: AutocodeScope;
  /** Whose speech is coded: the participants' (the default) or everyone's. A speaker query codes the speaker named. */
  speakers?: SpeakerScope;
  /** Keys of preview hits the researcher unticked. */
  exclude?: readonly string[];
}

interface PlannedHit {
  key: string;
  span: Range;
  matches: number;
  speaker: string | null;
}

/** The turn holding a position (turns sorted by start); a position between turns belongs to none. */
function turnHolding(turns: DocumentDetail['turns'], position: number): DocumentDetail['turns'][number] | null {
  let low = 0;
  let high = turns.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const turn = turns[mid]!;
    if (turn.end <= position) low = mid + 1;
    else if (turn.start > position) high = mid - 1;
    else return turn;
  }
  return null;
}

/**
 * What a run codes in one document: the query's matches, kept where the chosen speakers speak,
 * grown to their sentence or turn (never past the turn), hits in one sentence or turn joined into
 * one segment. `match` with `all` is the plain list of matches, as auto-code always did.
 */
export function planAutocode(document: DocumentDetail, roles: DocumentRoles | undefined, query: AutocodeQuery, options: AutocodeOptions = {}): PlannedHit[] {
  const scope = options.scope ?? 'sentence';
  const who = options.speakers ?? 'participants';
  const turns = [...document.turns].sort((a, b) => a.start - b.start);
  const whole = { start: 0, end: document.text.length, speaker: null };
  const sentences = new Map<number, Range[]>();
  const planned: PlannedHit[] = [];
  for (const match of autocodeSpans(document, query)) {
    if (who === 'participants' && !('speaker' in query) && speechIn(roles, match.start, match.end).keys.length === 0) continue;
    const turn = turnHolding(turns, match.start) ?? (turns.length === 0 ? whole : null);
    let span: Range = match;
    if (turn && scope === 'turn') span = { start: Math.min(turn.start, match.start), end: Math.max(turn.end, match.end) };
    else if (turn && scope === 'sentence') {
      let list = sentences.get(turn.start);
      if (!list) sentences.set(turn.start, (list = sentenceSpans(document.text, turn.start, turn.end)));
      span = sentenceOf(list, match);
    }
    const last = planned[planned.length - 1];
    // Matches come in text order, so a hit in the same sentence or turn as the one before joins it.
    if (scope !== 'match' && last && span.start < last.span.end) {
      last.span = { start: Math.min(last.span.start, span.start), end: Math.max(last.span.end, span.end) };
      last.matches++;
      continue;
    }
    planned.push({ key: '', span, matches: 1, speaker: turn && 'speaker' in turn ? turn.speaker : null });
  }
  for (const hit of planned) hit.key = `${document.id}:${hit.span.start}:${hit.span.end}`;
  return planned;
}

/** What an auto-code run would code, before it runs: the segments with a little context, each with a key to leave it out by. */
export async function previewAutocode(project: Project, query: AutocodeQuery, limit = 500, options: AutocodeOptions = {}): Promise<AutocodePreview> {
  if ('regex' in query) compileRegex(query.regex);
  const roles = speechIndex(project.db);
  const hits: AutocodeHit[] = [];
  let total = 0;
  let documents = 0;
  const summaries = listDocuments(project.db);
  for (const [index, summary] of summaries.entries()) {
    await checkpoint();
    reportProgress(index, summaries.length, summary.name);
    const document = getDocument(project.db, summary.id)!;
    const planned = planAutocode(document, roles.documents.get(document.id), query, options);
    if (planned.length) documents++;
    total += planned.length;
    for (const { key, span, matches, speaker } of planned) {
      if (hits.length >= limit) break;
      hits.push({
        key,
        documentId: document.id,
        documentName: document.name,
        start: span.start,
        end: span.end,
        before: document.text.slice(Math.max(0, span.start - 60), span.start),
        match: document.text.slice(span.start, span.end),
        after: document.text.slice(span.end, span.end + 60),
        speaker,
        matches,
      });
    }
  }
  return { total, documents, hits };
}

/** Applies a label to every hit of a query in every document (less the hits left out), as one undoable step. */
export async function autocode(project: Project, args: { labelName?: string; labelId?: string; query: AutocodeQuery } & AutocodeOptions): Promise<AutocodeResult> {
  const described = 'speaker' in args.query ? `speaker ${args.query.speaker}` : 'text' in args.query ? `“${args.query.text}”` : `/${args.query.regex}/`;
  if ('regex' in args.query) compileRegex(args.query.regex);
  const exclude = new Set(args.exclude ?? []);
  // Read before the write: inside it the index would be built afresh and not kept.
  const roles = speechIndex(project.db);
  // Matched document by document, giving other callers their turn between documents; then coded in
  // one write (this runs as a long call: nothing else writes in between, see Project.run).
  const summaries = listDocuments(project.db);
  const plans: Array<{ documentId: string; text: string; spans: Range[] }> = [];
  for (const [index, summary] of summaries.entries()) {
    await checkpoint();
    reportProgress(index, summaries.length, summary.name);
    const document = getDocument(project.db, summary.id)!;
    const planned = planAutocode(document, roles.documents.get(document.id), args.query, args).filter((hit) => !exclude.has(hit.key));
    if (planned.length) plans.push({ documentId: document.id, text: document.text, spans: planned.map((hit) => hit.span) });
  }
  await checkpoint();
  reportProgress(summaries.length, summaries.length, '');
  const total = plans.reduce((sum, plan) => sum + plan.spans.length, 0);
  const done = await project.writeInChunks('codings/autocode', async () => {
    project.coderKey();
    const label = resolveLabel(project, { ...args, origin: 'emergent' });
    let hits = 0;
    let coded = 0;
    for (const plan of plans) {
      for (const span of plan.spans) {
        // Thousands of hits take seconds to code: other callers get their turn in between.
        if (hits % 200 === 0) {
          await checkpoint();
          reportProgress(hits, total, '');
        }
        hits++;
        if (codeSpan(project, plan.documentId, plan.text, span, label.id)) coded++;
      }
    }
    const name = labelRow(project.db, label.id)!.name;
    const how = args.scope && args.scope !== 'sentence' ? ` (${args.scope})` : '';
    return { result: { labelId: label.id, hits, coded, documents: plans.length }, summary: `Auto-coded ${coded} segments of ${described}${how} with "${name}"` };
  });
  // The label counted as the run chose whose speech to code, once the write is in (see applyLabel).
  return { label: getLabel(project.db, done.labelId, args.speakers ?? 'participants')!, hits: done.hits, coded: done.coded, documents: done.documents };
}
