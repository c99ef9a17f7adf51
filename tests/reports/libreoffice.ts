/** LibreOffice and poppler for looking at exported files as pages. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const REPORT_ARTIFACTS = join(import.meta.dirname, '../../test-results/report');

const HOW_TO = 'Install them with: sudo apt-get install -y libreoffice-writer-nogui poppler-utils';

function tool(name: string): string {
  const found = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin'].map((dir) => join(dir, name)).find(existsSync);
  if (!found) throw new Error(`This test needs ${name} (LibreOffice and poppler) to render the report as pages, and found none. ${HOW_TO}`);
  return found;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${basename(command)} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/**
 * Converts a .docx to PDF with LibreOffice (its own profile, so that it runs beside another
 * LibreOffice) and the PDF to PNG pages at 60 dpi, all kept in test-results/report/. Returns the
 * PDF's path, its text and the page images.
 */
export function renderPages(docx: string, name: string): { pdf: string; text: string; pages: string[] } {
  const soffice = tool('libreoffice');
  const pdftoppm = tool('pdftoppm');
  const pdftotext = tool('pdftotext');
  mkdirSync(REPORT_ARTIFACTS, { recursive: true });
  const profile = join(tmpdir(), `duiding-lo-profile-${process.pid}`);
  try {
    run(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', REPORT_ARTIFACTS, docx]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(REPORT_ARTIFACTS, `${basename(docx).replace(/\.docx$/, '')}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${docx}`);
  for (const old of readdirSync(REPORT_ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(join(REPORT_ARTIFACTS, old));
  run(pdftoppm, ['-png', '-r', '60', pdf, join(REPORT_ARTIFACTS, name)]);
  const pages = readdirSync(REPORT_ARTIFACTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(REPORT_ARTIFACTS, f));
  return { pdf, text: run(pdftotext, ['-layout', pdf, '-']), pages };
}
