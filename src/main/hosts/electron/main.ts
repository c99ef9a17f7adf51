// The desktop shell: one window, IPC over a fixed allow-list, and the core in a utility process of
// its own (out/core.js), so that a long call never holds up this main thread (the window, its menus
// and dialogs). Thin on purpose: every user action is a core handler, shared with the CLI and the
// browser host.
import { app, BrowserWindow, dialog, ipcMain, protocol, session as electronSession, shell, utilityProcess } from 'electron';
import { mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../../../shared/api/validate.ts';
import { isDuidingError } from '../../../shared/errors.ts';
import { connectCore, type RemoteCore } from '../core-client.ts';
import type { CoreMessage } from '../core-endpoint.ts';
import { errorReply, type CallReply } from '../reply.ts';
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, resolveAppRequest } from './app-protocol.ts';
import { externalLinkAction, linkQuestion, migrationsDir, nativeBindingPath, spellcheckOn, windowOptions } from './config.ts';
import type { CoreProcessData } from './core-protocol.ts';
import { assertAllowedCall, CALL_CHANNEL, EVENT_CHANNEL, isTrustedSender, PROGRESS_CHANNEL, taskIdOf } from './ipc.ts';

// This file runs as out/main.js (scripts/build-electron.js bundles it, ESM); out/preload.cjs and
// out/core.js are built beside it, so they are found relative to this module's own URL.
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const CORE = fileURLToPath(new URL('./core.js', import.meta.url));

const appRoot = app.getAppPath();
// The start screen offers the projects in Documents/Duiding; the native dialogs reach any other.
const projectsDir = join(app.getPath('documents'), 'Duiding');
mkdirSync(projectsDir, { recursive: true });

/** Starts the core's utility process; resolves once it is ready for calls. */
function startCore(): Promise<RemoteCore> {
  const data: CoreProcessData = {
    coder: process.env.DUIDING_CODER ?? userInfo().username,
    projectsDir,
    nativeBinding: nativeBindingPath(process.versions, appRoot),
    migrationsDir: migrationsDir({ isPackaged: app.isPackaged, appRoot, resourcesPath: process.resourcesPath }),
  };
  const child = utilityProcess.fork(CORE, [JSON.stringify(data)], { serviceName: 'Duiding core', stdio: 'inherit' });
  return connectCore({
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: CoreMessage) => listener(message)),
    onExit: (listener) => child.once('exit', (code: number) => listener(`The core of Duiding stopped (exit code ${code}).`)),
    end: () => {
      child.kill();
    },
  });
}

/** A reply of the core (JSON text) as the page receives it over IPC. */
const parsed = ({ text }: { text: string }) => JSON.parse(text) as CallReply;

/** `project/choose`: the one handler the desktop host answers itself, with native dialogs; the core then opens what was chosen. */
async function choose(core: RemoteCore, window: BrowserWindow, args: unknown): Promise<CallReply> {
  const { mode, title } = parseArgs('project/choose', args);
  const filters = [{ name: 'Duiding', extensions: ['duiding'] }];
  let reply: CallReply;
  if (mode === 'open') {
    const picked = await dialog.showOpenDialog(window, { defaultPath: projectsDir, filters, properties: ['openFile'] });
    if (picked.canceled || !picked.filePaths[0]) return { ok: true, result: null, change: null };
    // Trusted: a path the user chose in the dialog, not one the page named.
    reply = parsed(await core.call('project/open', { value: { path: picked.filePaths[0] } }, { trusted: true }));
  } else {
    const picked = await dialog.showSaveDialog(window, { defaultPath: join(projectsDir, `${title ?? 'project'}.duiding`), filters });
    if (picked.canceled || !picked.filePath) return { ok: true, result: null, change: null };
    const path = picked.filePath.endsWith('.duiding') ? picked.filePath : `${picked.filePath}.duiding`;
    reply = parsed(await core.call('project/create', { value: { path, ...(title ? { title } : {}) } }, { trusted: true }));
  }
  return reply.ok ? parsed(await core.call('project/current', { value: {} })) : reply;
}

/** A link from the page: opened in the system browser only after the researcher says so. */
async function openLink(window: BrowserWindow, url: string): Promise<void> {
  if (externalLinkAction(url) !== 'confirm') return;
  const { buttons, message } = linkQuestion(app.getLocale());
  const { response } = await dialog.showMessageBox(window, { type: 'question', buttons, defaultId: 1, cancelId: 1, message, detail: url });
  if (response === 0) await shell.openExternal(url);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions(PRELOAD));
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Never a new app window; a link goes to the system browser after a question.
    void openLink(window, url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_URL);
  return window;
}

const RENDERER = join(appRoot, 'dist', 'renderer');

// Before the app is ready: the page's scheme is a standard, secure one (not file://).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
void app.whenReady().then(async () => {
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // The page with its CSP as a response header, which Electron applies to a protocol's pages.
  protocol.handle(APP_SCHEME, (request) => {
    const answer = resolveAppRequest(request.url, RENDERER);
    return answer.status === 200 ? new Response(readFileSync(answer.path), { headers: answer.headers }) : new Response('Not found', { status: 404, headers: answer.headers });
  });
  // Dictionaries would be downloaded from Google on Windows and Linux: there spellchecking stays off.
  if (!spellcheckOn(process.platform)) electronSession.defaultSession.setSpellCheckerEnabled(false);
  const core = await startCore();
  const window = createWindow();
  core.onChange((event) => window.webContents.send(EVENT_CHANNEL, event));
  core.onProgress((progress) => window.webContents.send(PROGRESS_CHANNEL, progress));
  core.onCrash((report, closed) => {
    dialog.showErrorBox('Duiding', `${report.split('\n')[0]}\n\n${closed ? `${closed} was closed and can be opened again.` : ''}`);
    app.quit();
  });
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, args: unknown, task: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender({ url: frame?.url, isMainFrame: frame !== null && frame === window.webContents.mainFrame }, APP_ORIGIN)) {
      throw new Error('Refused IPC call: not from the app\'s own page.');
    }
    const handler = assertAllowedCall(name);
    if (handler === 'project/choose') {
      try {
        return await choose(core, window, args);
      } catch (error) {
        if (!isDuidingError(error)) throw error;
        return errorReply(error);
      }
    }
    const id = taskIdOf(task);
    return parsed(await core.call(handler, { value: args ?? {} }, id ? { task: id } : {}));
  });
  app.on('window-all-closed', () => {
    // The core closes the project (its lock, its -wal) before the app goes.
    void core.close().finally(() => app.quit());
  });
});
