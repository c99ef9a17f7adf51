// The worker thread of `duiding serve` starts here: like bin/duiding.js it runs the TypeScript
// sources through tsx, which a worker needs registered for itself.
import { register } from 'tsx/esm/api';

register();
await import('./core-thread.ts');
