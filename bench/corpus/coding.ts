import type { DocumentDetail } from '../../src/shared/model.ts';
import { newId, now } from '../../src/main/core/clock.ts';
import type { Project } from '../../src/main/core/project.ts';
import { insertLabel } from '../../src/main/core/codebook/store.ts';
import { insertCoding, insertSegment } from '../../src/main/core/coding/store.ts';
import { importedCoder } from '../../src/main/core/coders/service.ts';
import { LABEL_PALETTE } from '../../src/shared/palette.ts';
import type { GeneratedLabel } from './codebook.ts';
import { zipfSampler, type Rng } from './prng.ts';

export interface Span {
  start: number;
  end: number;
}

/** Word spans (UTF-16 offsets into the canonical text) of a document's answers, turn by turn. */
export function answerWords(document: DocumentDetail): Span[][] {
  return document.turns
    .filter((t) => t.speaker !== 'Interviewer')
    .map((t) => [...t.text.matchAll(/\S+/g)].map((m) => ({ start: t.start + m.index, end: t.start + m.index + m[0].length })))
    .filter((words) => words.length > 0);
}

/**
 * Writes a codebook tree in one write (one undo step, as a CSV import of a codebook would be) and
 * returns the label ids in the order of `labels`.
 */
export function writeCodebook(project: Project, labels: GeneratedLabel[]): string[] {
  return project.write('labels/importCsv', () => {
    const ids: string[] = [];
    const at = now();
    labels.forEach((label, i) => {
      const id = newId();
      insertLabel(project.db, {
        id,
        name: label.name,
        parentId: label.parent === null ? null : ids[label.parent]!,
        colour: LABEL_PALETTE[i % LABEL_PALETTE.length]!,
        definition: label.definition,
        inclusion: '',
        exclusion: '',
        example: '',
        origin: label.origin,
        round: 1,
        createdBy: project.coder,
        createdAt: at,
      });
      ids.push(id);
    });
    return { result: ids, summary: `Imported a codebook of ${labels.length} labels (benchmark)` };
  });
}

export interface CodingPlan {
  documents: DocumentDetail[];
  /** Stop at this many segments, or (when `codings` is set) at exactly that many codings. */
  segments: number;
  codings?: number;
  labelIds: string[];
  coders: string[];
  /** Share of segments laid over an earlier one (partly overlapping it). */
  overlap: number;
  /** Share of segments that carry a second label. */
  secondLabel: number;
  /** Share of segments that a second coder coded too. */
  secondCoder: number;
}

/**
 * Lays `segments` word-aligned segments over the documents' answers, with overlaps, multiple labels
 * and several coders, in one write. Labels are drawn Zipf-like: a few carry many segments.
 * Returns how many segments and codings it wrote.
 */
export function writeCodings(project: Project, rng: Rng, plan: CodingPlan): { segments: number; codings: number } {
  const drawLabel = zipfSampler(plan.labelIds, 0.8);
  const answers = plan.documents.map(answerWords);
  return project.write('codings/autocode', () => {
    const at = now();
    const keys = new Map(plan.coders.map((coder) => [coder, importedCoder(project.db, coder, at)]));
    const taken = new Set<string>();
    let codings = 0;
    let n = 0;
    let previous: { doc: number; turn: number; from: number; to: number } | null = null;
    const done = () => (plan.codings === undefined ? n >= plan.segments : codings >= plan.codings);
    for (let attempt = 0; !done() && attempt < plan.segments * 10; attempt++) {
      const doc = n % plan.documents.length;
      const turns = answers[doc]!;
      let turn: number;
      let from: number;
      if (previous && previous.doc === doc && rng.chance(plan.overlap)) {
        turn = previous.turn;
        from = previous.from + rng.int(Math.max(1, previous.to - previous.from));
      } else {
        turn = rng.int(turns.length);
        from = rng.int(turns[turn]!.length);
      }
      const words = turns[turn]!;
      const to = Math.min(words.length - 1, from + rng.between(2, 30));
      const span = { start: words[from]!.start, end: words[to]!.end };
      const key = `${doc}:${span.start}:${span.end}`;
      if (taken.has(key)) continue;
      taken.add(key);
      previous = { doc, turn, from, to };
      const document = plan.documents[doc]!;
      const segmentId = newId();
      insertSegment(project.db, { id: segmentId, documentId: document.id, start: span.start, end: span.end, text: document.text.slice(span.start, span.end), createdBy: plan.coders[n % plan.coders.length]!, createdAt: at });
      const coder = plan.coders[n % plan.coders.length]!;
      const first = drawLabel(rng);
      const codes: Array<[string, string]> = [[first, coder]];
      if (rng.chance(plan.secondLabel)) {
        const second = drawLabel(rng);
        if (second !== first) codes.push([second, coder]);
      }
      if (plan.coders.length > 1 && rng.chance(plan.secondCoder)) codes.push([first, plan.coders[(n + 1) % plan.coders.length]!]);
      if (plan.codings !== undefined) codes.length = Math.min(codes.length, plan.codings - codings);
      for (const [labelId, by] of codes) insertCoding(project.db, { id: newId(), segmentId, labelId, coder: keys.get(by)!, createdAt: at });
      codings += codes.length;
      n++;
    }
    return { result: { segments: n, codings }, summary: `Coded ${n} segments (benchmark corpus)` };
  });
}
