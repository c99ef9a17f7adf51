import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingShared } from '../../scripts/check-shared.js';
import { bundleState } from '../../scripts/cli-bundle.js';
import { measureFirstScreen } from '../../bench/measure/startup.ts';
import { tempDir } from '../support/temp.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/duiding.js');

/** The npm packages a file of the CLI bundle loads at start, following its static imports. */
function startupPackages(file: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(file)) return packages;
  seen.add(file);
  const code = readFileSync(join(ROOT, 'dist/cli', file), 'utf8');
  for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gms)) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith('./')) startupPackages(spec.slice(2), seen, packages);
    else if (!spec.startsWith('node:')) packages.add(spec);
  }
  return packages;
}

describe('the first hour (issue 19)', () => {
  it('the CLI runs from its bundle, which loads the heavy packages only for the commands that use them', () => {
    // The global setup built it; bin/duiding.js would rebuild a stale one.
    expect(bundleState()).toEqual({ state: 'fresh' });
    const packages = [...startupPackages('duiding.js')];
    for (const heavy of ['exceljs', 'mammoth', 'docx', 'ws', 'iconv-lite', 'fast-xml-parser', 'tsx']) expect(packages).not.toContain(heavy);
    expect(packages).toContain('better-sqlite3');
  });

  it('a bundle is stale when a source it was built from changed or is gone, missing without its list', () => {
    const root = tempDir();
    expect(bundleState(root)).toEqual({ state: 'missing' });
    mkdirSync(join(root, 'dist/cli'), { recursive: true });
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/a.ts'), '');
    writeFileSync(join(root, 'src/b.ts'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'src/a.ts'), past, past);
    utimesSync(join(root, 'src/b.ts'), past, past);
    writeFileSync(join(root, 'dist/cli/duiding.js'), '');
    writeFileSync(join(root, 'dist/cli/inputs.json'), JSON.stringify(['src/a.ts', 'src/b.ts']));
    expect(bundleState(root)).toEqual({ state: 'fresh' });
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src/b.ts'), later, later);
    expect(bundleState(root)).toEqual({ state: 'stale', source: 'src/b.ts' });
    writeFileSync(join(root, 'dist/cli/inputs.json'), JSON.stringify(['src/a.ts', 'src/gone.ts']));
    expect(bundleState(root)).toEqual({ state: 'stale', source: 'src/gone.ts' });
  });

  it('serve --dir on a folder that does not exist says it creates it, creates it and answers the app page', async () => {
    const dir = join(tempDir(), 'Onderzoek', 'LLB');
    const child = spawn(process.execPath, [BIN, 'serve', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((found, failed) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const m = /Open (http:\/\/\S+)/.exec(stdout);
          if (m) found(m[1]!);
        });
        child.once('exit', (code) => failed(new Error(`serve ended with ${code}: ${stderr}`)));
      });
      expect(stderr).toContain(`${dir} does not exist yet: creating it for your projects.`);
      expect(existsSync(dir)).toBe(true);
      const first = await fetch(url, { redirect: 'manual' });
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
      const page = await fetch(new URL(first.headers.get('location') ?? '/', url), { headers: { cookie } });
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGINT');
      await new Promise((done) => child.once('exit', done));
    }
  });

  it('without the shared test material, one line says where it must be', () => {
    const root = join(tempDir(), 'checkout');
    mkdirSync(root);
    expect(missingShared(root)).toBe(`The tests need the shared test material in ${join(root, '..', 'shared', 'external')} (the folder "shared" beside this checkout, ${root}); it is missing.`);
    expect(missingShared()).toBeNull();
  });

  it('the first screen loads at most 400 kB of JavaScript (130 kB gzipped), without Lexical, React Flow or the export dialog', () => {
    const dist = process.env.DUIDING_RENDERER_DIR ?? join(ROOT, 'dist/renderer');
    expect(existsSync(join(dist, 'index.html')), `${dist} is not built: npm run build:renderer`).toBe(true);
    const first = measureFirstScreen(dist);
    expect(first.kB).toBeLessThanOrEqual(400);
    expect(first.gzipKB).toBeLessThanOrEqual(130);
    // By the chunks' names and by what only their libraries contain (Lexical's and React Flow's own marks).
    for (const later of ['RichTextEditor', 'ConceptMapView', 'ExportDialog', 'OutlineView', 'ScalesView', 'TurnEditor']) expect(first.files.join(' ')).not.toContain(later);
    const code = first.files.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
    for (const library of ['__lexicalEditor', 'react-flow__']) expect(code).not.toContain(library);
  });
});
