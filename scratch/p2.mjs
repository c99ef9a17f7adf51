import { readFileSync } from 'node:fs';
const t0 = Date.now();
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
console.log('load', Date.now() - t0);
const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), isEvalSupported: false, verbosity: 0 }).promise;
console.log('doc', Date.now() - t0);
const page = await doc.getPage(1); await page.getTextContent();
console.log('total', Date.now() - t0);
