/**
 * Protecting the participants' data (issue 24): withdrawal (a purging write after a preview),
 * backups that restore, a safe copy at any moment, and the audit of writes and exports.
 */
import { z } from 'zod';
import type { AuditEntry, BackupList, CopyResult, WithdrawPreview, WithdrawResult } from '../protect.ts';
import type { ProtectHandlerName } from './names-protect.ts';
import { def, id, type Def } from './def.ts';

const target = z.union([z.object({ participantId: id }).strict(), z.object({ documentId: id }).strict()]);
const backupId = z.string().regex(/^[0-9TZ-]{15,40}$/, 'a backup id as `duiding backups` lists it');

export const protectContract = {
  /** What withdrawing a participant or a document removes, counted; writes nothing. */
  'withdraw/preview': def<WithdrawPreview>()(target),
  /** Withdraws them: one purging write, undoable until the project is closed or purged, then gone from the file. */
  'withdraw/apply': def<WithdrawResult>()(target),
  /** The project's backups, newest first, with the policy and a warning for a synced or network folder. */
  'backups/list': def<BackupList>()(z.object({}).strict()),
  /** Makes a backup now (checked with integrity_check before it is kept). */
  'backups/make': def<BackupList>()(z.object({}).strict()),
  /** Replaces the project with a backup and opens it; the state it replaces is backed up first. */
  'backups/restore': def<BackupList>()(z.object({ id: backupId }).strict()),
  /** How often backups are made and how many are kept. */
  'backups/configure': def<BackupList>()(
    z
      .object({
        everyMinutes: z.number().int().min(1).max(24 * 60),
        keepToday: z.number().int().min(1).max(100),
        keepDays: z.number().int().min(0).max(365),
      })
      .strict(),
  ),
  /** A consistent, self-contained copy of the project now (WAL included); to `out`, or answered as bytes for a download. */
  'project/copy': def<CopyResult>()(z.object({ out: z.string().min(1).optional() }).strict()),
  /** The audit: writes and exports, newest first. */
  'audit/list': def<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict()),
} as const satisfies Record<ProtectHandlerName, Def<z.ZodType, unknown>>;
