/**
 * Protecting the participants' data (issue 24): withdrawing a participant or a document, backups,
 * safe copies and the audit. The shapes the core answers with.
 */

/** Who or what is withdrawn: a participant (with every document and turn of theirs) or one document. */
export type WithdrawTarget = { participantId: string } | { documentId: string };

/** A document that stays, with the turns of the withdrawn participant taken out (a focus group). */
export interface WithdrawPartial {
  id: string;
  name: string;
  turns: number;
  /** Segments that covered their words and another's: they keep only the other's words. */
  segmentsShortened: number;
}

/** Where a removed segment was used beyond its codings; `name` is the concept, tension, question or report section. */
export interface WithdrawUse {
  where: 'outline' | 'tension' | 'concept' | 'learningQuestion';
  name: string;
  count: number;
}

/** What a withdrawal removes, counted before the researcher confirms. */
export interface WithdrawPreview {
  target: { kind: 'participant' | 'document'; id: string; name: string };
  /** Documents removed whole (the participant's own interviews). */
  documents: Array<{ id: string; name: string }>;
  /** Documents that stay without the participant's turns. */
  partial: WithdrawPartial[];
  turns: number;
  words: number;
  /** Segments removed (with their codings and every quote of them). */
  segments: number;
  codings: number;
  segmentsShortened: number;
  /** Quotes and other uses of the removed segments, per concept, tension, learning question and report section. */
  uses: WithdrawUse[];
  /** Report items removed (the quotes of the outline). */
  outlineItems: number;
  /** Memos on the participant, their documents and the removed segments. */
  memos: number;
  guideMarks: number;
  attributeValues: number;
  /** Labels that keep no coding at all once the segments go (an in-vivo label of their words, say). */
  emptiedLabels: string[];
  /** Lines of the change log and the export log that name what goes: rewritten, and the purge says so. */
  auditLines: number;
}

export interface WithdrawResult extends WithdrawPreview {
  applied: boolean;
}

export interface BackupEntry {
  /** The backup's name in its folder, without the extension: its time (UTC). */
  id: string;
  at: string;
  bytes: number;
}

/** How often backups are made and how many are kept. */
export interface BackupPolicy {
  /** A backup at the first write after opening, then after this many minutes of writing. */
  everyMinutes: number;
  /** Backups of today kept (the latest). */
  keepToday: number;
  /** One backup a day kept for this many days before today. */
  keepDays: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { everyMinutes: 10, keepToday: 5, keepDays: 7 };

/** A project in a folder that a sync service or a network drive may change under SQLite's feet. */
export interface StorageWarning {
  kind: 'synced' | 'network';
  /** OneDrive, Dropbox, Google Drive, iCloud, or the network file system (nfs, cifs, …). */
  service: string;
}

export interface BackupList {
  /** The folder beside the project that holds them (its name, and its full path where a host may show it). */
  folder: string;
  folderName: string;
  entries: BackupEntry[];
  policy: BackupPolicy;
  warning: StorageWarning | null;
  /** When the last purge replaced the backups made before it (a backup never brings a removed name back). */
  purgedAt: string | null;
}

/** One line of the audit: a write (with the tables it changed) or an export (what, as what, which documents). */
export interface AuditEntry {
  kind: 'write' | 'export';
  id: number;
  at: string;
  coder: string;
  action: string;
  summary: string;
  tables: string[];
  format: string | null;
  documents: string[];
}

export interface CopyResult {
  fileName: string;
  bytes: number;
  path?: string;
  base64?: string;
}
