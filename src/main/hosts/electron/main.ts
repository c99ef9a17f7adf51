// The desktop shell: one window, the core in this process, IPC over a fixed allow-list. Thin on
// purpose: every user action is a core handler, shared with the CLI and the browser host.
import { app, BrowserWindow, ipcMain, session as electronSession, shell } from 'electron';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDuidingError } from '../../../shared/errors.ts';
import { loadMigrations } from '../../core/db/migrations.ts';
import { dispatch } from '../../core/handlers.ts';
import { Session } from '../../core/session.ts';
import { CONTENT_SECURITY_POLICY, migrationsDir, nativeBindingPath, windowOptions } from './config.ts';
import { assertAllowedCall, CALL_CHANNEL, EVENT_CHANNEL } from './ipc.ts';

// This file runs as out/main.js (scripts/build-electron.js bundles it, ESM); out/preload.cjs is
// built beside it, so the preload is found relative to this module's own URL.
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

const appRoot = app.getAppPath();
const core = new Session(process.env.DUIDING_CODER ?? userInfo().username, {
  nativeBinding: nativeBindingPath(process.versions, appRoot),
  migrations: loadMigrations(migrationsDir({ isPackaged: app.isPackaged, appRoot, resourcesPath: process.resourcesPath })),
});

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions(PRELOAD));
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links open in the system browser, never in a new app window.
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadFile(join(appRoot, 'dist', 'renderer', 'index.html'));
  return window;
}

app.enableSandbox();
void app.whenReady().then(() => {
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  electronSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  const window = createWindow();
  let watched: Session['project'] | null = null;
  const forward = (event: unknown) => window.webContents.send(EVENT_CHANNEL, event);
  ipcMain.handle(CALL_CHANNEL, async (_event, name: unknown, args: unknown) => {
    try {
      return { ok: true, result: await dispatch(core, assertAllowedCall(name), args) };
    } catch (error) {
      if (!isDuidingError(error)) throw error;
      return { ok: false, error: { kind: error.kind, message: error.message, ...error.detail } };
    } finally {
      const project = core.hasProject ? core.project : null;
      if (project !== watched) {
        watched?.events.off('change', forward);
        project?.events.on('change', forward);
        watched = project;
      }
    }
  });
});

app.on('window-all-closed', () => {
  core.close();
  app.quit();
});
