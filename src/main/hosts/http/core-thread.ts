// The core of `duiding serve`, in its worker thread: the session, the project and every handler
// live here, so that a long call (an import, an export, an auto-code) never holds up the server's
// thread, which keeps answering its pages, sockets and the token exchange.
import { parentPort, workerData } from 'node:worker_threads';
import { isDuidingError } from '../../../shared/errors.ts';
import { Session } from '../../core/session.ts';
import { serveEndpoint, type CoreMessage, type CoreRequest } from '../core-endpoint.ts';
import { pageGuard } from '../guard.ts';
import type { CoreThreadData, CoreThreadStart } from './core-worker.ts';

const port = parentPort!;
const data = workerData as CoreThreadData;
const post = (message: CoreMessage | CoreThreadStart) => port.postMessage(message);

const session = new Session(data.coder, {}, data.projectsDir);
// A bug that escapes a call's own handling: close the project (lock, -wal) before this thread ends;
// the server's thread hears of it through the worker's exit and stops too.
const crash = (error: unknown) => {
  const path = session.hasProject ? session.project.path : null;
  try {
    session.close();
  } finally {
    post({ type: 'crashed', message: error instanceof Error ? (error.stack ?? error.message) : String(error), path });
    process.exit(70);
  }
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

try {
  if (data.file) session.open(data.file);
  post({ type: 'started', notices: session.hasProject ? session.project.notices : [] });
  port.on('message', serveEndpoint(session, pageGuard({ dir: data.projectsDir }), post) as (request: CoreRequest) => void);
} catch (error) {
  session.close();
  if (!isDuidingError(error)) throw error;
  post({ type: 'refused', kind: error.kind, message: error.message });
}
