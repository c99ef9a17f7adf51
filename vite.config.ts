import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: built once into dist/renderer and served by both hosts (Electron loads it from
// disk, hence relative asset paths; `duiding serve` serves it over HTTP).
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, sourcemap: false, target: 'es2022' },
});
