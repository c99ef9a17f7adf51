#!/usr/bin/env node
// CI's first check after `npm ci` (.ci/run): starts `duiding serve --dir` on a folder that does not
// exist yet, follows the address it prints and checks that the page is the app's HTML, not JSON;
// then stops it. Exit 1 with the reason otherwise.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const parent = mkdtempSync(join(tmpdir(), 'duiding-first-serve-'));
const dir = join(parent, 'Onderzoek');
const child = spawn(process.execPath, [join(ROOT, 'bin', 'duiding.js'), 'serve', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
let stdout = '';
let stderr = '';
child.stdout.on('data', (chunk) => (stdout += chunk));
child.stderr.on('data', (chunk) => (stderr += chunk));

function fail(reason) {
  console.error(`first serve: ${reason}\n--- stdout\n${stdout}--- stderr\n${stderr}`);
  child.kill('SIGTERM');
  rmSync(parent, { recursive: true, force: true });
  process.exit(1);
}

const deadline = setTimeout(() => fail('no address within 60 s'), 60_000);
child.on('exit', (code) => fail(`duiding serve ended (status ${code}) before the page was checked`));
const url = await new Promise((found) => {
  child.stdout.on('data', () => {
    const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
    if (m) found(m[1]);
  });
});
clearTimeout(deadline);
// The token is exchanged for a cookie and a redirect to `/`; follow it by hand with the cookie.
const first = await fetch(url, { redirect: 'manual' });
const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
const page = first.status >= 300 && first.status < 400 ? await fetch(new URL(first.headers.get('location') ?? '/', url), { headers: { cookie } }) : first;
const type = page.headers.get('content-type') ?? '';
const body = await page.text();
if (page.status !== 200 || !type.startsWith('text/html') || !/<div id="root">/.test(body)) {
  fail(`the page answered ${page.status} ${type}: ${body.slice(0, 300)}`);
}
if (!existsSync(dir)) fail(`${dir} was not created`);
if (!stderr.includes('creating it')) fail('serve did not say it would create the folder');
child.removeAllListeners('exit');
child.kill('SIGINT');
await new Promise((done) => child.once('exit', done));
rmSync(parent, { recursive: true, force: true });
console.log(`first serve: ${url.replace(/\?token=.*/, '')} answered the app's page (${body.length} bytes of HTML); ${dir} was created.`);
