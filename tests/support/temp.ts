import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Session } from '../../src/main/core/session.ts';
import type { Project } from '../../src/main/core/project.ts';

export const SHARED = join(import.meta.dirname, '../../../shared');
export const EXTERNAL = join(SHARED, 'external');
export const FIXTURES = join(import.meta.dirname, '../../fixtures');

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new project in a fresh folder, opened for writing in a session; closed after the test. */
export function newSession(coder = 'tester'): { session: Session; project: Project; dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, 'study.duiding');
  const session = new Session(coder);
  const project = session.create(path, 'Test study');
  cleanups.unshift(() => session.close());
  return { session, project, dir, path };
}

/** Every row of every table, for "the project is unchanged" assertions. */
export function snapshot(project: Project): Record<string, unknown[]> {
  const tables = project.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'turns_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, project.db.prepare(`SELECT * FROM "${name}"`).all()]));
}

/** Row counts per table and one hash of every row: "the project is unchanged", stated twice. */
export function fingerprint(project: Project): { counts: Record<string, number>; hash: string } {
  const rows = snapshot(project);
  return {
    counts: Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.length])),
    hash: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
  };
}
