import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isDuidingError } from '../../src/shared/errors.ts';
import { documentText, getDocument } from '../../src/main/core/documents/store.ts';
import { listSegments } from '../../src/main/core/coding/store.ts';
import { patchDocument, patchSegments } from '../../src/renderer/features/transcript-edit/patch.ts';
import type { TranscriptEditResult } from '../../src/shared/transcripts.ts';
import { Session } from '../../src/main/core/session.ts';
import { allRows } from '../support/rows.ts';
import { tempDir } from '../support/temp.ts';
import { caller } from './analysis-fixture.ts';
import { countLabels } from '../../src/main/core/codebook/label-counts.ts';
import { supportCounts } from '../../src/main/core/concepts/support-counts.ts';
import { latestChange } from '../../src/main/core/concepts/store-sets.ts';
import { leftCountsUnchanged } from '../../src/main/core/coding/counts-version.ts';
import type { Db } from '../../src/main/core/db/database.ts';

/**
 * Random corrections of coded transcripts (issue 28). Each case imports a transcript (from a file
 * with `\r\n` line ends, emoji and accents), codes random stretches of it and makes a random series of
 * edits — words replaced, a speaker or time changed, a turn split or joined — through the handlers.
 * After each edit, checked against what the test works out itself from the texts before and after
 * (their common start and end, by code point): every segment outside the changed stretch keeps its
 * exact characters and flag; every segment inside it is flagged, or holds its coded words again;
 * no segment or coding is lost; the search index holds the turns' words; undo restores every table
 * exactly and redo the state after the edit. A refused edit changes nothing. The page's patch of
 * what it holds with the edit's reply equals what the core then answers. An edit the core marks as
 * leaving every count as it was (coding/counts-version.ts) does: the codebook's and the matrix's
 * counts, worked out afresh from the file, are those of before it.
 *
 * Fixed seed, 1,000 cases. To replay a failure: the seed and path fast-check prints.
 */
const SEED = 20261205;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

const WORDS = ['de', 'zorg', 'ideeën', 'café', 'Zoë', 'straße', '🙂', '👩‍🏫', 'team', 'overleg', 'naïef', 'ja.', 'nee,', 'ouders?'];
const SPEAKERS = ['Interviewer', 'Katrien', 'Jonas'];

