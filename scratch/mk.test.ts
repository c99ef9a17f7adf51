import { it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { writeArticleDocx, writeScanDocx, convertToPdf, ENCRYPTED_PDF_FILTER } from '../tests/support/pdf.ts';
import { parseTranscript } from '../src/main/core/importers/index.ts';
import { readFileSync } from 'node:fs';
it('makes', async () => {
  const dir = '/tmp/pdfscratch'; mkdirSync(dir, { recursive: true });
  await writeArticleDocx(join(dir, 'article.docx'));
  await writeScanDocx(join(dir, 'scan.docx'));
  convertToPdf([join(dir, 'article.docx'), join(dir, 'scan.docx')], dir);
  mkdirSync(join(dir, 'enc'), { recursive: true });
  convertToPdf([join(dir, 'article.docx')], join(dir, 'enc'), ENCRYPTED_PDF_FILTER);
  for (const f of ['article.pdf', 'scan.pdf', 'enc/article.pdf']) {
    try { const r = await parseTranscript(f, readFileSync(join(dir, f))); console.log(f, JSON.stringify(r, null, 1)); } catch (e) { console.log(f, 'ERR', (e as Error).message); }
  }
}, 120000);
