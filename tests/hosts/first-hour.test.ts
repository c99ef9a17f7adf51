import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingShared } from '../../scripts/check-shared.js';
import { bundleState } from '../../scripts/cli-bundle.js';
import { measureFirstScreen } from '../../bench/measure/startup.ts';
import { tempDir } from '../support/temp.ts';
import { firstStrings } from '../../src/renderer/i18n/first.ts';
import { areaStrings } from '../../src/renderer/i18n/areas.ts';

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

/**
 * The renderer's sources the page loads at start: main.tsx and what it imports statically, through
 * every module (type-only imports and `import()` left out), with the npm packages they name.
 */
function firstLoadSources(file = join(ROOT, 'src/renderer/main.tsx'), seen = new Map<string, string>(), packages = new Set<string>()) {
  if (seen.has(file)) return { modules: seen, packages };
  const code = readFileSync(file, 'utf8');
  seen.set(file, code);
  for (const m of code.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gms)) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith('.')) {
      if (/\.(tsx?|js)$/.test(spec)) firstLoadSources(resolve(dirname(file), spec), seen, packages);
    } else packages.add(spec);
  }
  return { modules: seen, packages };
}

/** The string keys (`area.key`, or `area.prefix.` of a key built at run time) a module names, of the dictionaries' top-level names. */
function namedKeys(code: string, names: Set<string>): { key: string; prefix: boolean }[] {
  return [...code.matchAll(/['"`]([a-zA-Z]+)\.([a-zA-Z0-9_.]*[a-zA-Z0-9_])(\.\$\{)?/g)].filter((m) => names.has(m[1]!)).map((m) => ({ key: `${m[1]}.${m[2]}`, prefix: m[3] !== undefined }));
}

function lookUp(strings: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), strings);
}

/** A key the first strings answer: a string, or its plural forms; an object for a prefix. */
function answered(strings: Record<string, unknown>, { key, prefix }: { key: string; prefix: boolean }): boolean {
  if (prefix) return typeof lookUp(strings, key) === 'object';
  return typeof lookUp(strings, key) === 'string' || typeof lookUp(strings, `${key}_other`) === 'string';
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

  it('the first download holds the start screen and round 1, at most 400 kB of JavaScript (130 kB gzipped), without Lexical, React Flow, Radix, fuse.js or later screens and dialogs', () => {
    const dist = process.env.DUIDING_RENDERER_DIR ?? join(ROOT, 'dist/renderer');
    expect(existsSync(join(dist, 'index.html')), `${dist} is not built: npm run build:renderer`).toBe(true);
    // Everything index.html loads at start: its entry script and the chunks it modulepreloads.
    const first = measureFirstScreen(dist);
    expect(first.files.length).toBeGreaterThan(1);
    expect(first.kB).toBeLessThanOrEqual(400);
    expect(first.gzipKB).toBeLessThanOrEqual(130);
    const names = first.files.join(' ');
    const code = first.files.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
    // Round 1 is in it, not a chunk of its own fetched later: the project frame (the coder button),
    // the transcripts list (the study memo) and the reader (its header).
    const chunks = readdirSync(join(dist, 'assets'));
    for (const round1 of ['ProjectLayout', 'DocumentsView', 'TranscriptView']) expect(chunks.filter((chunk) => chunk.startsWith(round1))).toEqual([]);
    for (const mark of ['coder-button', 'documents-study-memo', 'reader__header']) expect(code).toContain(mark);
    // The rest loads when opened: by the chunks' names and by what only their libraries contain
    // (Lexical's, React Flow's and Radix's own marks).
    for (const later of ['RichTextEditor', 'ConceptMapView', 'ExportDialog', 'OutlineView', 'RoundView', 'ConceptsView', 'MatrixView', 'ScalesView', 'AgreementView', 'CodebookView', 'TurnEditor', 'DialogFrame', 'MergeDialog', 'CodingPaletteContent', 'areas']) expect(names).not.toContain(later);
    for (const library of ['__lexicalEditor', 'react-flow__', 'data-radix-focus-guard']) expect(code).not.toContain(library);
  });

  it('the sources of the first download: round 1 in, the heavy parts out, and every string key they name in the first strings, in both languages', () => {
    const { modules, packages } = firstLoadSources();
    const files = [...modules.keys()].map((file) => relative(join(ROOT, 'src/renderer'), file));
    for (const round1 of ['features/start/StartScreen.tsx', 'features/project/ProjectLayout.tsx', 'features/documents/DocumentsView.tsx', 'features/transcript/TranscriptView.tsx', 'features/transcript/TurnSection.tsx', 'features/coding/CodedTurnText.tsx', 'i18n/first.ts']) expect(files).toContain(round1);
    for (const later of ['features/concept-map/ConceptMapView.tsx', 'components/rich-text/RichTextEditor.tsx', 'features/export/ExportDialog.tsx', 'features/rounds/RoundView.tsx', 'features/agreement/AgreementView.tsx', 'features/surveys/ScalesView.tsx', 'features/merge/MergeDialog.tsx', 'components/DialogFrame.tsx', 'i18n/areas.ts']) expect(files).not.toContain(later);
    for (const heavy of ['lexical', '@xyflow/react', '@radix-ui/react-dialog', 'fuse.js']) expect(packages).not.toContain(heavy);
    const strings = { en: firstStrings('en'), nl: firstStrings('nl') };
    const names = new Set([...Object.keys(strings.en), ...Object.keys(areaStrings('en'))]);
    const missing: string[] = [];
    let named = 0;
    for (const [file, code] of modules) {
      for (const key of namedKeys(code, names)) {
        named++;
        for (const language of ['en', 'nl'] as const) if (!answered(strings[language], key)) missing.push(`${relative(ROOT, file)} names ${key.key} (${language}): put it in its area's i18n-first.ts`);
      }
    }
    expect(named).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
