import Database from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/protect.ts';
import type { Db } from '../db/database.ts';

export interface ExportRecord {
  at: string;
  coder: string;
  action: string;
  what: string;
  format: string;
  documents: Array<{ id: string; name: string }>;
  file: string | null;
}

const INSERT = 'INSERT INTO export_log (at, coder, action, what, format, documents, file) VALUES (@at, @coder, @action, @what, @format, @documents, @file)';

export function allDocuments(db: Db): Array<{ id: string; name: string }> {
  return db.prepare('SELECT id, name FROM documents ORDER BY name COLLATE NOCASE').all() as Array<{ id: string; name: string }>;
}

export function insertExport(db: Db, record: ExportRecord): void {
  db.prepare(INSERT).run({ ...record, documents: JSON.stringify(record.documents) });
}

/**
 * For a project open read-only (`duiding export` beside the app): one short write of its own through
 * a second connection; SQLite serialises it with the app's writes (busy_timeout).
 */
export function insertExportBeside(path: string, nativeBinding: string | undefined, record: ExportRecord): void {
  const db = new Database(path, { fileMustExist: true, nativeBinding });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(INSERT).run({ ...record, documents: JSON.stringify(record.documents) });
  } finally {
    db.close();
  }
}

export function listAudit(db: Db, limit: number): AuditEntry[] {
  const writes = db
    .prepare("SELECT id, at, coder, action, summary, COALESCE(tables, '[]') AS tables FROM change_log ORDER BY id DESC LIMIT ?")
    .all(limit) as Array<{ id: number; at: string; coder: string; action: string; summary: string; tables: string }>;
  const exports = db
    .prepare('SELECT id, at, coder, action, what, format, documents, file FROM export_log ORDER BY id DESC LIMIT ?')
    .all(limit) as Array<{ id: number; at: string; coder: string; action: string; what: string; format: string; documents: string; file: string | null }>;
  return [
    ...writes.map((w) => ({ kind: 'write' as const, id: w.id, at: w.at, coder: w.coder, action: w.action, summary: w.summary, tables: JSON.parse(w.tables) as string[], format: null, documents: [] })),
    ...exports.map((e) => ({
      kind: 'export' as const,
      id: e.id,
      at: e.at,
      coder: e.coder,
      action: e.action,
      summary: `Exported ${e.what} as .${e.format}${e.file ? ` to ${e.file}` : ' (download)'}`,
      tables: [],
      format: e.format,
      documents: (JSON.parse(e.documents) as Array<{ name: string }>).map((d) => d.name),
    })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)
    .slice(0, limit);
}
