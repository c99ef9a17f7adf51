/**
 * What main.ts and the core's utility process (core-process.ts) agree on. No `electron` import, so
 * that it type-checks and tests under plain Node.
 */

/** Handed to the utility process as its one argument (JSON). */
export interface CoreProcessData {
  coder: string;
  /** Documents/Duiding: the projects the start screen offers. */
  projectsDir: string;
  /** better-sqlite3 built for Electron (config.ts nativeBindingPath). */
  nativeBinding: string | undefined;
  /** Where the migrations are: the bundle's own location does not tell (config.ts migrationsDir). */
  migrationsDir: string;
}

/** Electron's `process.parentPort` in a utility process: messages arrive as `{ data }`. */
export interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function parentPortOf(process: NodeJS.Process): ParentPort {
  const port = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (!port) throw new Error('out/core.js is the core of the desktop app: Electron starts it with utilityProcess.fork.');
  return port;
}
