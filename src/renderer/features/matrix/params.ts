import type { AttributeValue, SpeakerScope } from '../../../shared/model.ts';
import type { MatrixColumns, MatrixFilter, MatrixRows } from '../../../shared/analysis.ts';

export interface MatrixRequest {
  rows: MatrixRows;
  by: MatrixColumns;
  groupBy?: string;
  filter?: MatrixFilter;
  /** Left out: participants' speech only. */
  speakers?: SpeakerScope;
}

export interface MatrixCellRequest {
  rows: MatrixRows;
  rowId: string;
  by: MatrixColumns;
  columnId: string | null;
  speakers?: SpeakerScope;
}

/**
 * The matrix settings live in the address (`#/matrix?rows=labels&by=document&group=onderwijsvorm&a.net=GO`)
 * so that a reload and the back button keep them. Filter values travel as text, as in retrieval.
 */
const ATTRIBUTE = 'a.';

export function requestFromParams(params: Record<string, string>, choices: Array<{ attribute: { name: string }; values: AttributeValue[] }>): MatrixRequest {
  const rows: MatrixRows = params.rows === 'labels' ? 'labels' : 'concepts';
  const by: MatrixColumns = params.by === 'document' ? 'document' : 'participant';
  const request: MatrixRequest = { rows, by };
  if (params.group) request.groupBy = params.group;
  // `speakers=all` adds the interviewer's speech (the switch); the default counts participants only.
  if (params.speakers === 'all') request.speakers = 'all';
  const attributes: Record<string, AttributeValue[]> = {};
  for (const [key, text] of Object.entries(params)) {
    if (!key.startsWith(ATTRIBUTE) || text === '') continue;
    const name = key.slice(ATTRIBUTE.length);
    // The typed value (a number stays a number) when a participant has it; the text otherwise.
    const typed = choices.find((c) => c.attribute.name === name)?.values.find((v) => String(v) === text);
    attributes[name] = [typed ?? text];
  }
  if (Object.keys(attributes).length > 0) request.filter = { attributes };
  return request;
}

export const attributeParam = (name: string) => `${ATTRIBUTE}${name}`;

/** The heat of a cell, 0..1, on a square-root scale so that small counts stay visible beside large ones. */
export function heat(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.sqrt(count / max);
}
