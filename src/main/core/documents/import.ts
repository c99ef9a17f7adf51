import { DECLARATIONS } from '../../../shared/api/declarations.ts';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { FileRef } from '../../../shared/api/contract.ts';
import { DuidingError, isDuidingError } from '../../../shared/errors.ts';
import type { DocumentKind, DuplicatePolicy, ImportedFile, ImportReport, ParticipantsImported, Turn } from '../../../shared/model.ts';
import { canonicalText, countWords } from '../../../shared/text/normalize.ts';
import { newId, now } from '../clock.ts';
import { decodeText } from './importers/decode.ts';
import { MAX_TRANSCRIPT_BYTES, parseTranscript, TRANSCRIPT_EXTENSIONS, type RawTurn } from './importers/index.ts';
import { explainStorageError } from '../db/storage-errors.ts';
import type { Project } from '../project.ts';
import { createPseudonymizer, parsePseudonymList, replacementsSince, type Pseudonymizer } from './pseudonyms.ts';
import { findDocumentByHash, insertDocumentRow, insertTurns } from './store.ts';
import { ensureGuideSection } from '../guide/store.ts';
import { insertGuideSpan } from '../guide/store-spans.ts';
import { findParticipantByName, insertParticipant } from '../participants/store.ts';
import { expandFileRefs, loadFileRef, type LoadedFile } from '../files/files.ts';
import { importParticipantsCsv } from './participants-csv.ts';
import { unconfirmedDocuments } from '../speakers/service.ts';
import { checkpoint, reportProgress } from '../tasks.ts';

export interface ImportOptions {
  files: FileRef[];
  participant?: string;
  kind?: DocumentKind;
  pseudonyms?: FileRef;
  onDuplicate?: DuplicatePolicy;
}

const importDeclaration = DECLARATIONS['documents/import'];
/** What an import fills: the tables `documents/import` declares. */
const IMPORT_TABLES = importDeclaration.kind === 'baseline' ? importDeclaration.writes : [];
/** Turns written between two chances for other callers (see tasks.ts): well under SLICE_MS of work each. */
const TURN_SLICE = 100;

/** Turns joined with a blank line: the canonical text, with each turn's UTF-16 span in it. */
export function assembleText(turns: RawTurn[]): { text: string; turns: Turn[] } {
  const out: Turn[] = [];
  let text = '';
  turns.forEach((turn, position) => {
    if (position > 0) text += '\n\n';
    const start = text.length;
    text += turn.text;
    out.push({ position, speaker: turn.speaker, start, end: text.length, startMs: turn.startMs, endMs: turn.endMs, text: turn.text, ...(turn.page != null ? { page: turn.page } : {}) });
  });
  return { text, turns: out };
}

export function loadPseudonyms(ref: FileRef): Pseudonymizer {
  const file = loadFileRef(ref);
  if (file.bytes.length === 0) throw new DuidingError(`${file.name} is empty: a pseudonym list has rows of "name,pseudonym".`);
  return createPseudonymizer(parsePseudonymList(file.name, canonicalText(decodeText(file.name, file.bytes).text)));
}

function baseName(fileName: string): string {
  return fileName.slice(0, fileName.length - extname(fileName).length) || fileName;
}

/**
 * Imports transcripts and participant tables. Each file is read and parsed outside any transaction
 * and then written in a transaction of its own: a bad file is reported by name with the reason and
 * leaves nothing behind, the others arrive. Participant tables go first so that transcripts can be
 * tied to the participants they name.
 */
