import type { FileRef } from '../../../shared/api/contract.ts';
import { DuidingError } from '../../../shared/errors.ts';
import type { CodebookImport, CodebookTemplateResult, Label, LabelOrigin, LabelUsage } from '../../../shared/model.ts';
import { nextColour } from '../../../shared/palette.ts';
import { canonicalText } from '../../../shared/text/normalize.ts';
import { now, newId } from '../clock.ts';
import { readCsv } from '../files/csv.ts';
import { decodeText } from '../documents/importers/decode.ts';
import type { Project } from '../project.ts';
import { childrenOf, duplicateCodings, labelUsage } from './store-tree.ts';
import { readGuide, replaceGuide } from '../guide/store.ts';
import { ancestors, findByName, findSibling, insertLabel, labelRow, updateLabelRow, usedColours } from './store.ts';
import { getLabel } from './label-counts.ts';
import { LLB_STUDY, type CodebookTemplate, type TemplateLabel } from '../../../shared/templates/llb-study.ts';
import { loadFileRef } from '../files/files.ts';

/**
 * The codebook as a whole: importing one from a CSV file, starting from a study's template, and
 * moving labels in the tree. Each is one write, so one undo step.
 */

const MAX_NAME = 200;
const MAX_PROBLEMS = 12;

/** Field → the column titles that mean it (compared without case, accents or punctuation). */
const COLUMNS = {
  name: ['name', 'naam', 'label', 'labelnaam', 'label name', 'code'],
  parent: ['parent', 'ouder', 'bovenliggend', 'bovenliggend label', 'bovenliggende label', 'parent label', 'hoofdlabel'],
  definition: ['definition', 'definitie', 'omschrijving', 'beschrijving', 'description'],
  colour: ['colour', 'color', 'kleur'],
  inclusion: ['inclusion', 'inclusion criteria', 'inclusiecriteria', 'inclusie', 'inclusiecriterium'],
  exclusion: ['exclusion', 'exclusion criteria', 'exclusiecriteria', 'exclusie', 'exclusiecriterium'],
  example: ['example', 'voorbeeld'],
} as const;
type Field = keyof typeof COLUMNS;

function headerKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function fieldOf(title: string): Field | null {
  const key = headerKey(title);
  for (const [field, aliases] of Object.entries(COLUMNS) as Array<[Field, readonly string[]]>) if (aliases.includes(key)) return field;
  return null;
}

/** A labels key: names are unique per parent in any case (as in repos/labels.ts, COLLATE NOCASE). */
const key = (name: string) => name.normalize('NFC').toLocaleLowerCase('nl');

/** One problem with one row, for the message and, as a code, for front ends in other languages. */
export interface RowProblem {
  row: number;
  code: 'noName' | 'badColour' | 'tooLong' | 'repeated' | 'ownParent' | 'cycle' | 'ambiguousParent';
  name: string;
  value?: string;
  other?: number;
}

function describeProblem(p: RowProblem): string {
  const where = `row ${p.row}${p.name ? ` ("${p.name}")` : ''}`;
  switch (p.code) {
    case 'noName':
      return `${where}: the name is empty`;
    case 'badColour':
      return `${where}: "${p.value}" is not a colour like #0072B2`;
    case 'tooLong':
      return `${where}: the name is longer than ${MAX_NAME} characters`;
    case 'repeated':
      return `${where}: the same label is already on row ${p.other}`;
    case 'ownParent':
      return `${where}: a label cannot be its own parent`;
    case 'cycle':
      return `${where}: its parents lead back to itself (via "${p.value}")`;
    case 'ambiguousParent':
      return `${where}: the parent "${p.value}" is the name of ${p.other} labels in this project; rename one first`;
  }
}

function refuse(fileName: string, problems: RowProblem[]): never {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const more = problems.length - shown.length;
  const list = shown.map(describeProblem).join('; ') + (more > 0 ? `; and ${more} more` : '');
  throw new DuidingError(
    `${fileName} was not imported: ${problems.length === 1 ? '1 row has a problem' : `${problems.length} rows have problems`}: ${list}. Nothing was changed.`,
    'input',
    { code: 'codebookRows', params: { file: fileName, count: problems.length, problems: JSON.stringify(shown), more } },
  );
}

interface CodebookRow {
  row: number;
  name: string;
  parent: string;
  colour: string | undefined;
  definition: string | undefined;
  inclusion: string | undefined;
  exclusion: string | undefined;
  example: string | undefined;
}

