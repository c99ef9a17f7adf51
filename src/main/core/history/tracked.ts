import { TABLE_NAMES, type TableName } from '../../../shared/api/changes.ts';

/**
 * The one list of tables whose rows undo and redo replay: every project table but the change log
 * itself and the full-text index (which follows `turns` through its own triggers). The history
 * triggers are generated from it (triggers.ts); a test checks that every table of a migrated project
 * is either here or named as bookkeeping below.
 */
export const UNTRACKED: ReadonlySet<TableName> = new Set(['change_log', 'export_log', 'turns_fts']);

export const TRACKED_TABLES: readonly TableName[] = TABLE_NAMES.filter((table) => !UNTRACKED.has(table));

/** Tables that hold the history itself, and the FTS5 index's shadow tables: never in a snapshot, never replayed. */
export function isBookkeeping(table: string): boolean {
  return table === 'change_rows' || table === 'write_context' || table.startsWith('sqlite_') || table.startsWith('turns_fts');
}
