import Database from 'better-sqlite3';
import { loadMigrations, migrate } from '/work/wt/pdf30/src/main/core/db/migrations.ts';
const db = new Database(':memory:');
migrate(db, loadMigrations());
for (const r of db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name IN ('documents','turns') OR sql LIKE '%documents%'").all() as any[]) console.log(r.type, r.name, '\n', r.sql?.slice(0, 600));