/** Reads a codebook table: a header row naming the columns, then one label per row. */
export function parseCodebookCsv(fileName: string, text: string): { rows: CodebookRow[]; ignoredColumns: string[] } {
  const [header, ...body] = readCsv(fileName, canonicalText(text)).map((row) => row.map((cell) => cell.normalize('NFC')));
  if (!header) {
    throw new DuidingError(`${fileName} is empty: a codebook needs a header row (name, parent, definition, colour) and one label per row.`, 'input', {
      code: 'codebookEmpty',
      params: { file: fileName },
    });
  }
  const at = new Map<Field, number>();
  const ignoredColumns: string[] = [];
  header.forEach((title, index) => {
    const field = fieldOf(title);
    if (field && !at.has(field)) at.set(field, index);
    else if (title.trim() !== '') ignoredColumns.push(title.trim());
  });
  if (!at.has('name')) {
    throw new DuidingError(
      `${fileName} has no "name" column: its first row must name the columns, e.g. name, parent, definition, colour (or naam, ouder, definitie, kleur). It has: ${header.join(', ')}.`,
      'input',
      { code: 'codebookNoName', params: { file: fileName, columns: header.join(', ') } },
    );
  }
  if (body.length === 0) {
    throw new DuidingError(`${fileName} has no labels: below its header row there is no row.`, 'input', { code: 'codebookEmpty', params: { file: fileName } });
  }
  const cell = (row: string[], field: Field): string | undefined => {
    const index = at.get(field);
    if (index === undefined) return undefined;
    const value = row[index]?.trim() ?? '';
    return value === '' ? undefined : value;
  };
  // Row numbers count the header as row 1, as a spreadsheet shows them (blank rows are skipped by readCsv).
  const rows = body.map((row, i) => ({
    row: i + 2,
    name: cell(row, 'name') ?? '',
    parent: cell(row, 'parent') ?? '',
    colour: cell(row, 'colour'),
    definition: cell(row, 'definition'),
    inclusion: cell(row, 'inclusion'),
    exclusion: cell(row, 'exclusion'),
    example: cell(row, 'example'),
  }));
  return { rows, ignoredColumns };
}

function normalColour(value: string): string | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(value.trim());
  return match ? `#${match[1]!.toUpperCase()}` : null;
}

interface Entry {
  name: string;
  parentId: string | null;
  origin: LabelOrigin;
  colour?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
}

type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * Creates a label, or updates the one of the same name under the same parent. Given fields replace
 * the label's (with `fillOnly`, only the ones that are still empty: a template never overwrites
 * what the researcher wrote); missing ones leave it as it is. An existing label keeps its origin: a
 * label that emerged from the data stays emergent even when a prepared codebook names it too.
 */
function upsert(project: Project, entry: Entry, fillOnly = false): { id: string; outcome: Outcome } {
  const name = entry.name.trim().normalize('NFC');
  const existing = findSibling(project.db, entry.parentId, name);
  if (!existing) {
    const id = newId();
    insertLabel(project.db, {
      id,
      name,
      parentId: entry.parentId,
      colour: entry.colour ?? nextColour(usedColours(project.db)),
      definition: entry.definition ?? '',
      inclusion: entry.inclusion ?? '',
      exclusion: entry.exclusion ?? '',
      example: entry.example ?? '',
      origin: entry.origin,
      round: 1,
      createdBy: project.coder,
      createdAt: now(),
    });
    return { id, outcome: 'created' };
  }
  const before = labelRow(project.db, existing.id)!;
  const patch: Record<string, string | null> = {};
  for (const field of ['colour', 'definition', 'inclusion', 'exclusion', 'example'] as const) {
    const value = entry[field];
    if (value !== undefined && value !== before[field] && !(fillOnly && before[field] !== '')) patch[field] = value;
  }
  // A new plain definition replaces the rich one it no longer matches.
  if (patch.definition !== undefined && before.definitionRich !== null) patch.definitionRich = null;
  if (Object.keys(patch).length === 0) return { id: before.id, outcome: 'unchanged' };
  updateLabelRow(project.db, before.id, patch);
  return { id: before.id, outcome: 'updated' };
}

function tally(project: Project, outcomes: Array<{ id: string; outcome: Outcome }>): Omit<CodebookImport, 'ignoredColumns'> {
  const count = (o: Outcome) => outcomes.filter((x) => x.outcome === o).length;
  const seen = new Set<string>();
  const labels: Label[] = [];
  for (const { id } of outcomes) {
    if (seen.has(id)) continue;
    seen.add(id);
    labels.push(getLabel(project.db, id)!);
  }
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), labels };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Imports a prepared (a-priori) codebook from a CSV file: name, parent (by name), definition,
 * colour, and optionally inclusion, exclusion, example. A parent may come before or after its
 * sub-labels in the file; a parent that is neither in the file nor in the project is created.
 * All rows are checked before anything is written; the import is one write.
 */
