import type { Db } from '../db/database.ts';
import { rewriteJson } from '../pseudonymise/places.ts';
import { auditLines, rewriteAuditLine, type AuditLine } from './store.ts';
import type { Removal } from './plan.ts';

/**
 * The audit's lines may name what a withdrawal removes: a summary names a document or a participant
 * and quotes a segment's first words ("Coded “ik vond dat…” in "Interview Katrien""); an export's
 * entry lists the documents it held. Those stretches are rewritten to WITHDRAWN — the one change the
 * append-only triggers allow, inside a purging write — and the purge's own entry records it.
 */
export const WITHDRAWN = '[withdrawn]';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Two letters are too few to be sure a match is the name (a short pseudonym such as "An"). */
const MIN_NAME = 2;

function rewriter(removal: Removal): (text: string) => string {
  const names = removal.names.filter((n) => n.trim().length >= MIN_NAME).sort((a, b) => b.length - a.length);
  const pattern = names.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  const texts = removal.texts;
  return (text: string) => {
    // A quoted stretch of the removed words (a segment's or a guide mark's first words).
    let out = text.replace(/“([^”]*)”/g, (whole, quoted: string) => {
      const words = quoted.replace(/…$/, '');
      return words.trim().length > 0 && texts.some((t) => t.includes(words)) ? `“${WITHDRAWN}”` : whole;
    });
    if (pattern) out = out.replace(pattern, WITHDRAWN);
    return out;
  };
}

function rewriteLine(line: AuditLine, rewrite: (text: string) => string, documentIds: ReadonlySet<string>): AuditLine | null {
  if (line.table === 'change_log') {
    const a = rewrite(line.a);
    const b = line.b === null ? null : (rewriteJson(line.b, rewrite) ?? (/^\s*[[{]/.test(line.b) ? line.b : rewrite(line.b)));
    return a !== line.a || b !== line.b ? { ...line, a, b } : null;
  }
  const documents = JSON.parse(line.a) as Array<{ id: string; name: string }>;
  const kept = documents.map((d) => (documentIds.has(d.id) ? { id: d.id, name: WITHDRAWN } : { ...d, name: rewrite(d.name) }));
  const a = JSON.stringify(kept);
  const b = line.b === null ? null : rewrite(line.b);
  return a !== line.a || b !== line.b ? { ...line, a, b } : null;
}

function rewrites(db: Db, removal: Removal): AuditLine[] {
  const rewrite = rewriter(removal);
  const documentIds = new Set(removal.documentIds);
  return auditLines(db)
    .map((line) => rewriteLine(line, rewrite, documentIds))
    .filter((line): line is AuditLine => line !== null);
}

export function countAuditRewrites(db: Db, removal: Removal): number {
  return rewrites(db, removal).length;
}

/** Rewrites every audit line that names what goes; inside the purging write. Answers how many. */
export function rewriteAudit(db: Db, removal: Removal): number {
  const lines = rewrites(db, removal);
  for (const line of lines) rewriteAuditLine(db, line);
  return lines.length;
}
