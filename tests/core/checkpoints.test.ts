/**
 * The write-ahead log is copied into the project file while the researcher pauses (db/checkpoints.ts),
 * not inside the write that happens to pass SQLite's 1,000 pages: what a write costs is its own work.
 */
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CAP_PAGES, IDLE_MS } from '../../src/main/core/db/checkpoints.ts';
import { newSession } from '../support/temp.ts';

/** A write of about `pages` pages of the file (a blob of 4,000 bytes fills one of 4,096). */
const fill = (pages: number) =>
  `CREATE TABLE IF NOT EXISTS filler (b BLOB);
   WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${pages}) INSERT INTO filler SELECT randomblob(4000) FROM n;`;

describe('checkpoints while the researcher pauses', () => {
  it('a write of 1,500 pages leaves them in the log; once no write came for a while, they are in the file', async () => {
    const { project, path } = newSession();
    await sleep(IDLE_MS + 300);
    const size = statSync(path).size;
    project.write('test/fill', () => {
      project.db.exec(fill(1500));
      return { result: null, summary: 'Filled' };
    });
    // SQLite's own checkpoint would have copied them into the file in this write.
    expect(statSync(path).size).toBe(size);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(1500 * 4096);
    await sleep(IDLE_MS + 300);
    expect(statSync(path).size).toBeGreaterThan(size + 1500 * 4000);
  });

  it('work that never pauses is still checkpointed in its writes past the cap, so the log stays bounded', () => {
    const { project, path } = newSession();
    const size = statSync(path).size;
    for (let i = 0; i < 3; i++) {
      project.write('test/fill', () => {
        project.db.exec(fill(Math.ceil(CAP_PAGES / 2)));
        return { result: null, summary: 'Filled' };
      });
    }
    expect(statSync(path).size).toBeGreaterThan(size + CAP_PAGES * 4000);
  });
});
