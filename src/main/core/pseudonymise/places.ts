import type { TableName } from '../../../shared/api/changes.ts';

/**
 * Every place outside a transcript's own rows where a name can be written: by a researcher (a memo,
 * a label's definition, a tension's finding, the report's text) or by an import (a participant's
 * name, a file name in the project's title). Pseudonymising rewrites each of them; the purge test
 * writes a name into each and scans the file for it. A new table or text column belongs here.
 *
 * `rich` holds Lexical JSON (every string in it is rewritten, then it is written back only if one
 * changed); `auto` is JSON when it parses as an object or array, else plain text.
 */
export type PlaceFormat = 'text' | 'rich' | 'auto';

export interface Place {
  table: TableName;
  column: string;
  format: PlaceFormat;
}

const text = (table: TableName, ...columns: string[]): Place[] => columns.map((column) => ({ table, column, format: 'text' as const }));
const rich = (table: TableName, column: string): Place => ({ table, column, format: 'rich' });

export const PLACES: readonly Place[] = [
  ...text('participants', 'name'),
  { table: 'participant_attributes', column: 'value', format: 'text' },
  ...text('attributes', 'name'),
  ...text('memos', 'title', 'body_text'),
  rich('memos', 'body_rich'),
  ...text('labels', 'name', 'definition', 'inclusion', 'exclusion', 'example'),
  rich('labels', 'definition_rich'),
  ...text('concepts', 'name', 'definition'),
  rich('concepts', 'definition_rich'),
  ...text('concept_links', 'memo'),
  ...text('relation_types', 'name'),
  ...text('learning_questions', 'question', 'level', 'memo'),
  ...text('tensions', 'title', 'pole_a', 'pole_b', 'group_name', 'memo'),
  ...text('tension_statements', 'text'),
  ...text('outline_sections', 'title', 'text'),
  rich('outline_sections', 'rich'),
  ...text('outline_items', 'text', 'title'),
  ...text('report_title_lines', 'text'),
  // An edited quote holds the passage's words twice: as edited and as they were when checked.
  ...text('outline_quote_edits', 'text', 'checked_text'),
  // A group of tensions is known by its name (outline_origins' 'group:NAME'); rewritten as the group is.
  ...text('outline_origins', 'origin'),
  rich('outline_items', 'rich'),
  ...text('guide_sections', 'title'),
  ...text('guide_questions', 'text'),
  // Questionnaires (issue 27): the file's name, the questions as headers, answers as written.
  ...text('surveys', 'name', 'source_name', 'sheet'),
  ...text('survey_items', 'header', 'dimension'),
  ...text('survey_answers', 'raw'),
  { table: 'project_meta', column: 'value', format: 'auto' },
];

/** Rewrites every string inside a JSON value (keys stay); null when none changed. */
export function rewriteJson(json: string, rewrite: (text: string) => string): string | null {
  let changed = false;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const next = rewrite(value);
      if (next !== value) changed = true;
      return next;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const out = walk(parsed);
  return changed ? JSON.stringify(out) : null;
}

/** A value rewritten according to its place's format; null when nothing in it changed. */
export function rewriteValue(value: string, format: PlaceFormat, rewrite: (text: string) => string): string | null {
  if (format === 'rich' || (format === 'auto' && /^\s*[[{]/.test(value))) {
    const out = rewriteJson(value, rewrite);
    if (out !== null || format === 'rich') return out;
  }
  const next = rewrite(value);
  return next === value ? null : next;
}
