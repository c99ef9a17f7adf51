/**
 * Import benchmark: a generated corpus of FILES transcripts of WORDS words each (plain-text
 * transcripts with alternating speakers, vocabulary taken from the study fixtures) imported into a
 * fresh project through the same service the CLI uses. Reports figures; it does not fail.
 *
 *   npm run bench -- [--files 1000] [--words 8000] [--json]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseTranscript } from '../src/main/core/importers/index.ts';
import { Project } from '../src/main/core/project.ts';
import { searchTurns } from '../src/main/core/repos/search.ts';
import { importFiles } from '../src/main/core/services/import.ts';

const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, words: { type: 'string', default: '8000' }, json: { type: 'boolean' } } });
const fileCount = Number(values.files);
const wordsPerFile = Number(values.words);

async function vocabulary(): Promise<string[]> {
  const dir = join(import.meta.dirname, '../fixtures/transcripts');
  const words = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => /\.(docx|vtt|srt|txt)$/.test(f))) {
    const { turns } = await parseTranscript(file, readFileSync(join(dir, file)));
    for (const turn of turns) for (const w of turn.text.split(/\s+/)) if (w) words.add(w);
  }
  return [...words];
}

function generate(vocab: string[], seed: number, words: number): string {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const lines: string[] = [];
  let written = 0;
  let turn = 0;
  while (written < words) {
    const length = Math.min(words - written, 15 + Math.floor(next() * (turn % 2 ? 220 : 40)));
    const text = Array.from({ length }, () => vocab[Math.floor(next() * vocab.length)]).join(' ');
    const minutes = Math.floor(written / 130);
    lines.push(`[${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00] ${turn % 2 ? `Respondent ${seed}` : 'Interviewer'}: ${text}`, '');
    written += length;
    turn++;
  }
  return lines.join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'duiding-bench-'));
try {
  const vocab = await vocabulary();
  const corpus = join(dir, 'corpus');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(corpus);
  let bytes = 0;
  for (let i = 0; i < fileCount; i++) {
    const text = generate(vocab, i + 1, wordsPerFile);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(corpus, `interview-${String(i).padStart(5, '0')}.txt`), text);
  }
  const path = join(dir, 'bench.duiding');
  const project = Project.create(path, { coder: 'bench' });
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const report = await importFiles(project, { files: [{ path: corpus }] });
  const importMs = performance.now() - started;
  clearInterval(sampler);
  const searchStarted = performance.now();
  const hits = searchTurns(project.db, vocab[7]!, 50);
  const searchMs = performance.now() - searchStarted;
  project.close();
  const figures = {
    files: fileCount,
    wordsPerFile,
    corpusMB: +(bytes / 1e6).toFixed(1),
    imported: report.imported,
    failed: report.failed,
    importSeconds: +(importMs / 1000).toFixed(1),
    wordsPerSecond: Math.round((fileCount * wordsPerFile) / (importMs / 1000)),
    projectMB: +(statSync(path).size / 1e6).toFixed(1),
    peakRssMB: Math.round(peakRss / 1e6),
    searchMs: +searchMs.toFixed(1),
    searchHits: hits.total,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key.padEnd(16)}${value}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
