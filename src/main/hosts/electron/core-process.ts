// The desktop app's core, in an Electron utility process (out/core.js, started by main.ts with
// utilityProcess.fork): the session, the project and every handler live here, so that a long call
// never holds up Electron's main thread, which keeps the window, its menus and dialogs responsive.
// No `electron` import: a utility process has none of the main process's modules, only
// `process.parentPort`, the channel to main.
import { loadMigrations } from '../../core/db/migrations.ts';
import { Session } from '../../core/session.ts';
import { runCore, type CoreMessage, type CoreRequest } from '../core-endpoint.ts';
import { pageGuard } from '../guard.ts';
import { parentPortOf, type CoreProcessData } from './core-protocol.ts';

const parentPort = parentPortOf(process);
const data = JSON.parse(process.argv[2] ?? '{}') as CoreProcessData;
runCore({
  session: new Session(data.coder, { nativeBinding: data.nativeBinding, migrations: loadMigrations(data.migrationsDir) }, data.projectsDir),
  file: null,
  guard: pageGuard({ dir: data.projectsDir }),
  post: (message: CoreMessage) => parentPort.postMessage(message),
  listen: (handler) => parentPort.on('message', (event) => handler(event.data as CoreRequest)),
  exit: (code) => process.exit(code),
});
