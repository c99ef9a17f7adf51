import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip } from 'fflate';
import type { AttributeDefinition, Memo } from '../../../shared/model.ts';
import { now } from '../clock.ts';
import type { Project } from '../project.ts';
import { getDocument, listDocuments } from '../documents/store.ts';
import { documentHashes, selectionRows } from './store.ts';
import { labelRows, type LabelRow } from '../codebook/store.ts';
import { listMemos } from '../memos/store.ts';
import { listAttributes, listParticipants } from '../participants/store.ts';
import { allCoders } from '../coders/store.ts';
import { storedSpeakers } from '../speakers/store.ts';
import { exportAnalysis } from './analysis-exchange.ts';
import { blockFooter, blockHeader, DUIDING_NOTE_NAME, type BlockDocument, type BlockSpeaker } from './duiding-block.ts';
import { guidOf } from './guids.ts';
import { ZipNativeDeflate } from './zip.ts';
import { el, endTag, escapeText, serialize, startTag, textEl, XML_DECLARATION, type XmlNode } from './xml.ts';

/**
 * Writes the whole project as a REFI-QDA 1.0 project (.qdpx) that validates against Project.xsd:
 * elements in the schema's order, no empty containers, positions in code points of the exported
 * text (which is Duiding's canonical text, so no unit is in doubt), texts as UTF-8 under `sources/`.
 *
 * Streamed (issue 19): each table is read once, its rows written as they are read, and the zip
 * leaves in chunks through `write`. A transcript's text goes into the zip as soon as it is read;
 * the project.qde, whose first element (the users) is known only at the end, is spooled to a
 * temporary file meanwhile and copied into the zip last. Built whole in memory, the export of an
 * M project took 2.5 s and 351 MB.
 */
export const ORIGIN = 'Duiding 0.1';
export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

/** UTF-16 offset → code point offset, for one text. */
function codePointIndex(text: string): (offset: number) => number {
  const index = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    index[i] = cp;
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair shares its code point with the high half.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) cp++;
    else index[i] = cp - 1;
  }
  index[text.length] = cp;
  return (offset) => index[offset]!;
}

const snippet = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
};

const userGuid = (name: string) => guidOf(`user:${name}`);

function variableType(attribute: AttributeDefinition, values: unknown[]): string {
  switch (attribute.type) {
    case 'boolean':
      return 'Boolean';
    case 'date':
      return 'Date';
    case 'number':
      return values.every((v) => Number.isInteger(v)) ? 'Integer' : 'Float';
    default:
      return 'Text';
  }
}

const encoder = new TextEncoder();
const SPOOL_CHUNK = 1 << 20;

/** Text collected in a temporary file, written in pieces of some 256 kB and read back in 1 MB chunks. */
class Spool {
  private readonly fd: number;
  private parts: string[] = [];
  private length = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w+');
  }
  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length > 1 << 18) this.flush();
  }
  private flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.length = 0;
  }
  /** Everything added so far, chunk by chunk from the start (the spool is not added to afterwards). */
  drain(take: (bytes: Uint8Array) => void): void {
    this.flush();
    const buffer = Buffer.allocUnsafe(SPOOL_CHUNK);
    for (let at = 0; ; ) {
      const n = readSync(this.fd, buffer, 0, SPOOL_CHUNK, at);
      if (n === 0) break;
      take(buffer.subarray(0, n).slice());
      at += n;
    }
  }
  /** Copies another spool's content onto this one's end. */
  append(other: Spool): void {
    this.flush();
    other.drain((bytes) => writeSync(this.fd, bytes));
  }
  close(): void {
    closeSync(this.fd);
  }
}

/**
 * An element written only once it has a child: REFI-QDA allows no empty containers, and whether a
 * source has selections or notes is known only when its rows have been read.
 */
