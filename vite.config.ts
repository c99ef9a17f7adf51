import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './src/main/hosts/csp.ts';

/** The CSP in the page itself, so that it holds however the page is loaded (issue 24). */
const cspMeta = (): Plugin => ({
  name: 'duiding-csp-meta',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
});

// The renderer: built once into dist/renderer and served by both hosts (Electron loads it from
// disk, hence relative asset paths; `duiding serve` serves it over HTTP).
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [cspMeta(), react()],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, sourcemap: false, target: 'es2022' },
});
