import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuidingError, isDuidingError } from '../../shared/errors.ts';
import type { ProjectEntry } from '../../shared/model.ts';
import { PROJECT_EXTENSION, type OpenOptions } from './db/database.ts';
import { countRows } from './documents/store.ts';
import { Project } from './project.ts';
import { attachBackups } from './backups/scheduler.ts';

/**
 * What a host holds: who is working and which project is open. Each transport (CLI, HTTP,
 * Electron) has one session and calls handlers against it.
 */
export class Session {
  private current: Project | null = null;

  constructor(
    private coderName: string,
    private readonly openOptions: OpenOptions = {},
    /** The folder whose projects this session offers (`duiding serve --dir`). */
    readonly projectsDir: string | null = null,
  ) {}

  /** The projects in `projectsDir`, newest first; each read read-only for its title. */
  listProjects(): ProjectEntry[] {
    if (!this.projectsDir) return [];
    const dir = this.projectsDir;
    if (!existsSync(dir)) throw new DuidingError(`The folder ${dir} no longer exists.`);
    return readdirSync(dir)
      .filter((f) => f.toLowerCase().endsWith(PROJECT_EXTENSION) && !f.startsWith('.'))
      .map((fileName) => {
        const path = join(dir, fileName);
        const modifiedAt = statSync(path).mtime.toISOString();
        if (this.current?.path === path) {
          return { fileName, title: this.current.meta().title, modifiedAt, documents: countRows(this.current.db, 'documents'), problem: null };
        }
        try {
          const project = Project.open(path, { ...this.openOptions, coder: this.coderName, readOnly: true });
          try {
            return { fileName, title: project.meta().title, modifiedAt, documents: countRows(project.db, 'documents'), problem: null };
          } finally {
            project.close();
          }
        } catch (error) {
          if (!isDuidingError(error)) throw error;
          return { fileName, title: fileName, modifiedAt, documents: 0, problem: error.message };
        }
      })
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
  }

  /** Who is working: recorded on every coding and change-log entry from now on. */
  get coder(): string {
    return this.coderName;
  }

  setCoder(name: string): void {
    this.coderName = name;
    this.current?.setCoder(name);
  }

  get project(): Project {
    if (!this.current) throw new DuidingError('No project is open.', 'usage');
    return this.current;
  }

  get hasProject(): boolean {
    return this.current !== null;
  }

  create(path: string, title?: string): Project {
    this.close();
    this.current = Project.create(path, { ...this.openOptions, coder: this.coderName, ...(title ? { title } : {}) });
    attachBackups(this.current);
    return this.current;
  }

  open(path: string, readOnly = false): Project {
    this.close();
    this.current = Project.open(path, { ...this.openOptions, coder: this.coderName, readOnly });
    attachBackups(this.current);
    return this.current;
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
