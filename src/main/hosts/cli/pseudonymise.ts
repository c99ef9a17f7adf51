import { resolve } from 'node:path';
import type { NamesFound, PseudonymisePreview, PseudonymiseResult } from '../../../shared/pseudonymise.ts';
import { dispatch } from '../../core/handlers.ts';
import type { Session } from '../../core/session.ts';

/** The CLI's `pseudonymise` and `names` commands (issue 23). */
interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const n = (value: number) => value.toLocaleString('en-US');

function printPreview(preview: PseudonymisePreview, out: Output): void {
  for (const doc of preview.documents) {
    out.stdout(`${doc.name}${doc.renamed ? ` → "${doc.renamed}"` : ''}: ${doc.replacements.map((r) => `${r.name} → ${r.pseudonym} ×${n(r.count)}`).join(', ')}${doc.segmentsMoved ? `; ${n(doc.segmentsMoved)} segments follow` : ''}`);
    for (const example of doc.examples) out.stdout(`    ${example.before}\n  → ${example.after}`);
  }
  for (const place of preview.elsewhere) out.stdout(`${place.place}: ${n(place.count)} replacement${place.count === 1 ? '' : 's'}`);
}

/**
 * `duiding pseudonymise FILE --pseudonyms LIST.csv [--dry-run] [--json]`: the replacements per
 * document; `--dry-run` opens the project read-only and changes nothing. Without it the names leave
 * the file when the command ends (the session's close purges).
 */
export async function pseudonymiseCommand(session: Session, file: string, list: string, dryRun: boolean, json: boolean, out: Output): Promise<number> {
  const project = session.open(file, dryRun);
  for (const notice of project.notices) out.stderr(`notice: ${notice}`);
  if (!json) project.events.on('progress', ({ done, total, item }) => out.stderr(`  ${done}/${total} ${item}`));
  const args = { list: { path: resolve(list) } };
  const result = dryRun
    ? { ...((await dispatch(session, 'pseudonyms/preview', args)) as PseudonymisePreview), applied: false }
    : ((await dispatch(session, 'pseudonyms/apply', args)) as PseudonymiseResult);
  if (json) {
    out.stdout(JSON.stringify({ ...result, dryRun }, null, 2));
    return 0;
  }
  printPreview(result, out);
  if (result.total === 0) out.stdout('No name of the list occurs in the project: nothing changed.');
  else if (dryRun) out.stdout(`${n(result.total)} replacements would be made (--dry-run: nothing changed).`);
  else out.stdout(`Made ${n(result.total)} replacements. The replaced names are purged from ${project.name} as this command ends.`);
  return 0;
}

/** `duiding names FILE [--json]`: name-like phrases not yet pseudonymised, most frequent first. */
export async function namesCommand(session: Session, file: string, json: boolean, out: Output): Promise<number> {
  session.open(file, true);
  const found = (await dispatch(session, 'names/find', {})) as NamesFound;
  if (json) {
    out.stdout(JSON.stringify({ names: found.names }, null, 2));
    return 0;
  }
  if (found.names.length === 0) out.stdout('No names found that are not pseudonymised.');
  for (const name of found.names) out.stdout(`${String(name.count).padStart(5)}  ${name.name}  (${name.documents.join(', ')})`);
  return 0;
}
