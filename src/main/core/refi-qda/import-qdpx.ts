import { createHash } from 'node:crypto';
import { checkpoint, reportProgress } from '../tasks.ts';
import type { FileRef } from '../../../shared/api/def.ts';
import { DuidingError, isDuidingError } from '../../../shared/errors.ts';
import type { ImportedSource, QdpxImportReport, UnplacedSelection } from '../../../shared/interchange.ts';
import { SPEAKER_ROLES, type AttributeType, type AttributeValue, type SpeakerRole, type Turn } from '../../../shared/model.ts';
import { nextColour } from '../../../shared/palette.ts';
import { lexicalFromPlainText } from '../../../shared/lexical-plain.ts';
import { richTextProblem } from '../../../shared/lexical-validate.ts';
import { countWords } from '../../../shared/text/normalize.ts';
import { newId, now } from '../clock.ts';
import { decodeText } from '../documents/importers/decode.ts';
import { TRACKED_TABLES } from '../history/tracked.ts';
import { MAX_TEXT_LENGTH } from '../documents/importers/index.ts';
import type { Project } from '../project.ts';
import { insertDocument, linkDocumentToParticipant } from '../documents/store.ts';
import { idsInUse, insertMemoAsRecorded, insertParticipantAs, projectContents, setAttributePosition, setLabelPosition } from './store.ts';
import { insertLabel, updateLabelRow } from '../codebook/store.ts';
import { writeMeta } from '../db/meta.ts';
import { ensureAttribute, setNamedAttribute } from '../participants/store.ts';
import { insertCoding, insertSegment } from '../coding/store.ts';
import { importedCoder } from '../coders/service.ts';
import { insertSpeaker } from '../speakers/store.ts';
import { loadFileRef } from '../files/files.ts';
import { conceptsFromSets, importAnalysis } from './analysis-exchange.ts';
import { decodeBlock, DUIDING_NOTE_NAME, type DuidingBlock } from './duiding-block.ts';
import { colourOf } from './colour.ts';
import { chooseUnit, mapText, place, type MappedText } from './offsets.ts';
import { readProject, type QdeCode, type QdeProject, type QdeSelection, type QdeSource, type VariableType } from './qde-read.ts';
import { MAX_QDPX_BYTES, openQdpx, type QdpxPackage } from './qdpx-package.ts';
import type { ZipLimits } from './zip.ts';

/**
 * Imports a REFI-QDA project (.qdpx, or a bare .qde) into an empty Duiding project: everything is
 * read and checked first, then written in one `project.write` — one transaction and one undo
 * step, so a file that fails half-way leaves nothing behind.
 */
export interface ImportQdpxOptions {
  /** Take the project's title from the file (a project made with `new --from`). */
  adoptTitle?: boolean;
  limits?: ZipLimits;
}

const MAX_LABEL = 200;
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

interface SourceText {
  mapped: MappedText;
  hash: string;
  from: string;
}

/** Reads a text source's content: inline, or a file the archive holds (never one outside it). */
// eslint-disable-next-line no-control-regex
const SOURCE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function readSourceText(pkg: QdpxPackage, source: QdeSource, controlsReplaced: Set<string>): SourceText | string {
  if (source.plainTextContent !== null) {
    // XML parsing has already turned its line ends into \n.
    return { mapped: mapText(source.plainTextContent, false), hash: sha256(source.plainTextContent), from: 'inline PlainTextContent' };
  }
  if (!source.plainTextPath) return 'it names no text (no plainTextPath or PlainTextContent)';
  const file = pkg.find(source.plainTextPath);
  if (typeof file === 'string') return file;
  const hasBom = file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf;
  try {
    const decoded = decodeText(`${pkg.fileName}: ${file.name}`, file.bytes).text;
    // Control characters (a NUL) become spaces, not nothing: the other program's positions count them.
    const text = decoded.replace(SOURCE_CONTROLS, ' ');
    if (text !== decoded) controlsReplaced.add(file.name);
    if (text.length > MAX_TEXT_LENGTH) return `its text ${file.name} has ${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_TEXT_LENGTH.toLocaleString('en-US')} per document`;
    return { mapped: mapText(text, hasBom), hash: sha256(file.bytes), from: file.name };
  } catch (error) {
    if (!isDuidingError(error)) throw error;
    return error.message;
  }
}

/** Paragraphs as turns, without speakers: offsets must stay exactly where the other tool put them. */
function paragraphTurns(text: string): Turn[] {
  const turns: Turn[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    const line = match[0];
    if (line.trim() === '') continue;
    turns.push({ position: turns.length, speaker: null, start: match.index, end: match.index + line.length, startMs: null, endMs: null, text: line });
  }
  return turns;
}

const ATTRIBUTE_TYPE: Record<VariableType, AttributeType> = { Text: 'text', Boolean: 'boolean', Integer: 'number', Float: 'number', Date: 'date', DateTime: 'text' };

