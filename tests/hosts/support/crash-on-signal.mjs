// Loaded with `node --import` before `duiding serve` (in its worker thread too, which inherits the
// option): stands in for a bug. In the main thread SIGUSR2 throws an error nothing catches and SIGHUP
// rejects a promise nobody awaits. A worker thread hears no signals: there, the file named by
// DUIDING_TEST_CRASH_FILE coming into being throws inside the core.
import { existsSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('SIGUSR2', () => {
    throw new Error('a bug in the server (test)');
  });
  process.on('SIGHUP', () => {
    void Promise.reject(new Error('a forgotten promise in the server (test)'));
  });
} else if (process.env.DUIDING_TEST_CRASH_FILE) {
  const trigger = process.env.DUIDING_TEST_CRASH_FILE;
  const timer = setInterval(() => {
    if (!existsSync(trigger)) return;
    clearInterval(timer);
    throw new Error('a bug in the core (test)');
  }, 20);
  timer.unref();
}
