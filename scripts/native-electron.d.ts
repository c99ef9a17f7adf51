// Types for scripts/native-electron.js (plain Node ESM, so that `npm start` needs no TypeScript).
export function ensureElectronDriver(options?: {
  root?: string;
  force?: boolean;
  log?: (line: string) => void;
  nodeGypJs?: string;
}): { target: string; built: boolean };
