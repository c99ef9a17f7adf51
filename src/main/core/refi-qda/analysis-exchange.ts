import { nextColour } from '../../../shared/palette.ts';
import { newId } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { conceptColours, insertConcept, insertConceptLabel } from '../concepts/store.ts';
import { dumpTable, restoreRows, rowTables } from './store.ts';
import { guidOf } from './guids.ts';
import type { QdeSet } from './qde-read.ts';
import { el, textEl, type XmlNode } from './xml.ts';

/**
 * Rounds 2 and 3, the guide and the outline in a .qdpx. The standard has no words for them, so they
 * go twice: readable, as Sets (a concept is a set of codes) and Notes (learning questions, tensions,
 * concept links, the report outline) that another tool shows; and exactly, row for row, in the
 * Duiding block, which Duiding reads back instead of the readable copies.
 */
type Row = Record<string, unknown>;

export interface AnalysisExport {
  /** Table → rows, for the Duiding block. */
  tables: Record<string, Row[]>;
  sets: XmlNode[];
  notes: XmlNode[];
  /** GUIDs of the readable notes, so that Duiding does not read them back as memos. */
  noteGuids: string[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const byPosition = (a: Row, b: Row) => Number(a.position ?? 0) - Number(b.position ?? 0);

export function exportAnalysis(db: Db): AnalysisExport {
  const tables: Record<string, Row[]> = {};
  for (const table of rowTables(db)) tables[table] = dumpTable(db, table);
  const rows = (table: string) => [...(tables[table] ?? [])].sort(byPosition);
  const concepts = new Map(rows('concepts').map((c) => [str(c.id), c]));
  const conceptName = (id: unknown) => str(concepts.get(str(id))?.name) || '?';
  const notes: XmlNode[] = [];
  const noteGuids: string[] = [];
  const note = (key: string, name: string, lines: string[]) => {
    const guid = guidOf(`note:${key}`);
    noteGuids.push(guid);
    notes.push(el('Note', { guid, name }, [textEl('PlainTextContent', lines.filter((l) => l !== null).join('\n'))]));
  };

  const sets = rows('concepts').map((c) =>
    el('Set', { guid: guidOf(str(c.id)), name: str(c.name) }, [
      str(c.definition) ? textEl('Description', str(c.definition)) : null,
      ...rows('concept_labels')
        .filter((m) => m.concept_id === c.id)
        .map((m) => el('MemberCode', { targetGUID: guidOf(str(m.label_id)) })),
    ]),
  );

  const relations = new Map(rows('relation_types').map((r) => [str(r.id), str(r.name)]));
  const links = rows('concept_links');
  if (links.length) {
    note('concept-links', 'Concept links (Duiding, round 3)', links.map((l) => `${conceptName(l.source_id)} — ${relations.get(str(l.relation_type_id)) ?? '?'} → ${conceptName(l.target_id)}${str(l.memo) ? `: ${str(l.memo)}` : ''}`));
  }
  for (const q of rows('learning_questions')) {
    const linked = rows('learning_question_concepts').filter((m) => m.learning_question_id === q.id).map((m) => conceptName(m.concept_id));
    note(str(q.id), `Learning question: ${str(q.question).slice(0, 120)}`, [
      str(q.question),
      `(${str(q.kind)}${str(q.level) ? `, ${str(q.level)}` : ''})`,
      linked.length ? `Concepts: ${linked.join(', ')}` : '',
      str(q.memo),
    ]);
  }
  for (const t of rows('tensions')) {
    const statements = rows('tension_statements').filter((s) => s.tension_id === t.id);
    note(str(t.id), `Tension: ${str(t.title).slice(0, 120)}`, [
      str(t.title),
      `${str(t.pole_a)} ↔ ${str(t.pole_b)}${str(t.group_name) ? ` (${str(t.group_name)})` : ''}`,
      ...statements.map((s) => `${s.kind === 'finding' ? 'Finding' : 'Implication'}: ${str(s.text)}`),
      str(t.memo),
    ]);
  }
  const sections = rows('outline_sections');
  if (sections.length) {
    const lines: string[] = [];
    const walk = (parent: unknown, depth: number) => {
      for (const s of sections.filter((x) => (x.parent_id ?? null) === (parent ?? null))) {
        lines.push(`${'  '.repeat(depth)}${str(s.title)}`);
        if (str(s.text)) lines.push(`${'  '.repeat(depth + 1)}${str(s.text)}`);
        for (const item of rows('outline_items').filter((i) => i.section_id === s.id)) {
          if (str(item.text)) lines.push(`${'  '.repeat(depth + 1)}- ${str(item.text)}`);
        }
        walk(s.id, depth + 1);
      }
    };
    walk(null, 0);
    note('outline', 'Report outline (Duiding)', lines);
  }
  return { tables, sets, notes, noteGuids };
}

/** Restores what a Duiding export carried, table by table; rows whose references are gone are counted. */
export function importAnalysis(db: Db, tables: Record<string, Row[]>): { restored: Record<string, number>; refused: number } {
  const restored: Record<string, number> = {};
  let refused = 0;
  for (const table of rowTables(db)) {
    const rows = tables[table];
    if (!Array.isArray(rows) || rows.length === 0) continue;
    const result = restoreRows(db, table, rows);
    restored[table] = result.restored;
    refused += result.refused;
  }
  return { restored, refused };
}

/** Another tool's code sets as concepts of round 2: the set's codes become the concept's labels. */
export function conceptsFromSets(db: Db, sets: QdeSet[], labelIds: Map<string, string>, by: string, at: string): number {
  let made = 0;
  for (const set of sets) {
    const members = set.codes.flatMap((g) => (labelIds.has(g) ? [labelIds.get(g)!] : []));
    if (members.length === 0) continue;
    const id = newId();
    insertConcept(db, {
      id,
      name: set.name.trim().normalize('NFC') || `Set ${made + 1}`,
      definition: set.description.trim().normalize('NFC'),
      definitionRich: null,
      colour: nextColour(conceptColours(db)),
      position: made,
      createdBy: by,
      createdAt: at,
    });
    [...new Set(members)].forEach((labelId, position) => insertConceptLabel(db, { id: newId(), conceptId: id, labelId, position }));
    made++;
  }
  return made;
}