function lazyElement(out: Spool, name: string, attrs: XmlNode['attrs'], depth: number) {
  let open = false;
  return {
    child(text: string) {
      if (!open) out.add(`${startTag(name, attrs, depth)}\n`);
      open = true;
      out.add(`${text}\n`);
    },
    end() {
      out.add(open ? `${endTag(name, depth)}\n` : `${startTag(name, attrs, depth, true)}\n`);
    },
  };
}

export interface QdpxExport {
  bytes: Uint8Array;
  counts: Record<string, number>;
}

/** The export in one piece, for a download through the page and for tests. */
export function exportQdpx(project: Project): QdpxExport {
  const chunks: Uint8Array[] = [];
  const counts = writeQdpx(project, (chunk) => chunks.push(chunk));
  return { bytes: Buffer.concat(chunks), counts };
}

/** Writes the .qdpx through `write`, chunk by chunk; returns what it holds, by kind. */
export function writeQdpx(project: Project, write: (chunk: Uint8Array) => void): Record<string, number> {
  const spoolDir = mkdtempSync(join(tmpdir(), 'duiding-qdpx-'));
  const body = new Spool(join(spoolDir, 'project.qde'));
  const blockDocuments = new Spool(join(spoolDir, 'documents.json'));
  try {
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      write(chunk);
    });
    const counts = writeProject(project, zip, body, blockDocuments);
    zip.end();
    return counts;
  } finally {
    body.close();
    blockDocuments.close();
    rmSync(spoolDir, { recursive: true, force: true });
  }
}

/** What the export's steps share: the project's small tables, read whole, and the spools being written. */
interface ExportContext {
  project: Project;
  db: Project['db'];
  meta: ReturnType<Project['meta']>;
  zip: Zip;
  body: Spool;
  blockDocuments: Spool;
  labels: LabelRow[];
  memos: Memo[];
  participants: ReturnType<typeof listParticipants>;
  attributes: AttributeDefinition[];
  documents: ReturnType<typeof listDocuments>;
  coders: ReturnType<typeof allCoders>;
  /** The NoteRefs to the memos on an object. */
  noteRefs: (kind: Memo['target']['kind'], id: string | null) => XmlNode[];
  /** A user's GUID, the user noted for the .qde's Users. */
  note: (name: string) => string | undefined;
  userNames: Set<string>;
  /** Writes an element into the .qde's body. */
  node: (n: XmlNode, depth: number) => void;
}

function writeProject(project: Project, zip: Zip, body: Spool, blockDocuments: Spool): Record<string, number> {
  const ctx = exportContext(project, zip, body, blockDocuments);
  writeCodebook(ctx);
  writeCases(ctx);
  const { selections, codings } = writeSources(ctx);
  const analysis = exportAnalysis(ctx.db);
  const blockGuid = writeNotes(ctx, analysis);
  writeLinks(ctx, analysis, blockGuid);
  writeQde(ctx);
  return {
    codes: ctx.labels.length,
    sources: ctx.documents.length,
    selections,
    codings,
    notes: ctx.memos.length + analysis.notes.length + 1,
    cases: ctx.participants.length,
    variables: ctx.attributes.length,
    concepts: analysis.sets.length,
  };
}

function exportContext(project: Project, zip: Zip, body: Spool, blockDocuments: Spool): ExportContext {
  const db = project.db;
  const meta = project.meta();
  // The small tables, whole: the code tree is written in its own order, and memos are referred to
  // from everything they are written on.
  const labels = labelRows(db);
  const memos = listMemos(db, meta.title);
  const participants = listParticipants(db);
  const attributes = listAttributes(db);
  const documents = listDocuments(db);
  // Every coder's name, aliases included (a united coder's codings may still name the alias).
  const coders = allCoders(db);
  const memosOn = new Map<string, string[]>();
  for (const m of memos) {
    const key = `${m.target.kind}:${m.target.id ?? ''}`;
    memosOn.set(key, [...(memosOn.get(key) ?? []), m.id]);
  }
  const noteRefs = (kind: Memo['target']['kind'], id: string | null) => (memosOn.get(`${kind}:${id ?? ''}`) ?? []).map((memoId) => el('NoteRef', { targetGUID: guidOf(memoId) }));

  const userNames = new Set<string>([project.coder, meta.createdBy].filter(Boolean));
  for (const c of coders) userNames.add(c.name);
  const note = (name: string) => {
    if (name) userNames.add(name);
    return name ? userGuid(name) : undefined;
  };
  const node = (n: XmlNode, depth: number) => body.add(`${serialize(n, depth)}\n`);
  return { project, db, meta, zip, body, blockDocuments, labels, memos, participants, attributes, documents, coders, noteRefs, note, userNames, node };
}

