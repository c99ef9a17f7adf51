import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rule of design.md, checked by running the project's own lint config on sample imports. */
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(import.meta.dirname, '..', file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers', () => {
  it('keeps src/shared free of Node, Electron, the database, main and renderer', async () => {
    expect(await violations('src/shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([
      "'node:fs' import is restricted from being used by a pattern. src/shared is pure TypeScript: no Node built-ins.",
    ]);
    expect(await violations('src/shared/x.ts', "import { Session } from '../main/core/session.ts';\nexport const x = Session;\n")).toHaveLength(1);
    expect(await violations('src/shared/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).toHaveLength(1);
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
    expect(await violations('src/renderer/data/x.ts', "import { call } from '../api/client.ts';\nexport const x = call;\n")).toEqual([]);
    expect(await violations('src/renderer/data/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
  });

  it('lets only the electron host import electron', async () => {
    expect(await violations('src/main/hosts/cli/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await violations('src/main/hosts/electron/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});
