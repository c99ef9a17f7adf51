import { readFileSync } from 'node:fs';
const t0 = Date.now();
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
console.log('load', Date.now() - t0, pdfjs.version);
const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[2]!)), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
console.log('pages', doc.numPages);
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const tc = await page.getTextContent();
  for (const it of tc.items as any[]) console.log(p, JSON.stringify(it.str), it.hasEOL, it.transform.map((x: number) => Math.round(x)).join(','), Math.round(it.width), Math.round(it.height));
}
console.log('total', Date.now() - t0);