/** The codebook, as a tree in the order of the labels' positions. */
function writeCodebook({ labels, body, noteRefs, node }: ExportContext): void {
  const byParent = new Map<string | null, LabelRow[]>();
  for (const label of labels) {
    const list = byParent.get(label.parentId) ?? [];
    list.push(label);
    byParent.set(label.parentId, list);
  }
  const codeNode = (label: LabelRow): XmlNode =>
    el('Code', { guid: guidOf(label.id), name: label.name, isCodable: true, color: label.colour }, [
      label.definition ? textEl('Description', label.definition) : null,
      ...noteRefs('label', label.id),
      ...(byParent.get(label.id) ?? []).map(codeNode),
    ]);
  const topLabels = byParent.get(null) ?? [];
  if (topLabels.length) {
    body.add(`${startTag('CodeBook', {}, 1)}\n${startTag('Codes', {}, 2)}\n`);
    for (const label of topLabels) node(codeNode(label), 3);
    body.add(`${endTag('Codes', 2)}\n${endTag('CodeBook', 1)}\n`);
  }
}

/** Variables and cases: participants with their typed attributes and their documents. */
function writeCases({ participants, attributes, documents, body, node }: ExportContext): void {
  const valuesOf = (a: AttributeDefinition) => participants.flatMap((p) => (a.name in p.attributes ? [p.attributes[a.name]] : []));
  const types = new Map(attributes.map((a) => [a.name, variableType(a, valuesOf(a))]));
  if (attributes.length) node(el('Variables', {}, attributes.map((a) => el('Variable', { guid: guidOf(a.id), name: a.name, typeOfVariable: types.get(a.name) }))), 1);
  if (participants.length) {
    body.add(`${startTag('Cases', {}, 1)}\n`);
    for (const p of participants) {
      node(
        el('Case', { guid: guidOf(p.id), name: p.name }, [
          ...attributes
            .filter((a) => a.name in p.attributes)
            .map((a) => {
              const value = p.attributes[a.name]!;
              const type = types.get(a.name)!;
              return el('VariableValue', {}, [el('VariableRef', { targetGUID: guidOf(a.id) }), textEl(`${type}Value`, type === 'Boolean' ? String(value === true) : String(value))]);
            }),
          ...documents.filter((d) => d.participantId === p.id).map((d) => el('SourceRef', { targetGUID: guidOf(d.id) })),
        ]),
        2,
      );
    }
    body.add(`${endTag('Cases', 1)}\n`);
  }
}

/**
 * The sources, one document at a time: its text into the zip at once, its selections and codings
 * into the .qde as their rows are read, its turns into the Duiding block.
 */
