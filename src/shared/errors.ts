/**
 * Errors a user can act on. `kind` decides how a transport reports them:
 * - `input`: the file or project given is at fault (CLI exit 1);
 * - `usage`: a wrong combination of arguments (CLI exit 2);
 * - `locked`: another process holds the project's write lock (CLI exit 1).
 * Anything that is not a DuidingError is a bug and is reported as such.
 */
export type ErrorKind = 'input' | 'usage' | 'locked';

export class DuidingError extends Error {
  readonly kind: ErrorKind;
  constructor(message: string, kind: ErrorKind = 'input') {
    super(message);
    this.name = 'DuidingError';
    this.kind = kind;
  }
}

export function isDuidingError(value: unknown): value is DuidingError {
  return value instanceof DuidingError;
}
