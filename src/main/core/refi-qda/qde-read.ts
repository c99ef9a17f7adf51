import { DuidingError } from '../../../shared/errors.ts';
import { child, childrenNamed, type XmlElement } from './xml.ts';

/**
 * A REFI-QDA project (.qde) or codebook (.qdc) as plain data, read liberally: any namespace version
 * (or none), GUIDs in any case with or without braces, elements in any order.
 */

/** GUIDs compare without case and braces. */
export function normGuid(value: string | undefined): string {
  return (value ?? '').trim().replace(/^\{/, '').replace(/\}$/, '').toLowerCase();
}

export interface QdeCode {
  guid: string;
  name: string;
  codable: boolean;
  colour: string | null;
  description: string;
  noteRefs: string[];
  children: QdeCode[];
}

export interface QdeCoding {
  guid: string;
  codeGuid: string | null;
  userGuid: string;
  created: string | null;
  noteRefs: string[];
}

export interface QdeSelection {
  guid: string;
  name: string;
  start: number;
  end: number;
  description: string;
  userGuid: string;
  created: string | null;
  codings: QdeCoding[];
  noteRefs: string[];
}

export type SourceKind = 'text' | 'pdf' | 'picture' | 'audio' | 'video';

export interface QdeSource {
  kind: SourceKind;
  guid: string;
  name: string;
  plainTextPath: string | null;
  plainTextContent: string | null;
  path: string | null;
  description: string;
  selections: QdeSelection[];
  /** Codings of the whole source (a TextSource's own Coding elements). */
  codings: QdeCoding[];
  noteRefs: string[];
  variableValues: QdeValue[];
  /** Selections and codings inside sources of kinds Duiding does not hold (for the report). */
  otherSelections: number;
  otherCodings: number;
  userGuid: string;
  created: string | null;
}

export interface QdeNote {
  guid: string;
  name: string;
  description: string;
  text: string | null;
  plainTextPath: string | null;
  userGuid: string;
  created: string | null;
  modifyingUserGuid: string;
  modified: string | null;
}

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface QdeVariable {
  guid: string;
  name: string;
  type: VariableType;
  description: string;
}

export interface QdeValue {
  variableGuid: string;
  type: VariableType;
  value: string;
}

export interface QdeCase {
  guid: string;
  name: string;
  description: string;
  values: QdeValue[];
  sourceRefs: string[];
  codeRefs: number;
  selectionRefs: number;
}

export interface QdeSet {
  guid: string;
  name: string;
  description: string;
  codes: string[];
  sources: string[];
  notes: string[];
}

export interface QdeLink {
  guid: string;
  name: string;
  origin: string;
  target: string;
  direction: string | null;
  noteRefs: string[];
}

export interface QdeProject {
  name: string;
  origin: string | null;
  namespace: string | null;
  creatingUserGuid: string;
  created: string | null;
  users: Array<{ guid: string; name: string }>;
  codes: QdeCode[];
  variables: QdeVariable[];
  cases: QdeCase[];
  sources: QdeSource[];
  notes: QdeNote[];
  links: QdeLink[];
  sets: QdeSet[];
  graphs: number;
  description: string;
  noteRefs: string[];
}

const VARIABLE_TYPES: VariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

const textOf = (element: XmlElement, name: string): string => child(element, name)?.text ?? '';
const refs = (element: XmlElement, name: string, attr = 'targetGUID'): string[] => childrenNamed(element, name).map((r) => normGuid(r.attrs[attr]));
const dateOf = (value: string | undefined): string | null => {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};
const int = (value: string | undefined): number => (value !== undefined && /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN);

function readCode(element: XmlElement): QdeCode {
  return {
    guid: normGuid(element.attrs.guid),
    name: element.attrs.name ?? '',
    codable: (element.attrs.isCodable ?? 'true').trim().toLowerCase() !== 'false' && element.attrs.isCodable !== '0',
    colour: element.attrs.color ?? null,
    description: textOf(element, 'Description'),
    noteRefs: refs(element, 'NoteRef'),
    children: childrenNamed(element, 'Code').map(readCode),
  };
}