export function importCodebookCsv(project: Project, file: FileRef): CodebookImport {
  const loaded = loadFileRef(file);
  const { rows, ignoredColumns } = parseCodebookCsv(loaded.name, decodeText(loaded.name, loaded.bytes).text);

  const byName = checkCodebookRows(project.db, loaded.name, rows);

  return project.write('labels/importCsv', () => {
    const outcomes = writeCodebookRows(project, rows, byName);
    const result = { ...tally(project, outcomes), ignoredColumns };
    return {
      result,
      summary: `Imported the codebook ${loaded.name}: ${plural(result.created, 'label', 'labels')} added, ${result.updated} updated`,
    };
  });
}

/**
 * Refuses the file, listing every problem, when a row has no name, too long a name, a bad colour,
 * is repeated, is its own parent, takes part in a cycle or names a parent the project has twice.
 * Returns the rows by name (the first of a name), for parent references.
 */
function checkCodebookRows(db: Project['db'], fileName: string, rows: CodebookRow[]): Map<string, CodebookRow> {
  const problems: RowProblem[] = [];
  const byName = new Map<string, CodebookRow>();
  const nameCount = new Map<string, number>();
  for (const row of rows) if (row.name) nameCount.set(key(row.name), (nameCount.get(key(row.name)) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.name) {
      problems.push({ row: row.row, code: 'noName', name: '' });
      continue;
    }
    if (row.name.length > MAX_NAME) problems.push({ row: row.row, code: 'tooLong', name: row.name.slice(0, 40) + '…' });
    if (row.colour !== undefined && !normalColour(row.colour)) problems.push({ row: row.row, code: 'badColour', name: row.name, value: row.colour });
    if (row.parent && key(row.parent) === key(row.name)) problems.push({ row: row.row, code: 'ownParent', name: row.name });
    const id = `${key(row.parent)}\u0000${key(row.name)}`;
    const first = seen.get(id);
    if (first !== undefined) problems.push({ row: row.row, code: 'repeated', name: row.name, other: first });
    else seen.set(id, row.row);
    // A name given twice (under different parents) cannot serve as a parent reference: the first is taken.
    if (!byName.has(key(row.name))) byName.set(key(row.name), row);
  }
  // Parents named in the file lead, through the file, to a label at the top or to one outside the file.
  for (const row of rows) {
    if (!row.name || !row.parent || key(row.parent) === key(row.name)) continue;
    const path = new Set([key(row.name)]);
    let next: string = row.parent;
    while (next) {
      if (path.has(key(next))) {
        problems.push({ row: row.row, code: 'cycle', name: row.name, value: next });
        break;
      }
      path.add(key(next));
      next = byName.get(key(next))?.parent ?? '';
    }
    if (!byName.has(key(row.parent))) {
      const matches = findByName(db, row.parent);
      if (matches.length > 1) problems.push({ row: row.row, code: 'ambiguousParent', name: row.name, value: row.parent, other: matches.length });
    }
  }
  if (problems.length > 0) refuse(fileName, problems.sort((a, b) => a.row - b.row));
  return byName;
}

/** Writes the rows, parents first; returns each write's label and outcome. */
function writeCodebookRows(project: Project, rows: CodebookRow[], byName: Map<string, CodebookRow>): Array<{ id: string; outcome: Outcome }> {
  const outcomes: Array<{ id: string; outcome: Outcome }> = [];
  const resolved = new Map<CodebookRow, string>();
  const outside = new Map<string, string>();
  const parentIdOf = (name: string): string => {
    const inFile = byName.get(key(name));
    if (inFile) return place(inFile);
    const known = outside.get(key(name));
    if (known) return known;
    const found = findByName(project.db, name)[0];
    const id = found ? found.id : upsertRecorded({ name, parentId: null, origin: 'a-priori' });
    outside.set(key(name), id);
    return id;
  };
  const upsertRecorded = (entry: Entry): string => {
    const result = upsert(project, entry);
    outcomes.push(result);
    return result.id;
  };
  // Parents first, whatever their place in the file; the checks above rule out cycles.
  const place = (row: CodebookRow): string => {
    const done = resolved.get(row);
    if (done) return done;
    const parentId = row.parent ? parentIdOf(row.parent) : null;
    const id = upsertRecorded({
      name: row.name,
      parentId,
      origin: 'a-priori',
      colour: row.colour === undefined ? undefined : normalColour(row.colour)!,
      definition: row.definition,
      inclusion: row.inclusion,
      exclusion: row.exclusion,
      example: row.example,
    });
    resolved.set(row, id);
    return id;
  };
  for (const row of rows) place(row);
  return outcomes;
}

const TEMPLATES: Record<'llb-study', { title: string; template: CodebookTemplate }> = {
  'llb-study': { title: 'the LLB study', template: LLB_STUDY },
};

