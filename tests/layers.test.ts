import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { NODE_ONLY_PACKAGES, PORTABLE_PACKAGES } from '../eslint.config.js';

/**
 * The layer rules of design.md, checked the way `npm test` checks the code: the project's own lint
 * config on sample code at a virtual path, and the project's own TypeScript projects on sample files.
 */
const ROOT = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

const LAYER_RULES = new Set(['no-restricted-imports', 'duiding/no-restricted-dynamic-imports']);
const SQL_RULE = 'duiding/no-sql-outside-repositories';

async function lint(file: string, code: string): Promise<ESLint.LintResult['messages']> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages;
}

/** The layer messages (static and dynamic imports) ESLint gives for `code` at `file`. */
async function violations(file: string, code: string): Promise<string[]> {
  return (await lint(file, code)).filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

async function sqlViolations(file: string, code: string): Promise<number> {
  return (await lint(file, code)).filter((m) => m.ruleId === SQL_RULE).length;
}

const NODE_MESSAGE =
  'Node built-ins (bare or node:) belong to the Node side (src/main, scripts, tests): compute in src/shared, or add a handler in src/main/core and call it through the data layer.';

describe('layers: imports', () => {
  it('keeps src/shared free of Node, Electron, the database, main and renderer', async () => {
    expect(await violations('src/shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([
      `'node:fs' import is restricted from being used by a pattern. ${NODE_MESSAGE}`,
    ]);
    expect(await violations('src/shared/x.ts', "import { Session } from '../main/core/session.ts';\nexport const x = Session;\n")).toHaveLength(1);
    expect(await violations('src/shared/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).toHaveLength(1);
  });

  it('refuses bare Node built-ins as well as node: outside the Node side, in every form of import', async () => {
    for (const file of ['src/shared/x.ts', 'src/renderer/x.ts', 'src/renderer/features/coding/X.tsx', 'src/renderer/data/x.ts']) {
      expect(await violations(file, "import fs from 'fs';\nexport const x = fs;\n"), file).toEqual([
        `'fs' import is restricted from being used by a pattern. ${NODE_MESSAGE}`,
      ]);
      expect(await violations(file, "import { readFile } from 'fs/promises';\nexport const x = readFile;\n"), file).toHaveLength(1);
      expect(await violations(file, "export { join } from 'path';\n"), file).toHaveLength(1);
      expect(await violations(file, "export * from 'node:crypto';\n"), file).toHaveLength(1);
      expect(await violations(file, "export const x = await import('fs');\n"), file).toHaveLength(1);
      expect(await violations(file, "export const x = await import(`node:path`);\n"), file).toHaveLength(1);
      expect(await violations(file, "export type X = import('node:stream').Readable;\n"), file).toHaveLength(1);
    }
    // A module that only looks like a built-in is not refused.
    expect(await violations('src/renderer/x.ts', "import { fsm } from './fs-machine.ts';\nexport const x = fsm;\n")).toEqual([]);
    // The Node side may use both.
    expect(await violations('src/main/core/x.ts', "import fs from 'fs';\nimport { join } from 'node:path';\nexport const x = [fs, join, await import('node:os')];\n")).toEqual([]);
  });

  it('refuses dynamic imports across layers, and computed ones in the page and src/shared', async () => {
    expect(await violations('src/renderer/x.ts', "export const h = await import('../main/core/handlers.ts');\n")).toEqual([
      "'../main/core/handlers.ts' import is restricted from being used by a pattern. src/renderer and src/shared never import src/main: move what both need into src/shared, or call a handler through the data layer.",
    ]);
    expect(await violations('src/shared/x.ts', "export const r = () => import('../renderer/App.tsx');\n")).toHaveLength(1);
    expect(await violations('src/main/core/x.ts', "export const r = () => import('../../renderer/data/cache.ts');\n")).toHaveLength(1);
    expect(await violations('src/main/core/x.ts', "export const r = () => import('../hosts/cli/main.ts');\n")).toHaveLength(1);
    expect(await violations('src/main/hosts/cli/x.ts', "export const e = () => import('electron');\n")).toHaveLength(1);
    expect(await violations('src/renderer/x.ts', "export type H = import('../main/core/session.ts').Session;\n")).toHaveLength(1);
    expect(await violations('src/renderer/x.ts', "export const load = (name: string) => import(name);\n")).toEqual([
      'A dynamic import() in this layer must name its module literally, so that the layer rules can check it.',
    ]);
    // Within a layer a dynamic import is fine.
    expect(await violations('src/main/core/x.ts', "export const q = () => import('./refi-qda/qdc.ts');\n")).toEqual([]);
    expect(await violations('src/renderer/features/x/X.tsx', "export const v = () => import('../concept-map/ConceptMapView.tsx');\n")).toEqual([]);
  });

  it('refuses Node-only packages in the renderer and src/shared', async () => {
    for (const file of ['src/shared/x.ts', 'src/renderer/features/export/x.ts', 'src/renderer/data/x.ts']) {
      for (const pkg of ['ws', 'docx', 'exceljs', 'mammoth', 'fflate', 'better-sqlite3', 'read-excel-file/node', 'csv-parse/sync', 'iconv-lite', 'fast-xml-parser']) {
        const found = await violations(file, `import * as m from '${pkg}';\nexport const x = m;\n`);
        expect(found, `${pkg} in ${file}`).toHaveLength(1);
        expect(found[0]).toContain('use it in src/main/core and reach it through a handler');
        expect(await violations(file, `export const m = () => import('${pkg}');\n`), `import('${pkg}') in ${file}`).toHaveLength(1);
      }
    }
    expect(await violations('src/main/core/x.ts', "import { Document } from 'docx';\nimport { WebSocketServer } from 'ws';\nexport const x = [Document, WebSocketServer];\n")).toEqual([]);
    expect(await violations('src/renderer/features/x/x.ts', "import Fuse from 'fuse.js';\nimport { z } from 'zod';\nexport const x = [Fuse, z];\n")).toEqual([]);
  });

  it('has every dependency in package.json classed as Node-only or portable, once', () => {
    const deps = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    const classed = [...NODE_ONLY_PACKAGES, ...PORTABLE_PACKAGES];
    expect(new Set(classed).size).toBe(classed.length);
    expect([...classed].sort()).toEqual([...deps].sort());
  });

  it('keeps src/main/core away from electron, hosts and the renderer', async () => {
    expect(await violations('src/main/core/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await violations('src/main/core/x.ts', "import { runCli } from '../hosts/cli/main.ts';\nexport const x = runCli;\n")).toHaveLength(1);
    expect(await violations('src/main/core/x.ts', "import { z } from 'zod';\nimport { readFileSync } from 'node:fs';\nexport const x = [z, readFileSync];\n")).toEqual([]);
  });

  it('keeps src/renderer away from src/main and Node', async () => {
    expect(await violations('src/renderer/x.ts', "import { dispatch } from '../main/core/handlers.ts';\nexport const x = dispatch;\n")).toHaveLength(1);
    expect(await violations('src/renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    expect(await violations('src/renderer/x.ts', "import { contract } from '../shared/api/contract.ts';\nexport const x = contract;\n")).toEqual([]);
  });

  it('lets only the data layer call the API', async () => {
    expect(await violations('src/renderer/features/coding/x.tsx', "import { call } from '../../api/client.ts';\nexport const x = call;\n")).toEqual([
      "'../../api/client.ts' import is restricted from being used by a pattern. Only the data layer (src/renderer/data) calls the API: read through it, or call a store mutation.",
    ]);
    expect(await violations('src/renderer/store/slices/x.ts', "import { call } from '../../api/client.ts';\nexport const x = call;\n")).toHaveLength(1);
    expect(await violations('src/renderer/features/coding/x.tsx', "export const c = async () => (await import('../../api/client.ts')).call;\n")).toHaveLength(1);
    expect(await violations('src/renderer/data/x.ts', "import { call } from '../api/client.ts';\nexport const x = call;\n")).toEqual([]);
    expect(await violations('src/renderer/data/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
  });

  it('lets only the electron host import electron', async () => {
    expect(await violations('src/main/hosts/cli/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await violations('src/main/hosts/electron/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});

describe('layers: SQL only in repositories, migrations and the db layer', () => {
  const statements = [
    "export const f = (db: D) => db.prepare('SELECT 1').get();",
    "export const f = (db: D) => db.exec('BEGIN IMMEDIATE');",
    'export const f = (db: D, sql: string) => db.exec(sql);',
    "export const q = 'SELECT id, name FROM labels WHERE id = ?';",
    'export const q = `SELECT id FROM ${table} WHERE id = ?`;',
    "export const q = 'INSERT INTO labels (name) VALUES (?)';",
    "export const q = 'INSERT OR IGNORE INTO labels (name) VALUES (?)';",
    "export const q = 'UPDATE segments SET start = ? WHERE id = ?';",
    "export const q = 'DELETE FROM memos WHERE id = ?';",
    "export const q = 'CREATE TABLE t (id INTEGER)';",
  ].map((s) => `type D = { prepare(s: string): { get(): unknown }; exec(s: string): void };\nconst table = 't';\n${s}\n`);

  it('refuses each kind of statement outside them, saying where it goes', async () => {
    for (const code of statements) {
      for (const file of ['src/main/core/coding/service.ts', 'src/main/core/refi-qda/x.ts', 'src/main/core/audit/handlers.ts', 'src/main/core/surveys/read.ts', 'src/main/hosts/http/x.ts', 'src/shared/x.ts', 'src/renderer/features/x/x.ts']) {
        expect(await sqlViolations(file, code), `${file}: ${code}`).toBe(1);
      }
    }
    const [message] = (await lint('src/main/core/coding/service.ts', statements[0]!)).filter((m) => m.ruleId === SQL_RULE);
    expect(message!.message).toContain("move this statement into this feature folder's store.ts");
  });

  it('allows them in a feature folder\'s store.ts or store-<part>.ts, db/ and history/', async () => {
    for (const code of statements) {
      for (const file of ['src/main/core/codebook/store.ts', 'src/main/core/audit/store.ts', 'src/main/core/surveys/store-responses.ts', 'src/main/core/db/database.ts', 'src/main/core/history/triggers.ts', 'src/main/core/project.ts']) {
        expect(await sqlViolations(file, code), `${file}: ${code}`).toBe(0);
      }
    }
  });

  it('leaves regular expressions and prose alone', async () => {
    const code = [
      'const TIME = /^(\\d+):(\\d+)$/;',
      "export const t = (s: string) => TIME.exec(s) ?? /x/.exec('x');",
      "export const hint = 'Select a label from the list, then update the set';",
      'export const prepare = (x: { prepare?: () => void }) => x;',
    ].join('\n');
    expect(await sqlViolations('src/main/core/coding/service.ts', code)).toBe(0);
  });
});

// ---- Type-check: the TypeScript projects `npm run typecheck` builds ----

type Project = { config: string; options: ts.CompilerOptions; fileNames: string[] };

/** A project as `tsc -b` reads it, with `extra` added to its folder as if it were on disk. */
function project(config: string, extra?: string): Project {
  const path = join(ROOT, config);
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
    readDirectory: (dir, exts, excludes, includes, depth) => {
      const found = ts.sys.readDirectory(dir, exts, excludes, includes, depth);
      return extra ? [...found, join(ROOT, extra)] : found;
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(path, {}, host)!;
  expect(parsed.errors).toEqual([]);
  return { config: path, options: parsed.options, fileNames: parsed.fileNames };
}

// Library files parsed once for every probe: lib.dom.d.ts alone takes seconds.
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** The errors the project at `config` gives for `code` in a file at `file`: the file must be one of its own. */
function typeErrors(config: string, file: string, code: string): string[] {
  const { options, fileNames } = project(config, file);
  const full = join(ROOT, file);
  // The include patterns of the project take the file in (readDirectory above lists it, the patterns filter).
  expect(fileNames.map((f) => join(f))).toContain(full);
  const checkOptions: ts.CompilerOptions = { ...options, composite: false, declaration: false, emitDeclarationOnly: false, noEmit: true, incremental: false };
  delete checkOptions.tsBuildInfoFile;
  const host = ts.createCompilerHost(checkOptions);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => {
    if (join(name) === full) return ts.createSourceFile(name, code, lang);
    const key = `${name}\0${typeof lang === 'object' ? lang.languageVersion : lang}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, getSourceFile(name, lang, ...rest));
    return parsedFiles.get(key);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => join(name) === full || fileExists(name);
  const program = ts.createProgram({ rootNames: [full], options: checkOptions, host });
  return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('functions one can read', () => {
  const RULE = 'max-lines-per-function';
  /** A function of `lines` lines in all: its opening line, its body, its closing line. */
  const longFunction = (lines: number, name = 'longStep') =>
    `export function ${name}(): number {\n  let n = 0;\n${'  n += 1;\n'.repeat(lines - 4)}  return n;\n}\n`;

  it('refuses a function of more than 80 lines in a .ts file, counting neither blank lines nor comments', async () => {
    const rule = async (file: string, code: string) => (await lint(file, code)).filter((m) => m.ruleId === RULE).map((m) => m.message);
    expect(await rule('src/main/core/x.ts', longFunction(81))).toEqual(["Function 'longStep' has too many lines (81). Maximum allowed is 80."]);
    expect(await rule('src/shared/x.ts', longFunction(81))).toHaveLength(1);
    expect(await rule('src/renderer/store/x.ts', longFunction(81))).toHaveLength(1);
    expect(await rule('src/main/core/x.ts', longFunction(80))).toEqual([]);
    // Blank lines and comments are not what makes a function hard to read.
    const padded = longFunction(80).replace('  return n;', `\n  // a comment\n\n  return n;`);
    expect(await rule('src/main/core/x.ts', padded)).toEqual([]);
  });

  it('lets a React component (.tsx) be longer', async () => {
    const component = `export function Long(): JSX.Element {\n  const n = 0;\n${'  void n;\n'.repeat(77)}  return <div>{n}</div>;\n}\n`;
    expect(component.split('\n').length - 1).toBe(81);
    expect((await lint('src/renderer/features/x/Long.tsx', component)).filter((m) => m.ruleId === RULE)).toEqual([]);
    // The same length in a .ts file is refused.
    expect((await lint('src/renderer/features/x/long.ts', longFunction(81))).filter((m) => m.ruleId === RULE)).toHaveLength(1);
  });
});

describe('layers: TypeScript projects', () => {
  it('npm test type-checks every project of the solution', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toContain('npm run typecheck');
    expect(pkg.scripts.typecheck).toBe('tsc -b');
    const solution = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config as { files: string[]; references: { path: string }[] };
    expect(solution.files).toEqual([]);
    expect(solution.references.map((r) => r.path)).toEqual(['./src/shared', './src/renderer', './tsconfig.node.json', './tsconfig.tests.json']);
  });

  it('puts every TypeScript file in exactly one project', () => {
    const projects = ['src/shared/tsconfig.json', 'src/renderer/tsconfig.json', 'tsconfig.node.json', 'tsconfig.tests.json'].map((c) => project(c));
    const owners = new Map<string, string[]>();
    for (const p of projects) for (const f of p.fileNames) owners.set(join(f), [...(owners.get(join(f)) ?? []), relative(ROOT, p.config)]);
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
      );
    const files = [...walk('src'), ...walk('tests'), ...walk('bench'), ...walk('scripts'), 'vite.config.ts', 'vitest.config.ts'];
    const wrong = files.filter((f) => owners.get(join(ROOT, f))?.length !== 1).map((f) => `${f.split(sep).join('/')}: ${owners.get(join(ROOT, f))?.join(', ') ?? 'no project'}`);
    expect(wrong).toEqual([]);
  });

  it('src/shared knows neither the DOM nor Node', () => {
    const file = 'src/shared/layer-probe.ts';
    expect(typeErrors('src/shared/tsconfig.json', file, 'export const n = [1, 2].at(-1);\n')).toEqual([]);
    expect(typeErrors('src/shared/tsconfig.json', file, 'export const t = document.title;\n')).toEqual([expect.stringMatching(/^TS2584: Cannot find name 'document'/)]);
    expect(typeErrors('src/shared/tsconfig.json', file, "export const b = Buffer.from('x');\n")).toEqual([expect.stringMatching(/^TS2591: Cannot find name 'Buffer'/)]);
    expect(typeErrors('src/shared/tsconfig.json', file, 'export const p = process.env;\n')).toEqual([expect.stringMatching(/^TS2591: Cannot find name 'process'/)]);
  }, 60_000);

  it('src/renderer has the DOM but not Node', () => {
    const file = 'src/renderer/layer-probe.ts';
    expect(typeErrors('src/renderer/tsconfig.json', file, 'export const t = document.title;\n')).toEqual([]);
    expect(typeErrors('src/renderer/tsconfig.json', file, "import fs from 'fs';\nexport const f = fs;\n")).toEqual([expect.stringMatching(/^TS2591: Cannot find name 'fs'/)]);
    expect(typeErrors('src/renderer/tsconfig.json', file, "export const b = Buffer.from('x');\n")).toEqual([expect.stringMatching(/^TS2591: Cannot find name 'Buffer'/)]);
  }, 60_000);

  it('the Node side has Node but not the DOM', () => {
    const file = 'src/main/core/layer-probe.ts';
    expect(typeErrors('tsconfig.node.json', file, "import fs from 'node:fs';\nexport const b = [fs, Buffer.from('x'), process.env];\n")).toEqual([]);
    expect(typeErrors('tsconfig.node.json', file, 'export const t = document.title;\n')).toEqual([expect.stringMatching(/^TS2584: Cannot find name 'document'/)]);
  }, 60_000);
});
