import type { AgreementUnit } from '../../../shared/agreement.ts';
import type { SpeakerScope } from '../../../shared/model.ts';
import { sentenceSpans } from '../../../shared/text/sentences.ts';
import type { Db } from '../db/database.ts';
import { documentText } from '../documents/store.ts';
import { speechIndex, type DocumentRoles } from '../speakers/service.ts';

/**
 * The units agreement is counted in, per document: the speech that counts (the participants' turns
 * as "Who says what" decides them, or every turn under `all`) and, inside it, the turns or the
 * sentences. The character unit takes the speech as one continuum and its sentences as the places
 * where differences are reviewed.
 */
export interface DocumentUnits {
  /** The counted speech, in order: [start, end) pairs in the document's text. */
  speech: Int32Array;
  /** Units as [start, end) pairs, in order and not overlapping. */
  units: Int32Array;
  /** Characters of counted speech. */
  length: number;
}

/** The stretches of speech that count, from the roles index (the same turns and roles the label counts use). */
function speechOf(document: DocumentRoles | undefined, scope: SpeakerScope, textLength: () => number): Int32Array {
  const turns = document?.turns;
  if (!turns || turns.starts.length === 0) {
    // A document without turns is all its own participant's speech, as the counts take it.
    const length = textLength();
    return length > 0 ? Int32Array.from([0, length]) : new Int32Array(0);
  }
  const out: number[] = [];
  for (let i = 0; i < turns.starts.length; i++) {
    if (scope === 'participants' && turns.keys[i] === null) continue;
    if (turns.ends[i]! > turns.starts[i]!) out.push(turns.starts[i]!, turns.ends[i]!);
  }
  return Int32Array.from(out);
}

const kept = new WeakMap<Db, { serial: number; byKey: Map<string, DocumentUnits> }>();

/**
 * The units of these documents. Sentences cost a pass over the text: they are kept until the speech
 * index is rebuilt (a corrected transcript, a changed role), not redone after every consensus decision.
 */
export function documentUnits(db: Db, documentIds: readonly string[], unit: AgreementUnit, scope: SpeakerScope): Map<string, DocumentUnits> {
  const index = speechIndex(db);
  let cache = kept.get(db);
  if (!cache || cache.serial !== index.serial || db.inTransaction) {
    cache = { serial: index.serial, byKey: new Map() };
    if (!db.inTransaction) kept.set(db, cache);
  }
  const out = new Map<string, DocumentUnits>();
  // The character unit reviews its differences by sentence.
  const split = unit === 'turn' ? 'turn' : 'sentence';
  for (const id of documentIds) {
    const key = `${id}|${split}|${scope}`;
    let found = cache.byKey.get(key);
    if (!found) {
      let text: string | undefined;
      const textOf = () => (text ??= documentText(db, id) ?? '');
      const speech = speechOf(index.documents.get(id), scope, () => textOf().length);
      let length = 0;
      for (let i = 0; i < speech.length; i += 2) length += speech[i + 1]! - speech[i]!;
      let units = speech;
      if (split === 'sentence') {
        const list: number[] = [];
        for (let i = 0; i < speech.length; i += 2) {
          for (const s of sentenceSpans(textOf(), speech[i]!, speech[i + 1]!)) list.push(s.start, s.end);
        }
        units = Int32Array.from(list);
      }
      found = { speech, units, length };
      cache.byKey.set(key, found);
    }
    out.set(id, found);
  }
  return out;
}

/** The index of the first pair of `spans` ([start, end) pairs, in order) that ends after `position`. */
export function firstEndingAfter(spans: Int32Array, position: number): number {
  let low = 0;
  let high = spans.length / 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid * 2 + 1]! <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}