function valueOf(type: VariableType, raw: string): AttributeValue | null {
  const value = raw.trim();
  if (value === '') return null;
  switch (type) {
    case 'Boolean':
      return /^(true|1|yes)$/i.test(value) ? true : /^(false|0|no)$/i.test(value) ? false : value;
    case 'Integer':
    case 'Float': {
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
    case 'Date':
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
    default:
      return value.normalize('NFC');
  }
}

function flattenCodes(codes: QdeCode[], parent: QdeCode | null, out: Array<{ code: QdeCode; parent: QdeCode | null; index: number }>): typeof out {
  codes.forEach((code, index) => {
    out.push({ code, parent, index });
    flattenCodes(code.children, code, out);
  });
  return out;
}

/**
 * Rich text from a file is checked like rich text from the API: a node type Duiding's editor does
 * not have (a `link`, perhaps to `javascript:`) would blank the window. Refused values are replaced
 * by their plain text, and the report says which.
 */
function checkedRich(json: string, what: string, adapted: string[]): string | null {
  const problem = richTextProblem(json);
  if (!problem) return json;
  adapted.push(`The rich text of ${what} was refused (${problem}); its plain text was kept.`);
  return null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function importQdpx(project: Project, file: FileRef, options: ImportQdpxOptions = {}): Promise<QdpxImportReport> {
  const loaded = loadFileRef(file, MAX_QDPX_BYTES);
  const pkg = openQdpx(loaded.name, loaded.bytes, { limits: options.limits });
  const qde = readProject(pkg.qdeName, pkg.root);

  const contents = projectContents(project.db);
  if (contents.documents + contents.labels + contents.participants > 0) {
    const what = [
      contents.documents && plural(contents.documents, 'document'),
      contents.labels && plural(contents.labels, 'label'),
      contents.participants && plural(contents.participants, 'participant'),
    ].filter(Boolean);
    throw new DuidingError(
      `${loaded.name} can only be imported into an empty project, and ${project.name} already has ${what.join(', ')}. Create a new project from it instead (duiding new FILE --from ${loaded.name}).`,
      'input',
      { code: 'qdpxNotEmpty', params: { file: loaded.name, project: project.name } },
    );
  }

  // Read every source's text before anything is written.
  const texts = new Map<QdeSource, SourceText | string>();
  const controlsReplaced = new Set<string>();
  for (const [index, source] of qde.sources.entries()) {
    // Between sources other callers get their turn, and Cancel ends it before anything is written.
    await checkpoint();
    reportProgress(index, qde.sources.length, source.name);
    if (source.kind === 'text') texts.set(source, readSourceText(pkg, source, controlsReplaced));
  }
  await checkpoint();
  reportProgress(qde.sources.length, qde.sources.length, '');
  const noteTexts = new Map<string, string>();
  for (const note of qde.notes) {
    if (note.text !== null) noteTexts.set(note.guid, note.text);
    else if (note.plainTextPath) {
      const found = pkg.find(note.plainTextPath);
      if (typeof found !== 'string') {
        try {
          noteTexts.set(note.guid, decodeText(found.name, found.bytes).text);
        } catch {
          // An unreadable note file is reported below as a note without text.
        }
      }
    }
  }
  const blockNote = qde.notes.find((n) => n.name === DUIDING_NOTE_NAME && decodeBlock(noteTexts.get(n.guid) ?? '') !== null);
  const block: DuidingBlock | null = blockNote ? decodeBlock(noteTexts.get(blockNote.guid)!) : null;

  // Written source by source, other callers answered in between; one transaction, one entry.
  return project.writeInChunks('interchange/importQdpx', async () => {
    const report = await writeProject(project, qde, texts, noteTexts, block, blockNote?.guid ?? null, loaded.name);
    if (controlsReplaced.size) {
      report.adapted.push(`Control characters (such as NUL) in ${[...controlsReplaced].map((n) => `"${n}"`).join(', ')} were replaced by spaces, which keeps every position in place.`);
    }
    if (options.adoptTitle) {
      const title = (block?.title || qde.name).trim();
      if (title) writeMeta(project.db, { title });
    }
    return {
      result: report,
      summary: `Imported REFI-QDA project "${qde.name || loaded.name}" (${plural(report.counts.documents, 'document')}, ${plural(report.counts.labels, 'label')}, ${plural(report.counts.codings, 'coding')})`,
      detail: { file: loaded.name, origin: qde.origin, counts: report.counts },
    };
    // A baseline: the import starts a new undo history, and its rows (the texts above all) are not
    // copied into the history.
  }, { kind: 'baseline', tables: TRACKED_TABLES });
}

type MemoTarget = { kind: 'project' | 'document' | 'participant' | 'label' | 'segment'; id: string | null };
type DescriptionMemo = { kind: 'project' | 'document' | 'participant' | 'segment'; id: string | null; title: string; text: string; by: string; at: string };
type Speakers = NonNullable<DuidingBlock['documents'][string]['speakers']>;

/** What the import's steps share: the file, the rows written so far by GUID, and the report being built. */
interface ImportContext {
  project: Project;
  db: Project['db'];
  qde: QdeProject;
  block: DuidingBlock | null;
  fileName: string;
  at: string;
  adapted: string[];
  notImported: string[];
  unplaced: UnplacedSelection[];
  /** The file's GUID as the Duiding id where it is free; a fresh id where it repeats. */
  idFor: (guid: string) => string;
  /** The file's users' names by GUID. */
  users: Map<string, string>;
  /** The first of these users' names, or the project's coder. */
  coderOf: (...guids: string[]) => string;
  labels: Map<string, { id: string; name: string }>;
  sourceReports: ImportedSource[];
  skippedKinds: Record<string, number>;
  documents: Map<string, string>;
  speakersOf: Map<string, Speakers>;
  caseIds: Map<string, string>;
  segmentIds: Map<string, string>;
  memoTargets: Map<string, MemoTarget>;
  descriptionMemos: DescriptionMemo[];
  tally: {
    codingsMade: number;
    collapsed: number;
    codingsUnplaced: number;
    codingsWithoutCode: number;
    codingsOnSkipped: number;
    selectionsMerged: number;
    uncodedSegments: number;
    selectionsInFile: number;
    participants: number;
    speakerRows: number;
    memos: number;
    concepts: number;
  };
}

async function writeProject(
  project: Project,
  qde: QdeProject,
  texts: Map<QdeSource, SourceText | string>,
  noteTexts: Map<string, string>,
  block: DuidingBlock | null,
  blockNoteGuid: string | null,
  fileName: string,
): Promise<QdpxImportReport> {
  const ctx = importContext(project, qde, block, fileName);
  writeCoders(ctx);
  const codes = writeCodebook(ctx);
  await writeSources(ctx, codes, texts);
  reportSources(ctx);
  const cases = writeParticipants(ctx);
  writeSpeakers(ctx);
  reportParticipants(ctx, cases);
  writeNotes(ctx, noteTexts, blockNoteGuid);
  writeAnalysis(ctx);
  return importReport(ctx, codes.length, cases.attributes);
}

function importContext(project: Project, qde: QdeProject, block: DuidingBlock | null, fileName: string): ImportContext {
  const taken = idsInUse(project.db);
  const idFor = (guid: string): string => {
    const id = guid && !taken.has(guid) ? guid : newId();
    taken.add(id);
    return id;
  };
  const users = new Map<string, string>();
  for (const user of qde.users) {
    const name = (user.name.trim() || `User ${user.guid.slice(0, 8)}`).normalize('NFC');
    users.set(user.guid, name);
  }
  const coderOf = (...guids: string[]): string => {
    for (const guid of guids) {
      const name = users.get(guid);
      if (name) return name;
    }
    return project.coder;
  };
  return {
    project,
    db: project.db,
    qde,
    block,
    fileName,
    at: now(),
    adapted: [],
    notImported: [],
    unplaced: [],
    idFor,
    users,
    coderOf,
    labels: new Map(),
    sourceReports: [],
    skippedKinds: {},
    documents: new Map(),
    speakersOf: new Map(),
    caseIds: new Map(),
    segmentIds: new Map(),
    memoTargets: new Map(),
    descriptionMemos: [],
    tally: {
      codingsMade: 0,
      collapsed: 0,
      codingsUnplaced: 0,
      codingsWithoutCode: 0,
      codingsOnSkipped: 0,
      selectionsMerged: 0,
      uncodedSegments: 0,
      selectionsInFile: 0,
      participants: 0,
      speakerRows: 0,
      memos: 0,
      concepts: 0,
    },
  };
}

/** Users → coders. */
function writeCoders({ db, qde, block, at, users }: ImportContext): void {
  // A file Duiding wrote lists its coders itself (its users also name whoever exported it); another tool's users all are coders.
  if (block) for (const c of block.coders) importedCoder(db, c.name, c.firstSeen);
  else for (const name of new Set(users.values())) importedCoder(db, name, qde.created ?? at);
}

type FlatCode = { code: QdeCode; parent: QdeCode | null; index: number };

/** Codes → labels, in the file's order and hierarchy. */
function writeCodebook(ctx: ImportContext): FlatCode[] {
  const { db, project, block, at, adapted, labels } = ctx;
  const siblingNames = new Map<string, Set<string>>();
  const colours: string[] = [];
  let renamed = 0;
  let nonCodable = 0;
  let truncated = 0;
  const codes = flattenCodes(ctx.qde.codes, null, []);
  for (const { code, parent, index } of codes) {
    const parentId = parent ? (labels.get(parent.guid)?.id ?? null) : null;
    let name = code.name.trim().normalize('NFC') || `Code ${index + 1}`;
    if (name.length > MAX_LABEL) {
      name = name.slice(0, MAX_LABEL);
      truncated++;
    }
    const siblings = siblingNames.get(parentId ?? '') ?? new Set<string>();
    siblingNames.set(parentId ?? '', siblings);
    const base = name;
    for (let n = 2; siblings.has(name.toLocaleLowerCase()); n++) name = `${base} (${n})`;
    if (name !== base) renamed++;
    siblings.add(name.toLocaleLowerCase());
    if (!code.codable) nonCodable++;
    const extra = block?.labels[code.guid];
    const colour = colourOf(code.colour) ?? nextColour(colours);
    colours.push(colour);
    const id = ctx.idFor(code.guid);
    insertLabel(db, {
      id,
      name,
      parentId,
      colour,
      definition: code.description.normalize('NFC'),
      inclusion: extra?.inclusion ?? '',
      exclusion: extra?.exclusion ?? '',
      example: extra?.example ?? '',
      origin: extra?.origin ?? 'a-priori',
      round: extra?.round ?? 1,
      createdBy: extra?.createdBy ?? project.coder,
      createdAt: extra?.createdAt ?? at,
    });
    setLabelPosition(db, id, extra?.position ?? index);
    const definitionRich = extra?.definitionRich ? checkedRich(extra.definitionRich, `the definition of code "${name}"`, adapted) : null;
    if (definitionRich) updateLabelRow(db, id, { definitionRich });
    if (code.guid) labels.set(code.guid, { id, name });
  }
  if (renamed) adapted.push(`${plural(renamed, 'code')} shared a name with a sibling (names are unique per parent in Duiding) and got a number added, e.g. "name (2)".`);
  if (truncated) adapted.push(`${plural(truncated, 'code name')} longer than ${MAX_LABEL} characters ${truncated === 1 ? 'was' : 'were'} shortened.`);
  if (nonCodable) {
    adapted.push(
      `${plural(nonCodable, 'code')} marked not codable (folders for other codes) came in as ordinary labels that keep their sub-labels; Duiding lets every label be used for coding.`,
    );
  }
  if (!block && codes.length) adapted.push(`Codes from another program arrive as a-priori labels of round 1.`);
  return codes;
}

/** A note referred to from an object goes on that object (the first reference wins). */
function noteRef(ctx: ImportContext, refs: string[], target: MemoTarget): void {
  for (const ref of refs) if (!ctx.memoTargets.has(ref)) ctx.memoTargets.set(ref, target);
}

function unplacedOf(ctx: ImportContext, source: string, selection: QdeSelection, reason: UnplacedSelection['reason']): UnplacedSelection {
  const { labels } = ctx;
  return {
    source,
    selectionGuid: selection.guid,
    startPosition: selection.start,
    endPosition: selection.end,
    name: selection.name,
    codes: selection.codings.flatMap((c) => (c.codeGuid && labels.get(c.codeGuid) ? [labels.get(c.codeGuid)!.name] : [])),
    reason,
  };
}

/** Sources → documents, selections → segments, codings → codings. */
async function writeSources(ctx: ImportContext, codes: FlatCode[], texts: Map<QdeSource, SourceText | string>): Promise<void> {
  const { qde, labels } = ctx;
  noteRef(ctx, qde.noteRefs, { kind: 'project', id: null });
  for (const { code } of codes) if (labels.has(code.guid)) noteRef(ctx, code.noteRefs, { kind: 'label', id: labels.get(code.guid)!.id });

  for (const [index, source] of qde.sources.entries()) {
    await checkpoint();
    reportProgress(index, qde.sources.length, source.name);
    ctx.tally.selectionsInFile += source.selections.length;
    const name = (source.name.trim() || (source.plainTextPath ?? source.path ?? '').replace(/^.*[\\/]/, '') || `Source ${ctx.sourceReports.length + 1}`).normalize('NFC');
    const entry: ImportedSource = { name, status: 'imported', kind: source.kind, selections: source.selections.length, segments: 0, codings: 0, unplaced: 0 };
    ctx.sourceReports.push(entry);
    if (source.kind !== 'text') {
      skipSource(ctx, source, entry);
      continue;
    }
    const text = texts.get(source)!;
    if (typeof text === 'string' || text.mapped.text.trim() === '') {
      skipTextless(ctx, source, entry, text);
      continue;
    }
    const documentId = writeDocument(ctx, source, entry, text);
    writeSelections(ctx, source, entry, text.mapped, documentId);
  }
}

/** A source of a kind Duiding does not hold (audio, PDF, picture): counted, not written. */
function skipSource(ctx: ImportContext, source: QdeSource, entry: ImportedSource): void {
  entry.status = 'skipped';
  entry.reason = `Duiding holds text only; this is ${source.kind === 'audio' ? 'an audio' : source.kind === 'pdf' ? 'a PDF' : `a ${source.kind}`} source`;
  entry.selections = source.otherSelections;
  ctx.skippedKinds[source.kind] = (ctx.skippedKinds[source.kind] ?? 0) + 1;
  ctx.tally.codingsOnSkipped += source.otherCodings;
}

/** A text source whose text could not be read, or is empty: its selections are unplaced. */
function skipTextless(ctx: ImportContext, source: QdeSource, entry: ImportedSource, text: SourceText | string): void {
  const allCodings = source.codings.length + source.selections.reduce((n, s) => n + s.codings.length, 0);
  entry.status = typeof text === 'string' ? 'missing' : 'skipped';
  entry.reason = typeof text === 'string' ? text : 'its text is empty';
  if (typeof text !== 'string') ctx.skippedKinds.empty = (ctx.skippedKinds.empty ?? 0) + 1;
  for (const selection of source.selections) ctx.unplaced.push(unplacedOf(ctx, entry.name, selection, 'no-text'));
  entry.unplaced = source.selections.length;
  ctx.tally.codingsUnplaced += allCodings;
}

function writeDocument(ctx: ImportContext, source: QdeSource, entry: ImportedSource, text: SourceText): string {
  const { db, project, qde, at } = ctx;
  const { mapped } = text;
  const extra = ctx.block?.documents[source.guid];
  const textHash = sha256(mapped.text);
  const turns = extra && extra.textHash === textHash ? extra.turns : paragraphTurns(mapped.text);
  const documentId = ctx.idFor(source.guid);
  // The speakers' roles belong to the turns they were set on: a text changed elsewhere has new turns.
  if (extra?.speakers && extra.textHash === textHash) ctx.speakersOf.set(documentId, extra.speakers);
  insertDocument(db, {
    id: documentId,
    name: entry.name,
    kind: extra?.kind ?? 'interview',
    participantId: null,
    text: mapped.text,
    wordCount: countWords(mapped.text),
    sourceName: extra?.sourceName ?? text.from,
    sourceHash: extra?.sourceHash ?? text.hash,
    importer: extra?.importer ?? 'refi-qda',
    importedAt: extra?.importedAt ?? at,
    importedBy: extra?.importedBy ?? project.coder,
    turns,
  });
  ctx.documents.set(source.guid, documentId);
  entry.documentId = documentId;
  noteRef(ctx, source.noteRefs, { kind: 'document', id: documentId });
  if (source.description.trim()) {
    ctx.descriptionMemos.push({ kind: 'document', id: documentId, title: 'Description', text: source.description, by: ctx.coderOf(source.userGuid, qde.creatingUserGuid), at: source.created ?? at });
  }
  return documentId;
}

/** A document's selections → segments (one per span), their codings → codings (one per label and coder). */
function writeSelections(ctx: ImportContext, source: QdeSource, entry: ImportedSource, mapped: MappedText, documentId: string): void {
  const { db, qde, at, labels, tally, coderOf } = ctx;
  const unit = chooseUnit(mapped, source.selections, qde.origin);
  entry.unit = unit;
  const bySpan = new Map<string, string>();
  const segmentOf = (start: number, end: number, guid: string, by: string, created: string): string => {
    const key = `${start}:${end}`;
    const existing = bySpan.get(key);
    if (existing) {
      tally.selectionsMerged++;
      return existing;
    }
    const id = ctx.idFor(guid);
    insertSegment(db, { id, documentId, start, end, text: mapped.text.slice(start, end), createdBy: by, createdAt: created });
    bySpan.set(key, id);
    entry.segments++;
    return id;
  };
  const seen = new Set<string>();
  const code = (segmentId: string, coding: QdeSelection['codings'][number], fallbackUser: string) => {
    const label = coding.codeGuid ? labels.get(coding.codeGuid) : undefined;
    if (!label) {
      tally.codingsWithoutCode++;
      return;
    }
    const coder = coderOf(coding.userGuid, fallbackUser, qde.creatingUserGuid);
    const key = `${segmentId}|${label.id}|${coder}`;
    if (seen.has(key)) {
      tally.collapsed++;
      return;
    }
    seen.add(key);
    insertCoding(db, { id: ctx.idFor(coding.guid), segmentId, labelId: label.id, coder: importedCoder(db, coder, coding.created ?? at), createdAt: coding.created ?? at });
    tally.codingsMade++;
    entry.codings++;
    noteRef(ctx, coding.noteRefs, { kind: 'segment', id: segmentId });
  };

  if (source.codings.length > 0) {
    const whole = segmentOf(0, mapped.text.length, source.guid ? `${source.guid}-whole` : '', coderOf(source.userGuid, qde.creatingUserGuid), source.created ?? at);
    for (const coding of source.codings) code(whole, coding, source.userGuid);
  }
  for (const selection of source.selections) {
    const spot = place(mapped, unit, selection.start, selection.end);
    if (typeof spot === 'string') {
      ctx.unplaced.push(unplacedOf(ctx, entry.name, selection, spot));
      entry.unplaced++;
      tally.codingsUnplaced += selection.codings.length;
      continue;
    }
    const by = coderOf(selection.userGuid, qde.creatingUserGuid);
    const segmentId = segmentOf(spot.start, spot.end, selection.guid, by, selection.created ?? at);
    ctx.segmentIds.set(selection.guid, segmentId);
    if (selection.codings.length === 0) tally.uncodedSegments++;
    for (const coding of selection.codings) code(segmentId, coding, selection.userGuid);
    noteRef(ctx, selection.noteRefs, { kind: 'segment', id: segmentId });
    if (selection.description.trim()) {
      ctx.descriptionMemos.push({ kind: 'segment', id: segmentId, title: '', text: selection.description, by, at: selection.created ?? at });
    }
  }
}

/** What the sources step adapted or left out, for the report. */
function reportSources(ctx: ImportContext): void {
  const { adapted, notImported, unplaced, sourceReports, skippedKinds } = ctx;
  const { selectionsMerged, collapsed, uncodedSegments, codingsWithoutCode, codingsOnSkipped } = ctx.tally;
  // Segments that now carry no coding at all are uncoded quotations (selections without codes, or whose codes were all missing).
  if (selectionsMerged) adapted.push(`${plural(selectionsMerged, 'selection')} covering exactly the same text as another became one segment with all their codings (NVivo writes one selection per coding).`);
  if (collapsed) adapted.push(`${plural(collapsed, 'coding')} repeated the same code on the same text by the same coder and ${collapsed === 1 ? 'was' : 'were'} kept once.`);
  if (uncodedSegments) adapted.push(`${plural(uncodedSegments, 'selection')} without any code ${uncodedSegments === 1 ? 'is' : 'are'} kept as ${uncodedSegments === 1 ? 'a segment' : 'segments'} without labels.`);
  const nonStandard = sourceReports.filter((s) => s.unit && (s.unit.unit !== 'codepoint' || s.unit.crlf !== 2 || s.unit.bom));
  for (const s of nonStandard) {
    const u = s.unit!;
    adapted.push(`"${s.name}": positions were read as ${u.unit === 'utf16' ? 'UTF-16 units' : 'code points'}${u.crlf === 1 ? ', \\r\\n as one' : ''}${u.bom ? ', BOM counted' : ''} (${u.evidence}).`);
  }
  if (codingsWithoutCode) notImported.push(`${plural(codingsWithoutCode, 'coding')} named no code, or a code the file does not define.`);
  const skippedText = Object.entries(skippedKinds).filter(([k]) => k !== 'empty');
  if (skippedText.length) {
    notImported.push(
      `${plural(skippedText.reduce((n, [, c]) => n + c, 0), 'source')} of kinds Duiding does not hold were skipped (${skippedText.map(([k, c]) => `${c} ${k}`).join(', ')}), with ${plural(codingsOnSkipped, 'coding')} on them.`,
    );
  }
  if (skippedKinds.empty) notImported.push(`${plural(skippedKinds.empty, 'text source')} with an empty text ${skippedKinds.empty === 1 ? 'was' : 'were'} skipped.`);
  const missing = sourceReports.filter((s) => s.status === 'missing');
  if (missing.length) notImported.push(`${plural(missing.length, 'text source')} could not be read: ${missing.map((s) => `"${s.name}" (${s.reason})`).join('; ')}.`);
  if (unplaced.length) {
    notImported.push(`${plural(unplaced.length, 'selection')} could not be placed in ${unplaced.length === 1 ? 'its' : 'their'} text; they are listed in the report and in a memo on the project.`);
  }
}

interface CaseTally {
  attributes: number;
  participantRenamed: number;
  doubleCase: number;
  caseRefsIgnored: number;
}

/** Cases → participants with typed attributes; a case's sources are its documents. */
function writeParticipants(ctx: ImportContext): CaseTally {
  const { db, qde, at } = ctx;
  const attributeFor = variableAttributes(ctx);
  const variables = new Map(qde.variables.map((v) => [v.guid, v]));
  const participantNames = new Set<string>();
  const tally: CaseTally = { attributes: 0, participantRenamed: 0, doubleCase: 0, caseRefsIgnored: 0 };
  const linked = new Set<string>();
  for (const [index, c] of qde.cases.entries()) {
    let name = (c.name.trim() || `Case ${index + 1}`).normalize('NFC');
    const base = name;
    for (let n = 2; participantNames.has(name.toLocaleLowerCase()); n++) name = `${base} (${n})`;
    if (name !== base) tally.participantRenamed++;
    participantNames.add(name.toLocaleLowerCase());
    const id = ctx.idFor(c.guid);
    insertParticipantAs(db, { id, name, createdAt: at });
    ctx.tally.participants++;
    for (const value of c.values) {
      const attribute = attributeFor(value.variableGuid, value.type);
      const v = valueOf(variables.get(value.variableGuid)?.type ?? value.type, value.value);
      if (!attribute || v === null) continue;
      // By name: a value that does not fit the variable's type turns the attribute into text rather than being lost.
      setNamedAttribute(db, id, variables.get(value.variableGuid)!.name.trim().normalize('NFC'), v);
    }
    for (const ref of c.sourceRefs) {
      const documentId = ctx.documents.get(ref);
      if (!documentId) continue;
      if (linked.has(documentId)) {
        tally.doubleCase++;
        continue;
      }
      linked.add(documentId);
      linkDocumentToParticipant(db, documentId, id);
    }
    tally.caseRefsIgnored += c.codeRefs + c.selectionRefs;
    if (c.description.trim()) ctx.descriptionMemos.push({ kind: 'participant', id, title: 'Description', text: c.description, by: ctx.project.coder, at });
    ctx.memoTargets.set(`case:${c.guid}`, { kind: 'participant', id });
    ctx.caseIds.set(c.guid, id);
  }
  tally.attributes = attributeFor.count();
  return tally;
}

/**
 * Variables → attributes, each made once, in the file's order and at the positions Duiding's block
 * gives. Returns the attribute of a variable (by GUID), made on first use.
 */
function variableAttributes({ db, qde, block }: ImportContext) {
  const variables = new Map(qde.variables.map((v) => [v.guid, v]));
  const attributeIds = new Map<string, { id: string; type: AttributeType }>();
  const attributeFor = (guid: string, fallbackType: VariableType): { id: string; type: AttributeType } | null => {
    const cached = attributeIds.get(guid);
    if (cached) return cached;
    const variable = variables.get(guid);
    if (!variable || !variable.name.trim()) return null;
    const attribute = ensureAttribute(db, variable.name.trim().normalize('NFC'), ATTRIBUTE_TYPE[variable.type ?? fallbackType]);
    const made = { id: attribute.id, type: attribute.type };
    attributeIds.set(guid, made);
    return made;
  };
  for (const variable of qde.variables) attributeFor(variable.guid, variable.type);
  for (const a of block?.attributes ?? []) {
    const found = [...attributeIds.entries()].find(([guid]) => variables.get(guid)?.name === a.name);
    if (found) setAttributePosition(db, found[1].id, a.position);
  }
  return Object.assign(attributeFor, { count: () => attributeIds.size });
}

/** Speakers' roles as the researcher set them, from Duiding's block; the rest are inferred as at any import. */
function writeSpeakers(ctx: ImportContext): void {
  const { db, speakersOf, block } = ctx;
  // A file written before roles had a place of their own carries them as rows of the table.
  const oldRows = block?.analysis?.tables?.speakers;
  if (speakersOf.size === 0 && Array.isArray(oldRows)) {
    const byGuid = new Map([...ctx.documents].map(([guid, id]) => [guid.toLowerCase(), id]));
    for (const row of oldRows) {
      const documentId = typeof row.document_id === 'string' ? byGuid.get(row.document_id.toLowerCase()) : undefined;
      if (!documentId) continue;
      const list = speakersOf.get(documentId) ?? [];
      list.push({ name: row.name as string, role: row.role as SpeakerRole, participant: (row.participant_id as string | null) ?? null, confirmed: row.confirmed === 1 });
      speakersOf.set(documentId, list);
    }
  }
  let speakersRefused = 0;
  for (const [documentId, speakers] of speakersOf) {
    const seen = new Set<string>();
    for (const s of Array.isArray(speakers) ? speakers : []) {
      const valid = s && typeof s.name === 'string' && s.name.trim() !== '' && (SPEAKER_ROLES as readonly string[]).includes(s.role) && !seen.has(s.name);
      if (!valid) {
        speakersRefused++;
        continue;
      }
      seen.add(s.name);
      // A case another tool removed leaves a participant speaker without one, not a broken reference.
      const participantId = s.role === 'participant' && typeof s.participant === 'string' ? (ctx.caseIds.get(s.participant) ?? null) : null;
      insertSpeaker(db, { id: newId(), documentId, name: s.name.normalize('NFC'), role: s.role, participantId, confirmed: s.confirmed === true });
      ctx.tally.speakerRows++;
    }
  }
  if (speakersRefused) ctx.notImported.push(`${plural(speakersRefused, 'speaker role')} in the Duiding data note ${speakersRefused === 1 ? 'was' : 'were'} damaged and left out; ${speakersRefused === 1 ? 'its role is' : 'their roles are'} inferred as at any import.`);
}

function reportParticipants({ qde, adapted, notImported }: ImportContext, { participantRenamed, doubleCase, caseRefsIgnored }: CaseTally): void {
  if (participantRenamed) adapted.push(`${plural(participantRenamed, 'case')} shared a name with another and got a number added.`);
  if (doubleCase) adapted.push(`${plural(doubleCase, 'document')} belonged to more than one case; in Duiding a document belongs to one participant, the first case.`);
  if (caseRefsIgnored) notImported.push(`${plural(caseRefsIgnored, 'code or selection reference')} of cases ${caseRefsIgnored === 1 ? 'was' : 'were'} not imported (Duiding ties participants to documents).`);
  const sourceValues = qde.sources.reduce((n, s) => n + s.variableValues.length, 0);
  if (sourceValues) notImported.push(`${plural(sourceValues, 'variable value')} on sources (rather than cases) ${sourceValues === 1 ? 'was' : 'were'} not imported: Duiding keeps attributes on participants.`);
}

/** Notes → memos, on what refers to them (NoteRef, or a link from the note); the rest on the project. */
function writeNotes(ctx: ImportContext, noteTexts: Map<string, string>, blockNoteGuid: string | null): void {
  const { db, qde, block, at, adapted, memoTargets, coderOf } = ctx;
  const objects = noteObjects(ctx);
  let emptyNotes = 0;
  const readableCopies = new Set(block?.analysis?.noteGuids ?? []);
  for (const note of qde.notes) {
    if (note.guid === blockNoteGuid || readableCopies.has(note.guid)) continue;
    const body = [note.description.trim(), (noteTexts.get(note.guid) ?? '').trim()].filter(Boolean).join('\n\n').normalize('NFC');
    const title = note.name.trim().normalize('NFC');
    if (!body && !title) {
      emptyNotes++;
      continue;
    }
    const extra = block?.memos[note.guid];
    let target = memoTargets.get(note.guid) ?? { kind: 'project' as const, id: null };
    if (extra) {
      const restored = extra.targetKind === 'project' ? { kind: 'project' as const, id: null } : [...objects.values()].find((o) => o.kind === extra.targetKind && o.id === extra.targetId);
      if (restored) target = restored;
    }
    insertMemoAsRecorded(db, {
      id: ctx.idFor(note.guid),
      targetKind: target.kind,
      targetId: target.id,
      title: extra?.title ?? title,
      bodyRich: (extra?.bodyRich && checkedRich(extra.bodyRich, `the note "${(extra.title ?? title ?? '').slice(0, 60)}"`, adapted)) || lexicalFromPlainText(body),
      bodyText: body,
      createdBy: extra?.createdBy ?? coderOf(note.userGuid, qde.creatingUserGuid),
      createdAt: extra?.createdAt ?? note.created ?? at,
      updatedBy: extra?.updatedBy ?? coderOf(note.modifyingUserGuid, note.userGuid, qde.creatingUserGuid),
      updatedAt: extra?.updatedAt ?? note.modified ?? note.created ?? at,
    });
    ctx.tally.memos++;
  }
  if (emptyNotes) ctx.notImported.push(`${plural(emptyNotes, 'note')} without a name or text ${emptyNotes === 1 ? 'was' : 'were'} left out.`);
  writeDescriptionMemos(ctx);
}

/** The objects a note can be on, by GUID; a note a link ties to one of them goes on it. */
function noteObjects({ qde, labels, documents, segmentIds, memoTargets }: ImportContext) {
  const objects = new Map<string, { kind: 'document' | 'participant' | 'label' | 'segment'; id: string }>();
  for (const [guid, label] of labels) objects.set(guid, { kind: 'label', id: label.id });
  for (const [guid, id] of documents) objects.set(guid, { kind: 'document', id });
  for (const [guid, id] of segmentIds) objects.set(guid, { kind: 'segment', id });
  for (const c of qde.cases) {
    const target = memoTargets.get(`case:${c.guid}`);
    if (target?.id) objects.set(c.guid, { kind: 'participant', id: target.id });
  }
  for (const link of qde.links) {
    const target = objects.get(link.target) ?? objects.get(link.origin);
    const note = qde.notes.some((n) => n.guid === link.origin) ? link.origin : qde.notes.some((n) => n.guid === link.target) ? link.target : null;
    if (note && target && !memoTargets.has(note)) memoTargets.set(note, target);
  }
  return objects;
}

/** Descriptions of sources, selections, cases and the project, and the selections not placed, as memos. */
function writeDescriptionMemos(ctx: ImportContext): void {
  const { db, project, qde, at, adapted, unplaced, descriptionMemos, fileName, coderOf } = ctx;
  if (qde.description.trim()) descriptionMemos.push({ kind: 'project', id: null, title: 'Project description', text: qde.description, by: coderOf(qde.creatingUserGuid), at: qde.created ?? at });
  for (const d of descriptionMemos) {
    const text = d.text.trim().normalize('NFC');
    insertMemoAsRecorded(db, { id: newId(), targetKind: d.kind, targetId: d.id, title: d.title, bodyRich: lexicalFromPlainText(text), bodyText: text, createdBy: d.by, createdAt: d.at, updatedBy: d.by, updatedAt: d.at });
    ctx.tally.memos++;
  }
  if (descriptionMemos.length) adapted.push(`${plural(descriptionMemos.length, 'description')} of sources, selections, cases or the project became memos on them.`);
  if (unplaced.length) {
    const lines = unplaced.map((u) => `${u.source}: positions ${u.startPosition}–${u.endPosition}${u.name ? ` "${u.name}"` : ''}${u.codes.length ? ` [${u.codes.join(', ')}]` : ''} (${u.reason})`);
    const text = `These selections from ${fileName} could not be placed in their text:\n${lines.join('\n')}`;
    insertMemoAsRecorded(db, { id: newId(), targetKind: 'project', targetId: null, title: `Selections not placed (${fileName})`, bodyRich: lexicalFromPlainText(text), bodyText: text, createdBy: project.coder, createdAt: at, updatedBy: project.coder, updatedAt: at });
    ctx.tally.memos++;
  }
}

/** Rounds 2 and 3: exactly, from Duiding's own block; from another tool, its code sets become concepts. */
function writeAnalysis(ctx: ImportContext): void {
  const { db, project, qde, block, at, adapted, notImported } = ctx;
  const codeSets = qde.sets.filter((s) => s.codes.length > 0);
  const otherSets = qde.sets.length - codeSets.length;
  if (block?.analysis) {
    const { restored, refused } = importAnalysis(db, block.analysis.tables);
    ctx.tally.concepts = restored.concepts ?? 0;
    if (refused) notImported.push(`${plural(refused, 'object')} of the guide or rounds 2 and 3 referred to something no longer in the file and ${refused === 1 ? 'was' : 'were'} left out.`);
  } else if (codeSets.length) {
    const labelIds = new Map([...ctx.labels].map(([guid, l]) => [guid, l.id]));
    const concepts = conceptsFromSets(db, codeSets, labelIds, project.coder, at);
    ctx.tally.concepts = concepts;
    adapted.push(`${plural(concepts, 'code set')} (groups of codes) became ${concepts === 1 ? 'a concept' : 'concepts'} of round 2 with ${concepts === 1 ? 'its' : 'their'} codes as labels.`);
  }
  if (otherSets) notImported.push(`${plural(otherSets, 'set')} of documents or notes (or empty) ${otherSets === 1 ? 'has' : 'have'} no counterpart in Duiding and ${otherSets === 1 ? 'was' : 'were'} not imported.`);
  const plainLinks = qde.links.filter((l) => !qde.notes.some((n) => n.guid === l.origin || n.guid === l.target)).length;
  if (plainLinks) notImported.push(`${plural(plainLinks, 'link')} between objects ${plainLinks === 1 ? 'was' : 'were'} not imported.`);
  if (qde.graphs) notImported.push(`${plural(qde.graphs, 'graph')} (network views) ${qde.graphs === 1 ? 'was' : 'were'} not imported.`);
  if (qde.namespace && qde.namespace !== 'urn:QDA-XML:project:1.0') adapted.push(`The file uses the older namespace ${qde.namespace}; it was read as REFI-QDA 1.0.`);
}

function importReport(ctx: ImportContext, codes: number, attributes: number): QdpxImportReport {
  const { qde, tally, sourceReports } = ctx;
  const codingsInFile =
    qde.sources.reduce((n, s) => n + s.codings.length + s.otherCodings + s.selections.reduce((m, sel) => m + sel.codings.length, 0), 0);
  return {
    file: ctx.fileName,
    origin: qde.origin,
    projectName: qde.name,
    counts: {
      users: qde.users.length,
      codes,
      labels: ctx.labels.size,
      sources: qde.sources.length,
      documents: ctx.documents.size,
      selections: tally.selectionsInFile,
      segments: sourceReports.reduce((n, s) => n + s.segments, 0),
      codingsInFile,
      codings: tally.codingsMade,
      codingsCollapsed: tally.collapsed,
      codingsUnplaced: tally.codingsUnplaced,
      codingsWithoutCode: tally.codingsWithoutCode,
      codingsOnSkippedSources: tally.codingsOnSkipped,
      notes: qde.notes.length,
      memos: tally.memos,
      cases: qde.cases.length,
      participants: tally.participants,
      variables: qde.variables.length,
      attributes,
      sets: qde.sets.length,
      concepts: tally.concepts,
      speakerRoles: tally.speakerRows,
    },
    sources: sourceReports,
    skippedKinds: ctx.skippedKinds,
    adapted: ctx.adapted,
    notImported: ctx.notImported,
    unplaced: ctx.unplaced,
  };
}
