import type { Statement } from 'better-sqlite3';
import { isBookkeeping } from '../../src/main/core/history/tracked.ts';
import { columnsOf } from '../../src/main/core/history/triggers.ts';
import type { Project } from '../../src/main/core/project.ts';

const statements = new WeakMap<Project['db'], Array<[string, Statement]>>();

/** One statement per table, made once per connection: a property test takes thousands of snapshots. */
function readers(project: Project): Array<[string, Statement]> {
  let list = statements.get(project.db);
  if (!list) {
    const names = (project.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter(
      (name) => !isBookkeeping(name) && name !== 'change_log',
    );
    list = names.map((name) => {
      const columns = columnsOf(project.db, name).map((c) => `quote("${c.name}")`);
      return [name, project.db.prepare(`SELECT ${columns.join(` || '|' || `)} FROM "${name}"`).pluck()];
    });
    statements.set(project.db, list);
  }
  return list;
}

/**
 * Every row of every project table (not the history's bookkeeping), each value as SQLite quotes it
 * (so 1, 1.0 and '1' differ), sorted: what "exactly as before" compares.
 */
export function allRows(project: Project): Record<string, string[]> {
  return Object.fromEntries(readers(project).map(([name, statement]) => [name, (statement.all() as string[]).sort()]));
}
