/**
 * Everything security-relevant about the desktop window, kept free of `electron` imports so that
 * unit tests can check it on a machine where Electron cannot run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export { CONTENT_SECURITY_POLICY } from '../csp.ts';

/**
 * Spellchecking only where Electron uses the operating system's own spellchecker (macOS): on Windows
 * and Linux it downloads Hunspell dictionaries from Google's servers, and nothing may leave the laptop.
 */
export function spellcheckOn(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

/**
 * Links in the page open in the system browser only after the researcher confirms (the page shows
 * transcripts and memos, whose links anyone may have written); other schemes never open.
 */
export function externalLinkAction(url: string): 'confirm' | 'deny' {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol) ? 'confirm' : 'deny';
  } catch {
    return 'deny';
  }
}

/** The question before a link opens, in the system's language (Dutch or English, as the page). */
export function linkQuestion(locale: string): { buttons: [string, string]; message: string } {
  return locale.toLowerCase().startsWith('nl')
    ? { buttons: ['Openen', 'Annuleren'], message: 'Deze link openen in de browser?' }
    : { buttons: ['Open', 'Cancel'], message: 'Open this link in the browser?' };
}

/** BrowserWindow options: an isolated, sandboxed page that only reaches the core through the preload. */
export function windowOptions(preloadPath: string, platform: NodeJS.Platform = process.platform) {
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
      spellcheck: spellcheckOn(platform),
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
