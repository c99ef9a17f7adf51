import { DuidingError } from '../../shared/errors.ts';
import type { OpenOptions } from './db/database.ts';
import { Project } from './project.ts';

/**
 * What a host holds: who is working and which project is open. Each transport (CLI, HTTP,
 * Electron) has one session and calls handlers against it.
 */
export class Session {
  private current: Project | null = null;

  constructor(
    readonly coder: string,
    private readonly openOptions: OpenOptions = {},
  ) {}

  get project(): Project {
    if (!this.current) throw new DuidingError('No project is open.', 'usage');
    return this.current;
  }

  get hasProject(): boolean {
    return this.current !== null;
  }

  create(path: string, title?: string): Project {
    this.close();
    this.current = Project.create(path, { ...this.openOptions, coder: this.coder, ...(title ? { title } : {}) });
    return this.current;
  }

  open(path: string, readOnly = false): Project {
    this.close();
    this.current = Project.open(path, { ...this.openOptions, coder: this.coder, readOnly });
    return this.current;
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
