/**
 * A chart's SVG as a PNG for Word, drawn by resvg compiled to WebAssembly (@resvg/resvg-wasm): no
 * native binary to build or download, the same pixels on every platform, offline. WebAssembly
 * cannot see the system's fonts, so the text is set in DejaVu Sans from the dejavu-fonts-ttf package
 * (the chart's SVG names it after Helvetica and Arial); both files are read from node_modules once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);
let ready: Promise<Uint8Array[]> | null = null;

/** Loads the WebAssembly module and the fonts, once per process. */
function load(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))));
  })();
  // A failed load (a file missing from an install) is said again at the next export, not cached as a rejection.
  ready.catch(() => (ready = null));
  return ready;
}

/** The SVG drawn at `zoom` times its size (2: sharp when Word prints it at the page's width). */
export async function svgToPng(svg: string, zoom = 2): Promise<{ png: Uint8Array; width: number; height: number }> {
  const fontBuffers = await load();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
    font: { fontBuffers, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  try {
    const image = resvg.render();
    try {
      return { png: image.asPng(), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
