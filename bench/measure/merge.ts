import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../src/main/core/handlers.ts';
import { Session } from '../../src/main/core/session.ts';
import type { MergeReport } from '../../src/shared/merge.ts';

export interface MergeFigures {
  /** Merging the other laptop's copy into the project (issue 25's budget: within 10 s for M into M). */
  seconds: number;
  /** Merging the same copy again: everything matches, nothing is written. */
  againSeconds: number;
  codingsAdded: number;
  segmentsAdded: number;
  memosAdded: number;
  codingsMatched: number;
}

/**
 * Two copies of the bench project: "the other laptop" codes every segment of the corpus a second
 * time (new segments, codings and memos under a coder of its own, as a second researcher coding
 * the same transcripts would), and that copy is merged into a copy of the project through the real
 * handler. The bench project itself stays unchanged for the later measurements.
 */
export async function measureMerge(file: string, dir: string, log: (line: string) => void): Promise<MergeFigures> {
  const ours = join(dir, 'merge-ours.duiding');
  const theirs = join(dir, 'merge-theirs.duiding');
  copyFileSync(file, ours);
  copyFileSync(file, theirs);
  const other = new Session('bert', { laptop: 'bench-other-laptop' });
  const project = other.open(theirs);
  project.write('bench/other-laptop', () => {
    const coder = project.coderKey();
    const db = project.db;
    db.prepare(`INSERT INTO segments (id, document_id, start, end, text, created_by, created_at) SELECT 'b-' || id, document_id, start, end, text, 'bert', created_at FROM segments`).run();
    db.prepare(`INSERT INTO codings (id, segment_id, label_id, coder, created_at) SELECT 'b-' || MIN(id), 'b-' || segment_id, label_id, ?, MIN(created_at) FROM codings WHERE segment_id NOT LIKE 'b-%' GROUP BY segment_id, label_id`).run(coder);
    db.prepare(
      `INSERT INTO memos (id, target_kind, target_id, title, body_rich, body_text, created_by, created_at, updated_by, updated_at)
       SELECT 'b-' || id, 'segment', 'b-' || id, '', '{"root":{"children":[],"type":"root","version":1}}', 'Bert', 'bert', created_at, 'bert', created_at
       FROM segments WHERE id NOT LIKE 'b-%' AND rowid % 10 = 0`,
    ).run();
    return { result: null, summary: 'The other laptop coded every segment again (bench)' };
  });
  other.close();
  const session = new Session('anna', { laptop: 'bench-this-laptop' });
  session.open(ours);
  try {
    log('merging the other laptop’s copy');
    let started = performance.now();
    const { result } = await call(session, 'merge/apply', { file: { path: theirs } });
    const seconds = (performance.now() - started) / 1000;
    const report = result as MergeReport;
    started = performance.now();
    await call(session, 'merge/apply', { file: { path: theirs } });
    const againSeconds = (performance.now() - started) / 1000;
    log(`merged in ${seconds.toFixed(1)} s (again: ${againSeconds.toFixed(1)} s)`);
    return {
      seconds: +seconds.toFixed(2),
      againSeconds: +againSeconds.toFixed(2),
      codingsAdded: report.codings.added,
      segmentsAdded: report.added.segments ?? 0,
      memosAdded: report.added.memos ?? 0,
      codingsMatched: report.codings.matched,
    };
  } finally {
    session.close();
  }
}
