import { resolve } from 'node:path';
import type { MergeReport } from '../../../shared/merge.ts';
import { dispatch } from '../../core/handlers.ts';
import type { Session } from '../../core/session.ts';

interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `duiding merge FILE OTHER.duiding [--pseudonyms LIST.csv] [--json]`: another copy's work into this project (issue 25). */
export async function mergeCommand(session: Session, file: string, other: string, options: { pseudonyms?: string; json: boolean }, out: Output): Promise<number> {
  session.open(file);
  for (const notice of session.project.notices) out.stderr(notice);
  const report = (await dispatch(session, 'merge/apply', {
    file: { path: resolve(other) },
    ...(options.pseudonyms ? { pseudonyms: { path: resolve(options.pseudonyms) } } : {}),
  })) as MergeReport;
  if (options.json) {
    out.stdout(JSON.stringify(report, null, 2));
    return 0;
  }
  out.stdout(report.changed ? `Merged ${report.file} into ${session.project.name}.` : `Nothing new in ${report.file}: the project is unchanged.`);
  const added = Object.entries(report.added).filter(([, n]) => n > 0);
  out.stdout(`Came in: ${added.length ? added.map(([t, n]) => `${n} ${t.replace(/_/g, ' ')}`).join(', ') : 'nothing'}.`);
  out.stdout(`Matched: ${Object.entries(report.matched).map(([t, n]) => `${n} ${t.replace(/_/g, ' ')}`).join(', ') || 'nothing'}.`);
  out.stdout(`Codings: ${report.codings.added} brought in, ${report.codings.matched} already here.`);
  for (const d of report.documents.matched.filter((m) => m.textDiffers)) out.stdout(`Transcript "${d.name}" differs in the other copy: this copy's text is kept, its segments placed by their words.`);
  for (const u of report.unplaced) out.stdout(`Not placed: ${plural(u.segments, 'segment')} (${plural(u.codings, 'coding')}) on "${u.document}", whose words are not in this copy's text.`);
  if (report.documents.withdrawn || report.withdrawnParticipants) out.stdout(`Left out as withdrawn here: ${plural(report.documents.withdrawn, 'document')}, ${plural(report.withdrawnParticipants, 'participant')}.`);
  for (const c of report.coders.filter((c) => c.added)) out.stdout(`New coder: ${c.name} (${c.id}).`);
  for (const p of report.labelProposals) out.stdout(`Both made a label "${p.ours.name}": merge them in the codebook if they are one (this copy's ${p.ours.id}, the other's ${p.theirs.id}).`);
  if (report.conflicts.length) {
    out.stdout(`${plural(report.conflicts.length, 'conflict')}; this copy's version kept:`);
    for (const c of report.conflicts) {
      for (const f of c.fields) out.stdout(`  ${c.table} "${c.name}" ${f.field}: here "${f.ours}", there "${f.theirs}"`);
    }
  }
  return 0;
}
