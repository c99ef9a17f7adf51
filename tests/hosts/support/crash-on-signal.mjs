// Loaded with `node --import` before `duiding serve`: stands in for a bug in the server. SIGUSR2
// throws an error nothing catches; SIGHUP rejects a promise nobody awaits.
process.on('SIGUSR2', () => {
  throw new Error('a bug in the server (test)');
});
process.on('SIGHUP', () => {
  void Promise.reject(new Error('a forgotten promise in the server (test)'));
});
