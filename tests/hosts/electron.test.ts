import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlerNames } from '../../src/shared/api/contract.ts';
import { CONTENT_SECURITY_POLICY, nativeBindingPath, windowOptions } from '../../src/main/hosts/electron/config.ts';
import { assertAllowedCall, IPC_ALLOW_LIST } from '../../src/main/hosts/electron/ipc.ts';
import { tempDir } from '../support/temp.ts';

/** Electron cannot run on this machine; what decides the shell's safety is checked here instead. */
describe('the Electron shell', () => {
  it('opens an isolated, sandboxed window without Node in the page', () => {
    const options = windowOptions('/app/preload.js');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('sets a Content-Security-Policy that allows only the app itself', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({ 'default-src': "'self'", 'script-src': "'self'", 'object-src': "'none'", 'connect-src': "'self'", 'frame-ancestors': "'none'" });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });

  it('allows exactly the handlers of the contract over IPC and refuses any other name', () => {
    expect([...IPC_ALLOW_LIST].sort()).toEqual([...handlerNames].sort());
    expect(assertAllowedCall('documents/import')).toBe('documents/import');
    for (const name of ['shell/exec', 'documents/destroy', '__proto__', 'constructor', '', 42, null]) {
      expect(() => assertAllowedCall(name), String(name)).toThrow(/^Refused IPC call ".*": not in the allow-list\.$/);
    }
  });

  it('loads the Electron build of better-sqlite3 under Electron and the Node build under Node', () => {
    const root = tempDir();
    expect(nativeBindingPath({ ...process.versions }, root)).toBeUndefined();
    const electron = { ...process.versions, electron: '42.11.18' } as NodeJS.ProcessVersions;
    expect(() => nativeBindingPath(electron, root)).toThrow(/The SQLite driver for Electron 42\.11\.18 is missing/);
    const dir = join(root, 'native', 'electron', 'electron-42.11.18');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'better_sqlite3.node'), '');
    expect(nativeBindingPath(electron, root)).toBe(join(dir, 'better_sqlite3.node'));
  });
});
