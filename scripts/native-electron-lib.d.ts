// Types for scripts/native-electron-lib.js (plain Node ESM, so that `npm start` needs no TypeScript).
export const ELECTRON_HEADERS_URL: string;
export function nativeTarget(root: string, electronVersion: string): string;
export function pinnedElectronVersion(pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }): string;
export function isUpToDate(target: string, sourcePackageJson: string): boolean;
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function electronDevDir(home?: string): string;
export function nodeGypOptions(options: { version: string; arch?: string; devdir?: string }): string[];
export function findNodeGyp(options?: { env?: NodeJS.ProcessEnv; execPath?: string; root?: string }): string;
export function abiFromDlopenError(message: string): { built: number; node: number } | null;
export function probeAbi(file: string): { loads: true } | { loads: false; abi: number | null; message: string };
export function verifyAbi(file: string, expectedAbi: number | null, label?: string): number;
export function electronAbi(electronDir: string): number | null;
export function headersDownloadFailure(version: string, output: string): string;
