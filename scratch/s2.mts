import Database from 'better-sqlite3';
import { loadMigrations, migrate } from '../src/main/core/db/migrations.ts';
const db = new Database(':memory:');
migrate(db, loadMigrations());
console.log((db.prepare("SELECT sql FROM sqlite_schema WHERE name='documents'").pluck().get()));
console.log(db.prepare("SELECT name, sql FROM sqlite_schema WHERE type='trigger' AND tbl_name='documents'").all());