function writeSources(ctx: ExportContext): { selections: number; codings: number } {
  const { db, documents, body } = ctx;
  const hashes = documentHashes(db);
  const speakersOf = new Map<string, BlockSpeaker[]>();
  for (const s of storedSpeakers(db)) {
    speakersOf.set(s.documentId, [...(speakersOf.get(s.documentId) ?? []), { name: s.name, role: s.role, participant: s.participantId ? guidOf(s.participantId) : null, confirmed: s.confirmed }]);
  }
  const tally = { selections: 0, codings: 0 };
  if (documents.length) body.add(`${startTag('Sources', {}, 1)}\n`);
  documents.forEach((summary, index) => {
    const doc = getDocument(db, summary.id)!;
    const guid = guidOf(doc.id);
    const source = new ZipNativeDeflate(`sources/${guid}.txt`);
    ctx.zip.add(source);
    source.push(encoder.encode(doc.text), true);
    writeSelections(ctx, doc, tally);
    const entry: BlockDocument = {
      kind: doc.kind,
      sourceName: doc.sourceName,
      sourceHash: hashes.get(doc.id) ?? '',
      importer: doc.importer,
      importedAt: doc.importedAt,
      importedBy: doc.importedBy,
      textHash: createHash('sha256').update(doc.text).digest('hex'),
      turns: doc.turns,
      ...(speakersOf.has(doc.id) ? { speakers: speakersOf.get(doc.id) } : {}),
    };
    ctx.blockDocuments.add(escapeText(`${index ? ',' : ''}${JSON.stringify(guid)}:${JSON.stringify(entry)}`));
  });
  if (documents.length) body.add(`${endTag('Sources', 1)}\n`);
  return tally;
}

/** A document's TextSource: its segments as selections with their codings, and its memos' NoteRefs. */
function writeSelections(ctx: ExportContext, doc: NonNullable<ReturnType<typeof getDocument>>, tally: { selections: number; codings: number }): void {
  const { note, noteRefs } = ctx;
  const guid = guidOf(doc.id);
  const cp = codePointIndex(doc.text);
  const element = lazyElement(ctx.body, 'TextSource', { guid, name: doc.name, plainTextPath: `internal://${guid}.txt`, creatingUser: note(doc.importedBy), creationDateTime: doc.importedAt }, 2);
  let selection: XmlNode | null = null;
  let selectionId = '';
  const endSelection = () => {
    if (!selection) return;
    selection.children!.push(...noteRefs('segment', selectionId));
    element.child(serialize(selection, 3));
    selection = null;
  };
  for (const row of selectionRows(ctx.db, doc.id)) {
    if (row.segmentId !== selectionId || !selection) {
      endSelection();
      selectionId = row.segmentId;
      tally.selections++;
      selection = el(
        'PlainTextSelection',
        { guid: guidOf(row.segmentId), name: snippet(row.text), startPosition: cp(row.start), endPosition: cp(row.end), creatingUser: note(row.createdBy), creationDateTime: row.createdAt },
        [],
      );
    }
    if (row.codingId) {
      tally.codings++;
      selection.children!.push(el('Coding', { guid: guidOf(row.codingId), creatingUser: note(row.coder!), creationDateTime: row.codedAt! }, [el('CodeRef', { targetGUID: guidOf(row.labelId!) })]));
    }
  }
  endSelection();
  for (const ref of noteRefs('document', doc.id)) element.child(serialize(ref, 3));
  element.end();
}

type Analysis = ReturnType<typeof exportAnalysis>;

/**
 * Notes: the memos, the readable notes of rounds 2 and 3, and the Duiding block (what the standard
 * has no place for, for Duiding to read back), whose documents part was written with the sources.
 * Returns the block's GUID.
 */
function writeNotes(ctx: ExportContext, analysis: Analysis): string {
  const { body, note, node } = ctx;
  body.add(`${startTag('Notes', {}, 1)}\n`);
  for (const m of ctx.memos) {
    node(
      el(
        'Note',
        {
          guid: guidOf(m.id),
          name: m.title || (m.target.kind === 'project' ? 'Memo' : `Memo on ${m.targetName}`),
          creatingUser: note(m.createdBy),
          creationDateTime: m.createdAt,
          modifyingUser: note(m.updatedBy),
          modifiedDateTime: m.updatedAt,
        },
        [textEl('PlainTextContent', m.bodyText)],
      ),
      2,
    );
  }
  for (const n of analysis.notes) node(n, 2);
  const blockGuid = guidOf(`duiding-data:${ctx.meta.id}`);
  body.add(`${startTag('Note', { guid: blockGuid, name: DUIDING_NOTE_NAME, creatingUser: note(ctx.project.coder), creationDateTime: now() }, 2)}\n${'  '.repeat(3)}<PlainTextContent>`);
  writeBlock(ctx, analysis);
  body.add(`</PlainTextContent>\n${endTag('Note', 2)}\n${endTag('Notes', 1)}\n`);
  return blockGuid;
}

