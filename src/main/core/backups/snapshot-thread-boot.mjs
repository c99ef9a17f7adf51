// The backup thread (snapshot-thread.ts) starts here when Duiding runs from its TypeScript sources
// (tests, tsx): like the core thread of `serve`, a worker needs tsx registered for itself.
import { register } from 'tsx/esm/api';

register();
await import('./snapshot-thread.ts');
