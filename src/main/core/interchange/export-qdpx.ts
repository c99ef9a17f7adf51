import { createHash } from 'node:crypto';
import type { AttributeDefinition, Memo } from '../../../shared/model.ts';
import { now } from '../clock.ts';
import type { Project } from '../project.ts';
import { getDocument, listDocuments } from '../repos/documents.ts';
import { codingsOfDocument, documentHashes } from '../repos/interchange.ts';
import { labelRows, type LabelRow } from '../repos/labels.ts';
import { listMemos } from '../repos/memos.ts';
import { listAttributes, listParticipants } from '../repos/participants.ts';
import { listSegments } from '../repos/segments.ts';
import { allCoders } from '../coders/store.ts';
import { storedSpeakers } from '../repos/speakers.ts';
import { exportAnalysis } from './analysis-exchange.ts';
import { DUIDING_NOTE_NAME, encodeBlock, type DuidingBlock } from './duiding-block.ts';
import { guidOf } from './guids.ts';
import { el, textEl, xmlDocument, type XmlNode } from './xml.ts';
import { writeZip } from './zip.ts';

/**
 * Writes the whole project as a REFI-QDA 1.0 project (.qdpx) that validates against Project.xsd:
 * elements in the schema's order, no empty containers, positions in code points of the exported
 * text (which is Duiding's canonical text, so no unit is in doubt), texts as UTF-8 under `sources/`.
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

export interface QdpxExport {
  bytes: Uint8Array;
  counts: Record<string, number>;
}

export function exportQdpx(project: Project): QdpxExport {
  const db = project.db;
  const meta = project.meta();
  const labels = labelRows(db);
  const memos = listMemos(db, meta.title);
  const { participants, attributes } = { participants: listParticipants(db), attributes: listAttributes(db) };
  const documents = listDocuments(db).map((d) => getDocument(db, d.id)!);
  const hashes = documentHashes(db);
  const memosOf = (kind: Memo['target']['kind'], id: string | null) => memos.filter((m) => m.target.kind === kind && m.target.id === id);
  const noteRefs = (kind: Memo['target']['kind'], id: string | null) => memosOf(kind, id).map((m) => el('NoteRef', { targetGUID: guidOf(m.id) }));

  const userNames = new Set<string>([project.coder, meta.createdBy].filter(Boolean));
  for (const c of allCoders(db)) userNames.add(c.name);
  const note = (name: string) => {
    if (name) userNames.add(name);
    return name ? userGuid(name) : undefined;
  };

  // The codebook, as a tree in the order of the labels' positions.
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
  const topCodes = (byParent.get(null) ?? []).map(codeNode);

  // Variables and cases: participants with their typed attributes and their documents.
  const valuesOf = (a: AttributeDefinition) => participants.flatMap((p) => (a.name in p.attributes ? [p.attributes[a.name]] : []));
  const types = new Map(attributes.map((a) => [a.name, variableType(a, valuesOf(a))]));
  const variables = attributes.map((a) => el('Variable', { guid: guidOf(a.id), name: a.name, typeOfVariable: types.get(a.name) }));
  const cases = participants.map((p) =>
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
  );

  const files: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  let selections = 0;
  let codings = 0;
  const sources = documents.map((doc) => {
    const guid = guidOf(doc.id);
    files[`sources/${guid}.txt`] = encoder.encode(doc.text);
    const cp = codePointIndex(doc.text);
    const byCoding = new Map<string, ReturnType<typeof codingsOfDocument>>();
    for (const c of codingsOfDocument(db, doc.id)) byCoding.set(c.segmentId, [...(byCoding.get(c.segmentId) ?? []), c]);
    const segments = listSegments(db, doc.id);
    selections += segments.length;
    return el(
      'TextSource',
      {
        guid,
        name: doc.name,
        plainTextPath: `internal://${guid}.txt`,
        creatingUser: note(doc.importedBy),
        creationDateTime: doc.importedAt,
      },
      [
        ...segments.map((s) =>
          el(
            'PlainTextSelection',
            {
              guid: guidOf(s.id),
              name: snippet(s.text),
              startPosition: cp(s.start),
              endPosition: cp(s.end),
              creatingUser: note(s.createdBy),
              creationDateTime: s.createdAt,
            },
            [
              ...(byCoding.get(s.id) ?? []).map((c) => {
                codings++;
                return el('Coding', { guid: guidOf(c.id), creatingUser: note(c.coder), creationDateTime: c.createdAt }, [el('CodeRef', { targetGUID: guidOf(c.labelId) })]);
              }),
              ...noteRefs('segment', s.id),
            ],
          ),
        ),
        ...noteRefs('document', doc.id),
      ],
    );
  });

  const analysis = exportAnalysis(db);
  const speakersOf = new Map<string, NonNullable<DuidingBlock['documents'][string]['speakers']>>();
  for (const s of storedSpeakers(db)) {
    speakersOf.set(s.documentId, [...(speakersOf.get(s.documentId) ?? []), { name: s.name, role: s.role, participant: s.participantId ? guidOf(s.participantId) : null, confirmed: s.confirmed }]);
  }
  // What the standard has no place for, for Duiding to read back.
  const block: DuidingBlock = {
    format: 'duiding-refi/1',
    title: meta.title,
    labels: Object.fromEntries(
      labels.map((l) => [
        guidOf(l.id),
        { origin: l.origin, round: l.round, position: l.position, inclusion: l.inclusion, exclusion: l.exclusion, example: l.example, definitionRich: l.definitionRich, createdBy: l.createdBy, createdAt: l.createdAt },
      ]),
    ),
    documents: Object.fromEntries(
      documents.map((d) => [
        guidOf(d.id),
        {
          kind: d.kind,
          sourceName: d.sourceName,
          sourceHash: hashes.get(d.id) ?? '',
          importer: d.importer,
          importedAt: d.importedAt,
          importedBy: d.importedBy,
          textHash: createHash('sha256').update(d.text).digest('hex'),
          turns: d.turns,
          ...(speakersOf.has(d.id) ? { speakers: speakersOf.get(d.id) } : {}),
        },
      ]),
    ),
    memos: Object.fromEntries(
      memos.map((m) => [
        guidOf(m.id),
        { targetKind: m.target.kind, targetId: m.target.id, title: m.title, bodyRich: m.bodyRich, createdBy: m.createdBy, createdAt: m.createdAt, updatedBy: m.updatedBy, updatedAt: m.updatedAt },
      ]),
    ),
    coders: allCoders(db).filter((c) => c.sameAs === null).map((c) => ({ name: c.name, firstSeen: c.firstSeen })),
    attributes: attributes.map((a, position) => ({ id: a.id, name: a.name, type: a.type, position })),
    analysis: { tables: analysis.tables, noteGuids: analysis.noteGuids },
  };
  const blockGuid = guidOf(`duiding-data:${meta.id}`);
  const notes = [
    ...memos.map((m) =>
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
    ),
    ...analysis.notes,
    el('Note', { guid: blockGuid, name: DUIDING_NOTE_NAME, creatingUser: note(project.coder), creationDateTime: now() }, [textEl('PlainTextContent', encodeBlock(block))]),
  ];
  // A case cannot carry a NoteRef in the schema: a participant's memo is linked to its case instead.
  const links = memos
    .filter((m) => m.target.kind === 'participant' && m.target.id)
    .map((m) => el('Link', { guid: guidOf(`link:${m.id}`), name: 'Memo on case', direction: 'OneWay', originGUID: guidOf(m.id), targetGUID: guidOf(m.target.id!) }));

  const users = [...userNames].sort().map((name) => el('User', { guid: userGuid(name), name }));
  const root = el(
    'Project',
    {
      xmlns: PROJECT_NS,
      name: meta.title || project.name,
      origin: ORIGIN,
      creatingUserGUID: meta.createdBy ? userGuid(meta.createdBy) : undefined,
      creationDateTime: meta.createdAt || undefined,
      modifyingUserGUID: userGuid(project.coder),
      modifiedDateTime: now(),
    },
    [
      users.length ? el('Users', {}, users) : null,
      topCodes.length ? el('CodeBook', {}, [el('Codes', {}, topCodes)]) : null,
      variables.length ? el('Variables', {}, variables) : null,
      cases.length ? el('Cases', {}, cases) : null,
      sources.length ? el('Sources', {}, sources) : null,
      el('Notes', {}, notes),
      links.length ? el('Links', {}, links) : null,
      analysis.sets.length ? el('Sets', {}, analysis.sets) : null,
      ...noteRefs('project', null),
      el('NoteRef', { targetGUID: blockGuid }),
    ],
  );
  files['project.qde'] = encoder.encode(xmlDocument(root));
  return {
    bytes: writeZip(files),
    counts: {
      codes: labels.length,
      sources: documents.length,
      selections,
      codings,
      notes: notes.length,
      cases: participants.length,
      variables: attributes.length,
      concepts: analysis.sets.length,
    },
  };
}
