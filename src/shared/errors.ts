/**
 * Errors a user can act on. `kind` decides how a transport reports them:
 * - `input`: the file or project given is at fault (CLI exit 1);
 * - `usage`: a wrong combination of arguments (CLI exit 2);
 * - `locked`: another process holds the project's write lock (CLI exit 1);
 * - `cancelled`: the caller cancelled a long call (Ctrl+C, the Cancel button); nothing of it was written (CLI exit 130).
 * Anything that is not a DuidingError is a bug and is reported as such.
 */
export type ErrorKind = 'input' | 'usage' | 'locked' | 'cancelled';

/**
 * A stable code with the values of the message, so that a front end can say it in the user's
 * language (the message itself is English, for the CLI and logs).
 */
export interface ErrorCode {
  code: string;
  params: Record<string, string | number>;
}

export class DuidingError extends Error {
  readonly kind: ErrorKind;
  readonly detail: ErrorCode | null;
  constructor(message: string, kind: ErrorKind = 'input', detail: ErrorCode | null = null) {
    super(message);
    this.name = 'DuidingError';
    this.kind = kind;
    this.detail = detail;
  }
}

export function isDuidingError(value: unknown): value is DuidingError {
  return value instanceof DuidingError;
}
