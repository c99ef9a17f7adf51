import { resolve } from 'node:path';
import type { BackupEntry, CopyResult, WithdrawPreview, WithdrawResult } from '../../../shared/protect.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { DocumentSummary, Participant } from '../../../shared/model.ts';
import { backupFolder, completeRestore, listBackups, makeBackup, setDamagedAside, stageRestore } from '../../core/backups/backups.ts';
import { readPolicy } from '../../core/backups/store.ts';
import { storageWarning } from '../../core/backups/synced.ts';
import { dispatch } from '../../core/handlers.ts';
import { Project } from '../../core/project.ts';
import type { Session } from '../../core/session.ts';

/** The CLI's `remove`, `backups` and `copy` commands (issue 24). */
interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const n = (value: number) => value.toLocaleString('en-US');
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

function printWithdrawal(preview: WithdrawPreview, out: Output): void {
  out.stdout(`${preview.target.kind === 'participant' ? 'Participant' : 'Document'} "${preview.target.name}":`);
  for (const d of preview.documents) out.stdout(`  document "${d.name}" goes whole`);
  for (const p of preview.partial) out.stdout(`  "${p.name}": ${plural(p.turns, 'turn')} of theirs go${p.segmentsShortened ? `; ${plural(p.segmentsShortened, 'segment')} keep only the others' words` : ''}`);
  out.stdout(`  ${plural(preview.turns, 'turn')}, ${plural(preview.words, 'word')}; ${plural(preview.segments, 'segment')} with ${plural(preview.codings, 'coding')}`);
  for (const use of preview.uses) out.stdout(`  ${use.where} "${use.name}": ${plural(use.count, 'quote')}`);
  out.stdout(`  ${plural(preview.outlineItems, 'report item')}, ${plural(preview.memos, 'memo')}, ${plural(preview.guideMarks, 'guide mark')}, ${plural(preview.attributeValues, 'attribute value')}`);
  if (preview.emptiedLabels.length) out.stdout(`  labels left without codings: ${preview.emptiedLabels.join(', ')}`);
  out.stdout(`  ${plural(preview.auditLines, 'audit line')} naming them rewritten`);
}

/** A participant or document by name (case ignored) or id. */
function byName<T extends { id: string; name: string }>(list: T[], wanted: string, what: string): T {
  const lower = wanted.toLocaleLowerCase('nl');
  const found = list.find((x) => x.id === wanted) ?? list.find((x) => x.name.toLocaleLowerCase('nl') === lower);
  if (!found) throw new DuidingError(`There is no ${what} "${wanted}"; the ${what}s are: ${list.map((x) => x.name).join(', ') || 'none'}.`);
  return found;
}

/**
 * `duiding remove FILE (--document NAME | --participant NAME) [--dry-run] [--json]`: prints what goes;
 * without --dry-run it goes, and leaves the file for good as the command ends (the close purges).
 */
export async function removeCommand(session: Session, file: string, values: { document?: string; participant?: string; dryRun: boolean; json: boolean }, out: Output): Promise<number> {
  if ((values.document === undefined) === (values.participant === undefined)) throw new DuidingError('Give exactly one of --document NAME or --participant NAME.', 'usage');
  const project = session.open(file, values.dryRun);
  for (const notice of project.notices) out.stderr(`notice: ${notice}`);
  let target;
  if (values.participant !== undefined) {
    const { participants } = (await dispatch(session, 'participants/list', {})) as { participants: Participant[] };
    target = { participantId: byName(participants, values.participant, 'participant').id };
  } else {
    const documents = (await dispatch(session, 'documents/list', {})) as DocumentSummary[];
    target = { documentId: byName(documents, values.document!, 'document').id };
  }
  const result = values.dryRun
    ? { ...((await dispatch(session, 'withdraw/preview', target)) as WithdrawPreview), applied: false }
    : ((await dispatch(session, 'withdraw/apply', target)) as WithdrawResult);
  if (values.json) {
    out.stdout(JSON.stringify({ ...result, dryRun: values.dryRun }, null, 2));
    return 0;
  }
  printWithdrawal(result, out);
  out.stdout(values.dryRun ? '--dry-run: nothing changed.' : `Removed. What went is purged from ${project.name} as this command ends, and its older backups are replaced.`);
  return 0;
}

function printBackups(file: string, entries: BackupEntry[], out: Output): void {
  out.stdout(`Backups of ${file} in ${backupFolder(file)}:`);
  if (entries.length === 0) out.stdout('  none yet (one is made at the first change after opening, and at close).');
  for (const e of entries) out.stdout(`  ${e.id}  ${new Date(e.at).toLocaleString('en-GB')}  ${n(e.bytes)} bytes`);
}

/**
 * `duiding backups FILE [--restore ID|latest] [--json]`: lists the backups; --restore puts one in the
 * project's place. Works on a damaged project, which is set aside (FILE.damaged-TIME) rather than
 * overwritten; a sound one is backed up first, so a restore can itself be taken back.
 */
export async function backupsCommand(session: Session, file: string, restore: string | undefined, json: boolean, out: Output): Promise<number> {
  const path = resolve(file);
  const warning = storageWarning(path);
  if (warning) out.stderr(`warning: ${path} lies in ${warning.kind === 'synced' ? `a folder kept by ${warning.service}` : `a network drive (${warning.service})`}; a sync or network copy can damage an open project. Keep projects on the computer's own disk.`);
  if (restore === undefined) {
    const entries = listBackups(path);
    if (json) out.stdout(JSON.stringify({ folder: backupFolder(path), entries, warning }, null, 2));
    else printBackups(path, entries, out);
    return 0;
  }
  const staged = stageRestore(path, restore);
  let aside: string | null = null;
  try {
    const project = Project.open(path, { coder: session.coder });
    try {
      if (project.db.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('damaged');
      makeBackup(project, readPolicy(project.db));
    } finally {
      project.close();
    }
  } catch (error) {
    if (error instanceof DuidingError && error.kind === 'locked') throw error;
    aside = setDamagedAside(path);
  }
  completeRestore(path, staged);
  const info = (await dispatch(session, 'project/open', { path, readOnly: true })) as { codings: number; documents: number };
  const result = { restored: restore, path, aside, documents: info.documents, codings: info.codings };
  if (json) out.stdout(JSON.stringify(result, null, 2));
  else out.stdout(`Restored ${path} from backup ${restore} (${plural(info.documents, 'document')}, ${plural(info.codings, 'coding')}).${aside ? ` The damaged file was kept as ${aside}.` : ''}`);
  return 0;
}

/** `duiding copy FILE OUT`: a consistent, self-contained copy, also while another process writes. */
export async function copyCommand(session: Session, file: string, target: string, json: boolean, out: Output): Promise<number> {
  session.open(file, true);
  const result = (await dispatch(session, 'project/copy', { out: resolve(target) })) as CopyResult;
  if (json) out.stdout(JSON.stringify(result, null, 2));
  else out.stdout(`Wrote ${result.path} (${n(result.bytes)} bytes).`);
  return 0;
}
