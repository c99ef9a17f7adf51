/**
 * Everything security-relevant about the desktop window, kept free of `electron` imports so that
 * unit tests can check it on a machine where Electron cannot run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export { CONTENT_SECURITY_POLICY } from '../csp.ts';

/** BrowserWindow options: an isolated, sandboxed page that only reaches the core through the preload. */
export function windowOptions(preloadPath: string) {
  return {
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Duiding',
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  } as const;
}

/**
 * The better-sqlite3 build to load. Under Electron the driver must be built for Electron's ABI; that
 * copy lives apart (`npm start` builds it into `native/electron/`) so the Node build that the tests
 * and the CLI use stays in node_modules. Under plain Node: undefined, i.e. better-sqlite3's own.
 */
export function nativeBindingPath(versions: NodeJS.ProcessVersions, appRoot: string): string | undefined {
  if (!versions.electron) return undefined;
  const path = join(appRoot, 'native', 'electron', `electron-${versions.electron}`, 'better_sqlite3.node');
  if (!existsSync(path)) {
    throw new Error(`The SQLite driver for Electron ${versions.electron} is missing (${path}). Run \`npm start\` to build it.`);
  }
  return path;
}

/**
 * Where the numbered migrations are read from. The core finds them beside its own source through
 * `import.meta.url`, but after bundling that points at out/main.js; so the shell says where they are:
 * the source folder in development, the `migrations` resource (electron-builder.yml) when packaged.
 */
export function migrationsDir(app: { isPackaged: boolean; appRoot: string; resourcesPath: string }): string {
  return app.isPackaged ? join(app.resourcesPath, 'migrations') : join(app.appRoot, 'src', 'main', 'core', 'db', 'migrations');
}
