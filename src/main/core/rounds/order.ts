import { DuidingError } from '../../../shared/errors.ts';

/** The list with `id` taken out and put back at `index` (clamped to the end). */
export function placeAt(ids: readonly string[], id: string, index: number): string[] {
  const rest = ids.filter((x) => x !== id);
  rest.splice(Math.min(index, rest.length), 0, id);
  return rest;
}

/** The ids once each, in first-seen order; refuses ids that are not in `known`, naming the first. */
export function checkedIds(ids: readonly string[], known: Set<string>, what: string): string[] {
  const unique = [...new Set(ids)];
  const missing = unique.find((id) => !known.has(id));
  if (missing) throw new DuidingError(`There is no ${what} with id ${missing}.`, 'input', { code: 'notFound', params: { what, id: missing } });
  return unique;
}

export function notFound(what: string, id: string): DuidingError {
  return new DuidingError(`There is no ${what} with id ${id}.`, 'input', { code: 'notFound', params: { what, id } });
}

/** Short form of a text for change-log summaries. */
export function short(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
