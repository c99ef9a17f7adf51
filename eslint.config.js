// Lint: typescript-eslint's recommended rules plus the layer rules of design.md. Imports flow one
// way: shared ← main/core ← main/hosts, and shared ← renderer; main and renderer never meet.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'src/shared is pure TypeScript: no Node built-ins.' };
const electron = { group: ['electron', 'electron/*'], message: 'Only src/main/hosts/electron may import electron.' };
const react = { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'lexical', '@lexical/*', 'zustand', 'zustand/*'], message: 'UI libraries belong in src/renderer.' };
const dbLibs = { group: ['better-sqlite3'], message: 'The database belongs to src/main/core.' };
const toMain = { group: ['**/main/**', '**/main'], message: 'src/renderer and src/shared never import src/main.' };
const toRenderer = { group: ['**/renderer/**', '**/renderer'], message: 'src/main and src/shared never import src/renderer.' };
const apiClient = { group: ['**/api/client', '**/api/client.ts'], message: 'Only the data layer (src/renderer/data) calls the API: read through it, or call a store mutation.' };
const toHosts = { group: ['**/hosts/**', '**/hosts'], message: 'src/main/core never imports a host: hosts call the core.' };

export const layerRules = [
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, react, dbLibs, toMain, toRenderer] }] },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, react, toRenderer, toHosts] }] },
  },
  {
    files: ['src/main/hosts/**/*.ts'],
    ignores: ['src/main/hosts/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, react, toRenderer] }] },
  },
  {
    files: ['src/main/hosts/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [react, toRenderer] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/data/**', 'src/renderer/api/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, dbLibs, toMain, apiClient] }] },
  },
  {
    files: ['src/renderer/data/**/*.{ts,tsx}', 'src/renderer/api/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, dbLibs, toMain] }] },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'fixtures/'] },
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
  ...layerRules,
);