/**
 * Starts a project from a study's template: its interview guide and its a-priori labels (and, on
 * request, the labels that emerged in that study), in one write. An interview guide the project
 * already has is kept: replacing it would drop the guide spans marked in transcripts.
 */
export function applyTemplate(project: Project, name: 'llb-study', options: { includeEmergent?: boolean } = {}): CodebookTemplateResult {
  const { title, template } = TEMPLATES[name];
  return project.write('codebook/applyTemplate', () => {
    const current = readGuide(project.db);
    const same =
      current.length === template.guide.length &&
      current.every((s, i) => s.title === template.guide[i]!.title && s.questions.map((q) => q.text).join('\n') === template.guide[i]!.questions.map((q) => q.text).join('\n'));
    let guide: CodebookTemplateResult['guide'];
    if (current.length === 0) {
      replaceGuide(project.db, template.guide);
      guide = 'set';
    } else guide = same ? 'unchanged' : 'kept';

    const outcomes: Array<{ id: string; outcome: Outcome }> = [];
    const add = (labels: TemplateLabel[], parentId: string | null, origin: LabelOrigin) => {
      for (const label of labels) {
        const entry = { name: label.name, parentId, origin, definition: label.definition, inclusion: label.inclusion, exclusion: label.exclusion };
        const result = upsert(project, entry, true);
        outcomes.push(result);
        if (label.children) add(label.children, result.id, origin);
      }
    };
    add(template.labels, null, 'a-priori');
    if (options.includeEmergent) add(template.emergent, null, 'emergent');
    const result: CodebookTemplateResult = { ...tally(project, outcomes), guide, guideSections: guide === 'set' ? template.guide.length : current.length };
    const guideText = guide === 'set' ? `the interview guide (${template.guide.length} sections) and ` : '';
    return { result, summary: `Started from the template of ${title}: ${guideText}${plural(result.created, 'label', 'labels')} added, ${result.updated} updated` };
  });
}

/**
 * Moves a label to `index` among the sub-labels of `parentId` (null: the top level), renumbering
 * the siblings it leaves and joins so positions stay 0, 1, 2… One write.
 */
export function moveLabel(project: Project, id: string, parentId: string | null, index: number): Label {
  const label = labelRow(project.db, id);
  if (!label) throw new DuidingError(`There is no label with id ${id}.`);
  const parent = parentId ? labelRow(project.db, parentId) : null;
  if (parentId && !parent) throw new DuidingError(`There is no label with id ${parentId}.`);
  if (parentId && ancestors(project.db, parentId).includes(id)) {
    throw new DuidingError(`"${label.name}" cannot go under itself or one of its own sub-labels.`, 'usage', { code: 'labelUnderItself', params: { name: label.name } });
  }
  if (parentId !== label.parentId) {
    const clash = findSibling(project.db, parentId, label.name);
    if (clash && clash.id !== id) {
      throw new DuidingError(`There is already a label "${label.name}" ${parent ? `under "${parent.name}"` : 'at the top level'}.`, 'input', {
        code: 'labelExists',
        params: { name: label.name },
      });
    }
  }
  return project.write('labels/move', () => {
    const renumber = (ids: string[], current: Map<string, number>) =>
      ids.forEach((labelId, position) => {
        if (current.get(labelId) !== position) updateLabelRow(project.db, labelId, { position });
      });
    if (parentId !== label.parentId) {
      const left = childrenOf(project.db, label.parentId).filter((s) => s.id !== id);
      renumber(
        left.map((s) => s.id),
        new Map(left.map((s) => [s.id, s.position])),
      );
      updateLabelRow(project.db, id, { parentId });
    }
    const siblings = childrenOf(project.db, parentId);
    const positions = new Map(siblings.map((s) => [s.id, s.position]));
    if (parentId !== label.parentId) positions.set(id, -1);
    const order = siblings.map((s) => s.id).filter((s) => s !== id);
    order.splice(Math.max(0, Math.min(index, order.length)), 0, id);
    renumber(order, positions);
    const after = getLabel(project.db, id)!;
    const where = parentId === label.parentId ? `to place ${order.indexOf(id) + 1}` : parent ? `under "${parent.name}"` : 'to the top level';
    return { result: after, summary: `Moved label "${label.name}" ${where}` };
  });
}

/** What hangs on a label, for the confirmation before a delete or a merge. */
export function usageOfLabel(project: Project, id: string, targetId?: string): LabelUsage {
  if (!labelRow(project.db, id)) throw new DuidingError(`There is no label with id ${id}.`);
  if (targetId && !labelRow(project.db, targetId)) throw new DuidingError(`There is no label with id ${targetId}.`);
  return { ...labelUsage(project.db, id), duplicates: targetId ? duplicateCodings(project.db, id, targetId) : 0 };
}