function readCoding(element: XmlElement): QdeCoding {
  const ref = child(element, 'CodeRef');
  return {
    guid: normGuid(element.attrs.guid),
    codeGuid: ref ? normGuid(ref.attrs.targetGUID) : null,
    userGuid: normGuid(element.attrs.creatingUser),
    created: dateOf(element.attrs.creationDateTime),
    noteRefs: refs(element, 'NoteRef'),
  };
}

function readValue(element: XmlElement): QdeValue | null {
  const ref = child(element, 'VariableRef');
  const value = element.children.find((c) => c.name.endsWith('Value') && c.name !== 'VariableRef');
  if (!ref || !value) return null;
  const type = value.name.replace(/Value$/, '') as VariableType;
  return { variableGuid: normGuid(ref.attrs.targetGUID), type: VARIABLE_TYPES.includes(type) ? type : 'Text', value: value.text };
}

const KIND: Record<string, SourceKind> = {
  TextSource: 'text',
  PDFSource: 'pdf',
  PictureSource: 'picture',
  AudioSource: 'audio',
  VideoSource: 'video',
};

function countDeep(element: XmlElement, test: (e: XmlElement) => boolean): number {
  let n = 0;
  for (const c of element.children) n += (test(c) ? 1 : 0) + countDeep(c, test);
  return n;
}

function readSource(element: XmlElement): QdeSource {
  const kind = KIND[element.name]!;
  const content = child(element, 'PlainTextContent');
  const selections =
    kind === 'text'
      ? childrenNamed(element, 'PlainTextSelection').map((s) => ({
          guid: normGuid(s.attrs.guid),
          name: s.attrs.name ?? '',
          start: int(s.attrs.startPosition),
          end: int(s.attrs.endPosition),
          description: textOf(s, 'Description'),
          userGuid: normGuid(s.attrs.creatingUser),
          created: dateOf(s.attrs.creationDateTime),
          codings: childrenNamed(s, 'Coding').map(readCoding),
          noteRefs: refs(s, 'NoteRef'),
        }))
      : [];
  return {
    kind,
    guid: normGuid(element.attrs.guid),
    name: element.attrs.name ?? '',
    plainTextPath: element.attrs.plainTextPath ?? null,
    plainTextContent: content ? content.text : null,
    path: element.attrs.path ?? element.attrs.currentPath ?? null,
    description: textOf(element, 'Description'),
    selections,
    codings: kind === 'text' ? childrenNamed(element, 'Coding').map(readCoding) : [],
    noteRefs: refs(element, 'NoteRef'),
    variableValues: childrenNamed(element, 'VariableValue').flatMap((v) => readValue(v) ?? []),
    otherSelections: kind === 'text' ? 0 : countDeep(element, (e) => e.name.endsWith('Selection')),
    otherCodings: kind === 'text' ? 0 : countDeep(element, (e) => e.name === 'Coding'),
    userGuid: normGuid(element.attrs.creatingUser),
    created: dateOf(element.attrs.creationDateTime),
  };
}

function readSet(element: XmlElement, memberAttr: string): QdeSet {
  return {
    guid: normGuid(element.attrs.guid),
    name: element.attrs.name ?? '',
    description: textOf(element, 'Description'),
    codes: refs(element, 'MemberCode', memberAttr),
    sources: refs(element, 'MemberSource'),
    notes: refs(element, 'MemberNote'),
  };
}

function checkRoot(fileName: string, root: XmlElement, expected: 'Project' | 'CodeBook'): string | null {
  if (root.name !== expected) {
    const what = expected === 'Project' ? 'REFI-QDA project (.qde)' : 'REFI-QDA codebook (.qdc)';
    throw new DuidingError(`${fileName} is not a ${what}: its root element is <${root.name}>, not <${expected}>.`, 'input', {
      code: 'refiRoot',
      params: { file: fileName, root: root.name, expected },
    });
  }
  return root.attrs.xmlns ?? null;
}

