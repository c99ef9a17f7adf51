// The desktop shell: one window, the core in this process, IPC over a fixed allow-list. Thin on
// purpose: every user action is a core handler, shared with the CLI and the browser host.
import { app, BrowserWindow, dialog, ipcMain, session as electronSession, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../../../shared/api/validate.ts';
import { isDuidingError } from '../../../shared/errors.ts';
import { loadMigrations } from '../../core/db/migrations.ts';
import { call, dispatch } from '../../core/handlers.ts';
import { Session } from '../../core/session.ts';
import { pageGuard } from '../guard.ts';
import { errorReply, type CallReply } from '../reply.ts';
import { CONTENT_SECURITY_POLICY, migrationsDir, nativeBindingPath, windowOptions } from './config.ts';
import { assertAllowedCall, CALL_CHANNEL, EVENT_CHANNEL } from './ipc.ts';

// This file runs as out/main.js (scripts/build-electron.js bundles it, ESM); out/preload.cjs is
// built beside it, so the preload is found relative to this module's own URL.
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

const appRoot = app.getAppPath();
// The start screen offers the projects in Documents/Duiding; the native dialogs reach any other.
const projectsDir = join(app.getPath('documents'), 'Duiding');
mkdirSync(projectsDir, { recursive: true });
const core = new Session(
  process.env.DUIDING_CODER ?? userInfo().username,
  {
    nativeBinding: nativeBindingPath(process.versions, appRoot),
    migrations: loadMigrations(migrationsDir({ isPackaged: app.isPackaged, appRoot, resourcesPath: process.resourcesPath })),
  },
  projectsDir,
);
const guard = pageGuard({ dir: projectsDir });

/** `project/choose`: the one handler the desktop host answers itself, with native dialogs. */
async function choose(window: BrowserWindow, args: unknown): Promise<unknown> {
  const { mode, title } = parseArgs('project/choose', args);
  const filters = [{ name: 'Duiding', extensions: ['duiding'] }];
  if (mode === 'open') {
    const picked = await dialog.showOpenDialog(window, { defaultPath: projectsDir, filters, properties: ['openFile'] });
    if (picked.canceled || !picked.filePaths[0]) return null;
    core.open(picked.filePaths[0]);
  } else {
    const picked = await dialog.showSaveDialog(window, { defaultPath: join(projectsDir, `${title ?? 'project'}.duiding`), filters });
    if (picked.canceled || !picked.filePath) return null;
    core.create(picked.filePath.endsWith('.duiding') ? picked.filePath : `${picked.filePath}.duiding`, title);
  }
  return dispatch(core, 'project/current', {});
}

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
      const handler = assertAllowedCall(name);
      if (handler === 'project/choose') return { ok: true, result: await choose(window, args), change: null } satisfies CallReply;
      const { result, change } = await call(core, handler, guard(handler, (args ?? {}) as Record<string, unknown>));
      return { ok: true, result, change } satisfies CallReply;
    } catch (error) {
      if (!isDuidingError(error)) throw error;
      return errorReply(error);
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
