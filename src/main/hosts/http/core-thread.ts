// The core of `duiding serve`, in its worker thread: the session, the project and every handler
// live here, so that a long call (an import, an export, an auto-code) never holds up the server's
// thread, which keeps answering its pages, sockets and the token exchange.
import { parentPort, workerData } from 'node:worker_threads';
import { Session } from '../../core/session.ts';
import { runCore, type CoreRequest } from '../core-endpoint.ts';
import { pageGuard } from '../guard.ts';
import type { CoreThreadData } from './core-worker.ts';

const port = parentPort!;
const data = workerData as CoreThreadData;
runCore({
  session: new Session(data.coder, {}, data.projectsDir),
  file: data.file,
  guard: pageGuard({ dir: data.projectsDir }),
  post: (message) => port.postMessage(message),
  listen: (handler) => port.on('message', (request: CoreRequest) => handler(request)),
  exit: (code) => process.exit(code),
});
