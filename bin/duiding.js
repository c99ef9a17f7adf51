#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx, so `npx duiding …` works right after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/hosts/cli/bin.ts');
