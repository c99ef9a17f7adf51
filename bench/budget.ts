/**
 * The performance budget of issue 5 §3, as paths into the figures of a run. The table shows each
 * figure beside its budget; nothing fails on a miss (benchmarks report, CI does not judge them).
 */
export interface Budget {
  what: string;
  /** Dot path into the figures, e.g. `search.common.p95`. */
  path: string;
  limit: number;
  unit: 'ms' | 'MB' | 's' | '×' | 'kB';
  /** `min`: the figure must reach the limit (throughput ratios); `max`: stay under it. */
  kind: 'max' | 'min';
  /** The size the budget speaks of; at other sizes the figure is shown for information. */
  at?: 's' | 'm' | 'l';
}

export const BUDGETS: Budget[] = [
  { what: 'import ÷ raw insert throughput', path: 'import.ratio', limit: 0.5, unit: '×', kind: 'min' },
  { what: 'search, common word, p95', path: 'search.common.p95', limit: 50, unit: 'ms', kind: 'max', at: 'l' },
  { what: 'search, rare word, p95', path: 'search.rare.p95', limit: 50, unit: 'ms', kind: 'max', at: 'l' },
  { what: 'search, phrase, p95', path: 'search.phrase.p95', limit: 50, unit: 'ms', kind: 'max', at: 'l' },
  { what: 'search, prefix, p95', path: 'search.prefix.p95', limit: 50, unit: 'ms', kind: 'max', at: 'l' },
  { what: 'palette per keystroke (2,000 labels), p95', path: 'palette.keystroke.p95', limit: 16, unit: 'ms', kind: 'max' },
  { what: 'project open → first screen', path: 'browser.projectOpen.median', limit: 1000, unit: 'ms', kind: 'max', at: 'l' },
  { what: 'transcript open → highlights painted', path: 'browser.transcriptOpen.median', limit: 1000, unit: 'ms', kind: 'max' },
  { what: 'keypress → highlight painted, p95', path: 'browser.keypress.p95', limit: 50, unit: 'ms', kind: 'max' },
  { what: 'correct a turn of the long transcript → painted, p95', path: 'browser.transcriptEdit.p95', limit: 100, unit: 'ms', kind: 'max' },
  { what: 'keypress → highlight painted, reading cursor, p95', path: 'browser.cursorKeypress.p95', limit: 50, unit: 'ms', kind: 'max' },
  { what: 'matrix, concepts × documents, afresh', path: 'handlers.matrixConceptsByDocument.median', limit: 200, unit: 'ms', kind: 'max', at: 'l' },
  { what: 'matrix, concepts × participants, afresh', path: 'handlers.matrixConcepts.median', limit: 200, unit: 'ms', kind: 'max', at: 'l' },
  { what: 'heat map concepts × documents painted', path: 'browser.heatMap.conceptsByDocument.median', limit: 1000, unit: 'ms', kind: 'max', at: 'l' },
  { what: 'theme report .docx, 2,000 quotes', path: 'handlers.reportDocx.median', limit: 2000, unit: 'ms', kind: 'max' },
  { what: '.qdpx export + import of M', path: 'handlers.qdpxRoundTrip.seconds', limit: 10, unit: 's', kind: 'max', at: 'm' },
  { what: '.qdpx export of M alone (issue 19: half of 2.5 s)', path: 'handlers.qdpxRoundTrip.exportAlone.seconds', limit: 1.25, unit: 's', kind: 'max', at: 'm' },
  { what: '.qdpx export of M alone, peak RSS', path: 'handlers.qdpxRoundTrip.exportAlone.peakMB', limit: 200, unit: 'MB', kind: 'max', at: 'm' },
  { what: 'first screen JavaScript', path: 'startup.firstScreen.kB', limit: 400, unit: 'kB', kind: 'max' },
  { what: 'first screen JavaScript, gzipped', path: 'startup.firstScreen.gzipKB', limit: 130, unit: 'kB', kind: 'max' },
  { what: '`duiding --help` ÷ `node -e 0`', path: 'startup.cli.helpRatio', limit: 5, unit: '×', kind: 'max' },
  { what: '`duiding info FILE` ÷ `node -e 0`', path: 'startup.cli.infoRatio', limit: 5, unit: '×', kind: 'max' },
  { what: 'pseudonymise one name across the corpus', path: 'handlers.pseudonymiseOneName.seconds', limit: 10, unit: 's', kind: 'max', at: 'l' },
  { what: 'merge an M copy into an M project', path: 'handlers.mergeCopy.seconds', limit: 10, unit: 's', kind: 'max', at: 'm' },
  { what: 'project file ÷ UTF-8 size of its texts, corpus alone', path: 'fileSize.corpus.ratio', limit: 2, unit: '×', kind: 'max' },
  { what: 'other client during (a+)+$ auto-code, slowest', path: 'freeze.regexAutocode.otherMaxMs', limit: 1000, unit: 'ms', kind: 'max' },
  { what: '(a+)+$ auto-code with 30 a’s, answered', path: 'freeze.regexAutocode.seconds', limit: 2, unit: 's', kind: 'max', at: 's' },
  { what: 'other client during 3,000-term search', path: 'freeze.search3000Terms.otherMaxMs', limit: 1000, unit: 'ms', kind: 'max' },
  { what: 'other client during an 8 MB import', path: 'freeze.import8MB.otherMaxMs', limit: 1000, unit: 'ms', kind: 'max' },
  { what: 'main process peak RSS', path: 'browser.serverPeakRssMB', limit: 500, unit: 'MB', kind: 'max', at: 'l' },
];

export function valueAt(figures: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), figures);
}

export function verdict(budget: Budget, value: unknown): 'within' | 'over' | 'n/a' {
  if (typeof value !== 'number') return 'n/a';
  return (budget.kind === 'max' ? value <= budget.limit : value >= budget.limit) ? 'within' : 'over';
}