const word = fc.constantFrom(...WORDS);
const turnArb = fc.record({ speaker: fc.constantFrom(...SPEAKERS), words: fc.array(word, { minLength: 1, maxLength: 7 }) });
const edit = fc.oneof(
  fc.record({ kind: fc.constant('words' as const), turn: fc.nat(), from: fc.nat(), length: fc.nat({ max: 4 }), insert: fc.array(fc.oneof(word, fc.constant('\r\n'), fc.constant(' ')), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('speaker' as const), turn: fc.nat(), speaker: fc.constantFrom(...SPEAKERS, 'Nieuwe spreker') }),
  fc.record({ kind: fc.constant('time' as const), turn: fc.nat(), ms: fc.nat({ max: 3_600_000 }) }),
  fc.record({ kind: fc.constant('split' as const), turn: fc.nat(), word: fc.nat() }),
  fc.record({ kind: fc.constant('join' as const), turn: fc.nat() }),
);
const caseArb = fc.record({
  turns: fc.array(turnArb, { minLength: 2, maxLength: 6 }),
  spans: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.nat({ max: 2 })), { maxLength: 6 }),
  edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** Every count a researcher sees of these labels, worked out afresh from the file (inside a transaction nothing is kept). */
function freshCounts(db: Db) {
  return db.transaction(() =>
    (['participants', 'all'] as const).map((scope) => ({
      labels: [...countLabels(db, scope, undefined, 'sql')].sort(),
      matrix: (['participant', 'document'] as const).map((by) => {
        const counts = supportCounts(db, 'labels', by, scope);
        return { ...counts, cells: [...counts.cells] };
      }),
    })),
  )();
}
let countsKept = 0;

/** The code-unit offsets that are code-point boundaries of a text: where a span may start or end. */
function boundaries(text: string): number[] {
  const out = [0];
  let at = 0;
  for (const ch of text) out.push((at += ch.length));
  return out;
}

const LETTER = /^[\p{L}\p{N}\p{M}]$/u;
const inWord = (chars: string[], at: number) => at >= 0 && at < chars.length && LETTER.test(chars[at]!);

/**
 * The stretch [from, to) of `before` that differs from `after`: their common start and end, by code
 * point, less any word they cut through (a word with a letter changed is a changed word).
 */
function changedStretch(before: string, after: string): { from: number; to: number } {
  const a = Array.from(before);
  const b = Array.from(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  while (head > 0 && inWord(a, head - 1) && (inWord(a, head) || inWord(b, head))) head--;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  while (tail > 0 && inWord(a, a.length - tail) && (inWord(a, a.length - tail - 1) || inWord(b, b.length - tail - 1))) tail--;
  const units = (chars: string[]) => chars.join('').length;
  return { from: units(a.slice(0, head)), to: before.length - units(a.slice(a.length - tail)) };
}

interface SegmentState {
  id: string;
  start: number;
  end: number;
  text: string;
  status: string | null;
  previous: string | null;
  codings: number;
}

let session: Session | null = null;
let template: string | null = null;
let used = 0;
let imported = 0;
function project() {
  // A fresh project every 25 cases keeps every snapshot of every table small; it is a copy of an
  // empty one, which spares migrating each.
  if (!session || used++ % 25 === 0) {
    session?.close();
    if (!template) {
      template = join(tempDir(), 'empty.duiding');
      const maker = new Session('hanne');
      maker.create(template, 'Property');
      maker.close();
    }
    const path = join(tempDir(), 'property.duiding');
    copyFileSync(template, path);
    session = new Session('hanne');
    session.open(path);
  }
  return session;
}
afterAll(() => session?.close());

async function runCase(c: Case): Promise<void> {
  const current = project();
  const db = current.project.db;
  const call = caller(current);
  const file = join(tempDir(), 'interview.txt');
  // A closing turn numbered per case: the same text twice would be skipped as already imported.
  const turns = [...c.turns.map((t) => `${t.speaker}: ${t.words.join(' ')}`), `Interviewer: vraag ${++imported}`];
  writeFileSync(file, turns.join('\r\n\r\n') + '\r\n');
  const report = await call('documents/import', { files: [{ path: file }] });
  expect(report.files[0]!.status).toBe('imported');
  const documentId = report.files[0]!.documentId!;

  const text = documentText(db, documentId)!;
  const cuts = boundaries(text);
  for (const [at, length, label] of c.spans) {
    const start = cuts[at % (cuts.length - 1)]!;
    const end = cuts[Math.min(cuts.length - 1, (at % (cuts.length - 1)) + 1 + length)]!;
    await call('codings/apply', { documentId, start, end, labelName: `Label ${label}` }).catch((error: unknown) => {
      if (!isDuidingError(error)) throw error;
    });
  }

  const segments = (): SegmentState[] =>
    db
      .prepare(
        `SELECT s.id, s.start, s.end, s.text, s.text_status AS status, s.previous_text AS previous,
                (SELECT COUNT(*) FROM codings c WHERE c.segment_id = s.id) AS codings
         FROM segments s WHERE s.document_id = ? ORDER BY s.id`,
      )
      .all(documentId) as SegmentState[];

  for (const e of c.edits) {
    const doc = getDocument(db, documentId)!;
    const turn = doc.turns[e.turn % doc.turns.length]!;
    const position = turn.position;
    const rowsBefore = allRows(current.project);
    const before = segments();
    const oldText = doc.text;
    const listBefore = listSegments(db, documentId);
    const countsBefore = freshCounts(db);
    let result: TranscriptEditResult;
    try {
      if (e.kind === 'words') {
        const chars = Array.from(turn.text);
        const from = e.from % (chars.length + 1);
        chars.splice(from, e.length, ...e.insert);
        result = await call('transcript/edit-turn', { documentId, position, text: chars.join('') });
      } else if (e.kind === 'speaker') {
        result = await call('transcript/edit-turn', { documentId, position, speaker: e.speaker });
      } else if (e.kind === 'time') {
        result = await call('transcript/edit-turn', { documentId, position, startMs: e.ms });
      } else if (e.kind === 'split') {
        const spaces = [...turn.text.matchAll(/ /g)].map((m) => m.index);
        result = await call('transcript/split-turn', { documentId, position, at: spaces.length ? spaces[e.word % spaces.length]! : 1 });
      } else {
        result = await call('transcript/join-turns', { documentId, position });
      }
    } catch (error) {
      if (!isDuidingError(error)) throw error;
      // A refusal writes nothing.
      expect(allRows(current.project)).toEqual(rowsBefore);
      continue;
    }
    const rowsAfter = allRows(current.project);
    if (leftCountsUnchanged(db, latestChange(db))) {
      countsKept++;
      expect(freshCounts(db)).toEqual(countsBefore);
    }
    const newText = documentText(db, documentId)!;
    const { from, to } = changedStretch(oldText, newText);
    const after = new Map(segments().map((s) => [s.id, s]));

    // No segment and no coding is lost.
    expect([...after.keys()].sort()).toEqual(before.map((s) => s.id).sort());
    for (const old of before) {
      const now = after.get(old.id)!;
      expect(now.codings).toBe(old.codings);
      // Every segment is on its words; a removed one is empty.
      expect(newText.slice(now.start, now.end)).toBe(now.text);
      if (now.status === 'removed') expect([now.start === now.end, now.text]).toEqual([true, '']);
      const touched = old.start < old.end && (from < to ? old.start < to && old.end > from : old.start < from && from < old.end);
      if (!touched) {
        // Outside the edit: the same characters, the same flag.
        expect({ text: now.text, status: now.status, previous: now.previous }).toEqual({ text: old.text, status: old.status, previous: old.previous });
      } else if (now.status === null) {
        // Touched and not flagged: only when it holds exactly the words it was coded on.
        expect(now.text).toBe(old.previous ?? old.text);
      } else {
        expect(['changed', 'removed']).toContain(now.status);
        expect(now.previous).toBe(old.previous ?? old.text);
      }
    }
    // The page, patching what it holds with the reply, sees what the core now answers.
    expect(patchDocument(doc, result)).toEqual(getDocument(db, documentId));
    expect(patchSegments(listBefore, result)).toEqual(listSegments(db, documentId));
    // The search index holds exactly the turns' words.
    db.prepare("INSERT INTO turns_fts (turns_fts) VALUES ('integrity-check')").run();
    for (const t of getDocument(db, documentId)!.turns) expect(newText.slice(t.start, t.end)).toBe(t.text);

    current.project.undo();
    expect(allRows(current.project)).toEqual(rowsBefore);
    current.project.redo();
    expect(allRows(current.project)).toEqual(rowsAfter);
  }
}

describe('correcting coded transcripts, property-based', () => {
  it(`keeps every segment outside each edit on its characters, flags those inside, and undoes exactly (${RUNS} cases, seed ${SEED})`, async () => {
    await fc.assert(fc.asyncProperty(caseArb, runCase), { numRuns: RUNS, seed: SEED });
    // The claim was put to the test often enough to mean something.
    expect(countsKept).toBeGreaterThan(RUNS / 4);
  }, 600_000);
});