export async function importFiles(project: Project, options: ImportOptions): Promise<ImportReport> {
  const pseudonyms = options.pseudonyms ? loadPseudonyms(options.pseudonyms) : null;
  const scrub = (text: string) => (pseudonyms ? pseudonyms.apply(text) : text).normalize('NFC');
  const policy = options.onDuplicate ?? 'fail';
  const pending = expandFileRefs(options.files, [...TRANSCRIPT_EXTENSIONS, '.csv']);
  if (pending.length === 0) throw new DuidingError('No transcript files were found to import.');
  const isCsv = (name: string) => extname(name).toLowerCase() === '.csv';
  const report: ImportReport = { files: [], participants: [], imported: 0, skipped: 0, failed: 0, replacements: [] };
  let done = 0;
  // Between files and between a file's reading, parsing and writing: other callers get their turn, and Cancel ends the batch.
  const next = async (name: string) => {
    await checkpoint();
    reportProgress(done++, pending.length, name);
  };

  for (const file of pending.filter((f) => isCsv(f.name))) {
    await next(file.name);
    let result: ParticipantsImported;
    try {
      result = importParticipantsCsv(project, file.load(), pseudonyms);
    } catch (error) {
      const refused = asRefusal(error, file.name, project);
      result = { file: file.name, status: 'failed', message: refused.message, ...refused.detail, created: 0, updated: 0, attributes: [] };
    }
    report.participants.push(result);
  }

  for (const file of pending.filter((f) => !isCsv(f.name))) {
    await next(file.name);
    const before = pseudonyms?.counts();
    let entry: ImportedFile;
    try {
      const loaded = file.load(MAX_TRANSCRIPT_BYTES);
      await checkpoint();
      entry = await importTranscript(project, loaded, { ...options, policy, scrub });
    } catch (error) {
      const refused = asRefusal(error, file.name, project);
      entry = { file: file.name, status: 'failed', message: refused.message, ...refused.detail };
    }
    if (pseudonyms && entry.status === 'imported') entry.replacements = replacementsSince(pseudonyms, before);
    report.files.push(entry);
    report[entry.status === 'imported' ? 'imported' : entry.status === 'skipped' ? 'skipped' : 'failed']++;
  }
  reportProgress(pending.length, pending.length, '');
  if (pseudonyms) report.replacements = replacementsSince(pseudonyms);
  // Roles are inferred from the project as it now is (participants of this import included).
  if (report.imported > 0) {
    await checkpoint();
    const unconfirmed = unconfirmedDocuments(project.db);
    for (const entry of report.files) if (entry.status === 'imported' && entry.documentId) entry.rolesUnconfirmed = unconfirmed.has(entry.documentId);
  }
  return report;
}

/**
 * One file's failure as the batch reports it. A lock taken by someone else ends the batch; anything
 * else — a bad file, a full disk, even a bug in a reader — is this file's entry in the report, so
 * that one bad .odt can no longer abort a batch and hide which files arrived.
 */
function asRefusal(error: unknown, fileName: string, project: Project): DuidingError {
  if (isDuidingError(error)) {
    if (error.kind === 'locked' || error.kind === 'cancelled') throw error;
    return error;
  }
  const storage = explainStorageError(error, project.path);
  if (storage) return storage;
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new DuidingError(`${fileName} could not be imported: reading it failed unexpectedly (${reason}). Nothing of it was written; please report this file.`, 'input', {
    code: 'readerFailed',
    params: { file: fileName },
  });
}

async function importTranscript(
  project: Project,
  file: LoadedFile,
  options: ImportOptions & { policy: DuplicatePolicy; scrub: (text: string) => string },
): Promise<ImportedFile> {
  const hash = createHash('sha256').update(file.bytes).digest('hex');
  const duplicate = duplicateOutcome(project, file, hash, options.policy);
  if (duplicate) return duplicate;
  const parsed = await parseTranscript(file.name, file.bytes, { kind: options.kind });
  await checkpoint();
  const { text, turns, sections } = scrubbed(parsed, options.scrub);
  const kind = parsed.kind ?? options.kind ?? 'interview';
  const name = options.scrub(baseName(file.name));
  const sourceName = options.scrub(file.name);
  const speakers = [...new Set(turns.flatMap((t) => (t.speaker ? [t.speaker] : [])))];
  const wordCount = countWords(text);
  await checkpoint();

  return project.writeInChunks('documents/import', async () => {
    const participant = resolveParticipant(project, options.participant ? options.scrub(options.participant) : null, speakers);
    const id = newId();
    const importedAt = now();
    const { seq, turns: ordered } = insertDocumentRow(project.db, {
      id,
      name,
      kind,
      participantId: participant?.id ?? null,
      text,
      wordCount,
      sourceName,
      sourceHash: hash,
      importer: parsed.importer,
      importedAt,
      importedBy: project.coder,
      turns,
    });
    // The turns in slices: with their search index, one file's 1,200 turns held every other caller
    // up for 0.3–0.5 s at once (issue 16, the freeze timings of an 8 MB import).
    for (let from = 0; from < ordered.length; from += TURN_SLICE) {
      await checkpoint();
      insertTurns(project.db, seq, ordered.slice(from, from + TURN_SLICE));
    }
    writeSectionSpans(project, id, sections, turns, importedAt);
    const result: ImportedFile = {
      file: file.name,
      status: 'imported',
      documentId: id,
      name,
      importer: parsed.importer,
      kind,
      ...(sections.length ? { sections: sections.map((s) => s.title) } : {}),
      ...(turns.some((t) => t.page != null) ? { pages: Math.max(...turns.map((t) => t.page ?? 0)) } : {}),
      turns: turns.length,
      words: wordCount,
      speakers,
      participant: participant?.name ?? null,
      ...(parsed.notes.length ? { notes: parsed.notes } : {}),
    };
    return {
      result,
      summary: `Imported "${name}" (${turns.length} turns, ${wordCount} words)`,
      detail: { documentId: id, sourceName, importer: parsed.importer },
    };
    // A baseline: the new document's rows (its text above all) are not copied into the history.
  }, { kind: 'baseline', tables: IMPORT_TABLES });
}

