/**
 * How long a report of 2,000 quotes takes to write (the issue asks for .docx within 2 s). Not a test:
 * run it with `npx tsx tests/reports/bench-report.ts`; it prints three runs (the first includes warm-up).
 */
import { writeDocx } from '../../src/main/core/reports/docx.ts';
import { writeHtml } from '../../src/main/core/reports/html.ts';
import { writeMarkdown } from '../../src/main/core/reports/markdown.ts';
import { DEFAULT_REPORT_OPTIONS, type ReportDocument } from '../../src/shared/report-document.ts';
const words = 'leerlingenbegeleiding brede basiszorg zorgcontinuüm collega’s nascholing CLB leerkrachten beleid'.split(' ');
const sections = [];
let q = 0;
for (let s = 0; s < 100; s++) {
  const items = [];
  for (let i = 0; i < 20; i++) {
    const text = Array.from({ length: 60 }, (_, k) => words[(q + k) % words.length]).join(' ') + '.';
    items.push({ kind: 'quote' as const, text, source: { participant: `P${q % 12}`, attributes: { schooltype: 'ASO' }, document: `interview-${q % 12}`, startMs: q * 1000, paragraph: q } });
    if (i % 5 === 0) items.push({ kind: 'finding' as const, text: 'Een bevinding over ' + words[i % words.length] });
    if (i % 7 === 0) items.push({ kind: 'implication' as const, text: 'Een implicatie.' });
    q++;
  }
  sections.push({ title: `Thema ${s + 1}`, number: null, depth: s % 3 === 0 ? 1 : 2, intro: [], definition: [], counts: null, items });
}
const report: ReportDocument = { titleBlock: { lines: [{ kind: 'title', text: 'Bench' }] }, sections };
const options = { ...DEFAULT_REPORT_OPTIONS, toc: true };
async function main() {
for (let run = 0; run < 3; run++) {
  let t = performance.now();
  const bytes = await writeDocx(report, options);
  const docx = performance.now() - t;
  t = performance.now(); const html = writeHtml(report, options); const h = performance.now() - t;
  t = performance.now(); const md = writeMarkdown(report, options); const m = performance.now() - t;
  console.log(`quotes=${q} docx ${docx.toFixed(0)} ms (${(bytes.length / 1024).toFixed(0)} kB), html ${h.toFixed(0)} ms (${(html.length / 1024).toFixed(0)} kB), md ${m.toFixed(0)} ms (${(md.length / 1024).toFixed(0)} kB)`);
}
}
void main();
