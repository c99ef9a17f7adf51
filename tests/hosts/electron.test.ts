import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlerNames } from '../../src/shared/api/contract.ts';
import { META_CONTENT_SECURITY_POLICY } from '../../src/main/hosts/csp.ts';
import { APP_ORIGIN, APP_URL, resolveAppRequest } from '../../src/main/hosts/electron/app-protocol.ts';
import { CONTENT_SECURITY_POLICY, externalLinkAction, linkQuestion, nativeBindingPath, spellcheckOn, windowOptions } from '../../src/main/hosts/electron/config.ts';
import { assertAllowedCall, IPC_ALLOW_LIST, isTrustedSender } from '../../src/main/hosts/electron/ipc.ts';

const ROOT = join(import.meta.dirname, '../..');
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

  it('never switches spellchecking on where Electron would download dictionaries (Windows, Linux)', () => {
    expect(windowOptions('/p', 'linux').webPreferences.spellcheck).toBe(false);
    expect(windowOptions('/p', 'win32').webPreferences.spellcheck).toBe(false);
    expect(windowOptions('/p', 'darwin').webPreferences.spellcheck).toBe(true);
    expect(spellcheckOn('freebsd')).toBe(false);
    // main.ts follows the same rule for the session, and sets no blanket `spellcheck: true`.
    const main = readFileSync(join(ROOT, 'src/main/hosts/electron/main.ts'), 'utf8');
    expect(main).toContain('if (!spellcheckOn(process.platform)) electronSession.defaultSession.setSpellCheckerEnabled(false);');
    expect(`${main}${readFileSync(join(ROOT, 'src/main/hosts/electron/config.ts'), 'utf8')}`).not.toMatch(/spellcheck:\s*true/);
  });

  it('serves the page from its own scheme with the CSP as a header, and no file outside the renderer', () => {
    const root = join(ROOT, 'dist', 'renderer');
    expect(APP_URL).toBe('app://duiding/index.html');
    const page = resolveAppRequest(APP_URL, root);
    expect(page).toMatchObject({ status: 200, path: join(root, 'index.html'), headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Content-Type': 'text/html; charset=utf-8' } });
    for (const url of ['app://duiding/../package.json', 'app://duiding/..%2F..%2Fpackage.json', 'app://duiding/%2e%2e/%2e%2e/etc/passwd', 'app://other/index.html', 'file:///etc/passwd', 'app://duiding/nothing.js', 'app://duiding/%00', 'not a url']) {
      expect(resolveAppRequest(url, root), url).toMatchObject({ status: 404, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    }
    const main = readFileSync(join(ROOT, 'src/main/hosts/electron/main.ts'), 'utf8');
    expect(main).toContain('window.loadURL(APP_URL)');
    expect(main).not.toContain('loadFile(');
  });

  it('builds index.html with the CSP in a meta element, so the page carries it however it is loaded', () => {
    const html = readFileSync(join(ROOT, 'dist', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]?.replace(/&#39;/g, "'")).toBe(META_CONTENT_SECURITY_POLICY);
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    // It comes before any script of the page.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it("answers IPC only for the window's own page", () => {
    expect(isTrustedSender({ url: 'app://duiding/index.html', isMainFrame: true }, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender({ url: 'app://duiding/index.html', isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', isMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'file:///home/an/evil.html', isMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', isMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true }, APP_ORIGIN)).toBe(false);
  });

  it('opens a link only after the researcher confirms, and only http(s) and mailto', () => {
    expect(externalLinkAction('https://www.kuleuven.be/')).toBe('confirm');
    expect(externalLinkAction('mailto:an@example.org')).toBe('confirm');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-msdt:/id', 'not a url']) expect(externalLinkAction(url), url).toBe('deny');
    expect(linkQuestion('nl-BE').buttons).toEqual(['Openen', 'Annuleren']);
    expect(linkQuestion('en-GB').message).toBe('Open this link in the browser?');
    const main = readFileSync(join(ROOT, 'src/main/hosts/electron/main.ts'), 'utf8');
    // openExternal is reached only through the confirmation.
    expect(main.match(/shell\.openExternal/g)).toHaveLength(1);
    expect(main).toMatch(/if \(response === 0\) await shell\.openExternal\(url\);/);
  });

  it('sets the Electron fuses in the packaging config', () => {
    // The two keys electron-builder reads, parsed by hand (top-level `key: value` and one nested block).
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8').split('\n');
    expect(yml).toContain('asar: true');
    const start = yml.indexOf('electronFuses:');
    expect(start).toBeGreaterThan(-1);
    const fuses: Record<string, boolean> = {};
    for (const line of yml.slice(start + 1)) {
      const m = /^ {2}(\w+): (true|false)$/.exec(line);
      if (!m) break;
      fuses[m[1]!] = m[2] === 'true';
    }
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
