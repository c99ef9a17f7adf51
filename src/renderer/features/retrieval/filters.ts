import type { AttributeDefinition, AttributeValue, Participant, RetrievalFilters } from '../../../shared/model.ts';

/**
 * The filters live in the address (`#/retrieval/<label>?a.schooltype=ASO&coder=an&section=<id>`) so
 * that a reload, the back button and a bookmark keep them. Attribute values travel as text; the core
 * compares values as they read (12 and "12", true and "true").
 */
const ATTRIBUTE = 'a.';

export function filtersFromParams(params: Record<string, string>): RetrievalFilters {
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (key.startsWith(ATTRIBUTE) && value !== '') attributes[key.slice(ATTRIBUTE.length)] = value;
  const filters: RetrievalFilters = {};
  if (Object.keys(attributes).length) filters.attributes = attributes;
  if (params.coder) filters.coder = params.coder;
  if (params.section) filters.guideSectionId = params.section;
  // `speakers=all` adds the interviewer's speech (the switch); by default only the participants' counts.
  if (params.speakers === 'all') filters.speakers = 'all';
  return filters;
}

export const attributeParam = (name: string) => `${ATTRIBUTE}${name}`;

export function hasFilters(params: Record<string, string>): boolean {
  const filters = filtersFromParams(params);
  return Boolean(filters.attributes || filters.coder || filters.guideSectionId);
}

/** A value as the address carries it. */
export const valueKey = (value: AttributeValue) => String(value);

/** The values participants have for each attribute, in order, for one select per attribute. */
export function attributeChoices(attributes: AttributeDefinition[], participants: Participant[]): Array<{ attribute: AttributeDefinition; values: AttributeValue[] }> {
  return attributes
    .map((attribute) => {
      const seen = new Map<string, AttributeValue>();
      for (const p of participants) {
        const value = p.attributes[attribute.name];
        if (value !== undefined && !seen.has(valueKey(value))) seen.set(valueKey(value), value);
      }
      const values = [...seen.values()].sort((a, b) =>
        typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'nl', { numeric: true, sensitivity: 'base' }),
      );
      return { attribute, values };
    })
    .filter((choice) => choice.values.length > 0);
}

/** Whether a participant passes the attribute filters (as the core decides it). */
export function participantMatches(participant: Participant, attributes: Record<string, AttributeValue> | undefined): boolean {
  if (!attributes) return true;
  const norm = (v: AttributeValue) => String(v).normalize('NFC').toLocaleLowerCase('nl');
  const byName = new Map(Object.entries(participant.attributes).map(([name, value]) => [name.toLocaleLowerCase('nl'), value]));
  return Object.entries(attributes).every(([name, value]) => {
    const have = byName.get(name.toLocaleLowerCase('nl'));
    return have !== undefined && norm(have) === norm(value);
  });
}