export function readProject(fileName: string, root: XmlElement): QdeProject {
  const namespace = checkRoot(fileName, root, 'Project');
  const sources = child(root, 'Sources');
  return {
    name: root.attrs.name ?? '',
    origin: root.attrs.origin ?? null,
    namespace,
    creatingUserGuid: normGuid(root.attrs.creatingUserGUID),
    created: dateOf(root.attrs.creationDateTime),
    users: childrenNamed(child(root, 'Users') ?? root, 'User').map((u) => ({ guid: normGuid(u.attrs.guid), name: u.attrs.name ?? '' })),
    codes: childrenNamed(child(child(root, 'CodeBook') ?? root, 'Codes') ?? root, 'Code').map(readCode),
    variables: childrenNamed(child(root, 'Variables') ?? root, 'Variable').map((v) => {
      const type = (v.attrs.typeOfVariable ?? 'Text') as VariableType;
      return { guid: normGuid(v.attrs.guid), name: v.attrs.name ?? '', type: VARIABLE_TYPES.includes(type) ? type : 'Text', description: textOf(v, 'Description') };
    }),
    cases: childrenNamed(child(root, 'Cases') ?? root, 'Case').map((c) => ({
      guid: normGuid(c.attrs.guid),
      name: c.attrs.name ?? '',
      description: textOf(c, 'Description'),
      values: childrenNamed(c, 'VariableValue').flatMap((v) => readValue(v) ?? []),
      sourceRefs: refs(c, 'SourceRef'),
      codeRefs: childrenNamed(c, 'CodeRef').length,
      selectionRefs: childrenNamed(c, 'SelectionRef').length,
    })),
    sources: (sources?.children ?? []).filter((e) => e.name in KIND).map(readSource),
    notes: childrenNamed(child(root, 'Notes') ?? root, 'Note').map((n) => ({
      guid: normGuid(n.attrs.guid),
      name: n.attrs.name ?? '',
      description: textOf(n, 'Description'),
      text: child(n, 'PlainTextContent')?.text ?? null,
      plainTextPath: n.attrs.plainTextPath ?? null,
      userGuid: normGuid(n.attrs.creatingUser),
      created: dateOf(n.attrs.creationDateTime),
      modifyingUserGuid: normGuid(n.attrs.modifyingUser),
      modified: dateOf(n.attrs.modifiedDateTime),
    })),
    links: childrenNamed(child(root, 'Links') ?? root, 'Link').map((l) => ({
      guid: normGuid(l.attrs.guid),
      name: l.attrs.name ?? '',
      origin: normGuid(l.attrs.originGUID),
      target: normGuid(l.attrs.targetGUID),
      direction: l.attrs.direction ?? null,
      noteRefs: refs(l, 'NoteRef'),
    })),
    sets: childrenNamed(child(root, 'Sets') ?? root, 'Set').map((s) => readSet(s, 'targetGUID')),
    graphs: childrenNamed(child(root, 'Graphs') ?? root, 'Graph').length,
    description: root.children.find((c) => c.name === 'Description')?.text ?? '',
    noteRefs: refs(root, 'NoteRef'),
  };
}

export interface QdcCodebook {
  origin: string | null;
  namespace: string | null;
  codes: QdeCode[];
  sets: QdeSet[];
}

export function readCodebook(fileName: string, root: XmlElement): QdcCodebook {
  const namespace = checkRoot(fileName, root, 'CodeBook');
  const codes = child(root, 'Codes');
  if (!codes) throw new DuidingError(`${fileName} is not a complete codebook: it has no <Codes> element.`, 'input', { code: 'qdcNoCodes', params: { file: fileName } });
  return {
    origin: root.attrs.origin ?? null,
    namespace,
    codes: childrenNamed(codes, 'Code').map(readCode),
    // Codebook sets name their members by `guid`; a project's sets by `targetGUID`. Either is read.
    sets: childrenNamed(child(root, 'Sets') ?? root, 'Set').map((s) => {
      const set = readSet(s, 'guid');
      const alt = refs(s, 'MemberCode');
      return { ...set, codes: set.codes.map((g, i) => g || alt[i] || '') };
    }),
  };
}