/** A file already imported (same content): skipped or refused as the policy says; null to import it (again). */
function duplicateOutcome(project: Project, file: LoadedFile, hash: string, policy: DuplicatePolicy): ImportedFile | null {
  const duplicate = findDocumentByHash(project.db, hash);
  if (!duplicate || policy === 'add') return null;
  const message = `${file.name} was already imported as "${duplicate.name}" (same content).`;
  const base = { file: file.name, duplicateOf: duplicate.name, documentId: duplicate.id };
  if (policy === 'skip') return { ...base, status: 'skipped', message };
  return {
    ...base,
    status: 'failed',
    message: `${message} Use --on-duplicate skip to leave it out or --on-duplicate add to import it again.`,
  };
}

/** The transcript with its pseudonyms applied: the document's text, its turns, its sections. */
function scrubbed(parsed: Awaited<ReturnType<typeof parseTranscript>>, scrub: (text: string) => string) {
  const all = parsed.turns.map((turn) => ({ ...turn, text: scrub(turn.text), speaker: turn.speaker === null ? null : scrub(turn.speaker) }));
  // A turn a pseudonym emptied goes; the sections keep the turns they had (index before → after).
  const after: number[] = [];
  let kept = 0;
  for (const turn of all) {
    after.push(kept);
    if (turn.text !== '') kept++;
  }
  after.push(kept);
  const { text, turns } = assembleText(all.filter((turn) => turn.text !== ''));
  const sections = (parsed.sections ?? [])
    .map((section) => ({ title: scrub(section.title), from: after[section.from]!, to: after[section.to]! }))
    .filter((section) => section.to > section.from);
  return { text, turns, sections };
}

/** An observation's dated entries: each a guide section (by its date) spanning the entry's turns. */
function writeSectionSpans(
  project: Project,
  documentId: string,
  sections: Array<{ title: string; from: number; to: number }>,
  turns: ReturnType<typeof assembleText>['turns'],
  importedAt: string,
): void {
  for (const section of sections) {
    insertGuideSpan(project.db, {
      id: newId(),
      documentId,
      sectionId: ensureGuideSection(project.db, section.title),
      questionId: null,
      start: turns[section.from]!.start,
      end: turns[section.to - 1]!.end,
      createdBy: project.coder,
      createdAt: importedAt,
    });
  }
}

/**
 * The participant a document belongs to: the one named at import (created if new), or else the one
 * participant whose name is one of the document's speakers.
 */
function resolveParticipant(project: Project, named: string | null, speakers: string[]): { id: string; name: string } | null {
  if (named) return findParticipantByName(project.db, named) ?? { id: insertParticipant(project.db, named), name: named };
  const matches = new Map(speakers.flatMap((s) => {
    const found = findParticipantByName(project.db, s);
    return found ? [[found.id, found] as const] : [];
  }));
  return matches.size === 1 ? [...matches.values()][0]! : null;
}