/** The Duiding block's text: what the standard has no place for, as JSON between a header and a footer. */
function writeBlock({ body, meta, labels, memos, coders, attributes, blockDocuments }: ExportContext, analysis: Analysis): void {
  const json = (value: unknown) => escapeText(JSON.stringify(value));
  body.add(escapeText(blockHeader()));
  body.add(`{"format":"duiding-refi/1","title":${json(meta.title)},"labels":`);
  body.add(
    json(
      Object.fromEntries(
        labels.map((l) => [
          guidOf(l.id),
          { origin: l.origin, round: l.round, position: l.position, inclusion: l.inclusion, exclusion: l.exclusion, example: l.example, definitionRich: l.definitionRich, createdBy: l.createdBy, createdAt: l.createdAt },
        ]),
      ),
    ),
  );
  body.add(',"documents":{');
  body.append(blockDocuments);
  body.add('},"memos":');
  body.add(
    json(
      Object.fromEntries(
        memos.map((m) => [
          guidOf(m.id),
          { targetKind: m.target.kind, targetId: m.target.id, title: m.title, bodyRich: m.bodyRich, createdBy: m.createdBy, createdAt: m.createdAt, updatedBy: m.updatedBy, updatedAt: m.updatedAt },
        ]),
      ),
    ),
  );
  body.add(`,"coders":${json(coders.filter((c) => c.sameAs === null).map((c) => ({ name: c.name, firstSeen: c.firstSeen })))}`);
  body.add(`,"attributes":${json(attributes.map((a, position) => ({ id: a.id, name: a.name, type: a.type, position })))}`);
  body.add(`,"analysis":${json({ tables: analysis.tables, noteGuids: analysis.noteGuids })}}`);
  body.add(escapeText(`\n${blockFooter()}`));
}

/** Links, sets and the project's NoteRefs, after the notes as the schema orders them. */
function writeLinks({ memos, noteRefs, node }: ExportContext, analysis: Analysis, blockGuid: string): void {
  // A case cannot carry a NoteRef in the schema: a participant's memo is linked to its case instead.
  const links = memos
    .filter((m) => m.target.kind === 'participant' && m.target.id)
    .map((m) => el('Link', { guid: guidOf(`link:${m.id}`), name: 'Memo on case', direction: 'OneWay', originGUID: guidOf(m.id), targetGUID: guidOf(m.target.id!) }));
  if (links.length) node(el('Links', {}, links), 1);
  if (analysis.sets.length) node(el('Sets', {}, analysis.sets), 1);
  for (const ref of [...noteRefs('project', null), el('NoteRef', { targetGUID: blockGuid })]) node(ref, 1);
}

/** The users are known now: the .qde's start, its body, its end. */
function writeQde({ project, meta, zip, body, userNames }: ExportContext): void {
  const qde = new ZipNativeDeflate('project.qde');
  zip.add(qde);
  const users = [...userNames].sort().map((name) => el('User', { guid: userGuid(name), name }));
  const rootAttrs = {
    xmlns: PROJECT_NS,
    name: meta.title || project.name,
    origin: ORIGIN,
    creatingUserGUID: meta.createdBy ? userGuid(meta.createdBy) : undefined,
    creationDateTime: meta.createdAt || undefined,
    modifyingUserGUID: userGuid(project.coder),
    modifiedDateTime: now(),
  };
  qde.push(encoder.encode(`${XML_DECLARATION}${startTag('Project', rootAttrs, 0)}\n${users.length ? `${serialize(el('Users', {}, users), 1)}\n` : ''}`));
  body.drain((bytes) => qde.push(bytes));
  qde.push(encoder.encode(`${endTag('Project', 0)}\n`), true);
}
