import type { Quote } from '../../../shared/analysis.ts';
import type { Db } from '../db/database.ts';
import { quoteRows } from './store-quotes.ts';
import { listParticipants } from '../participants/store.ts';
import { countedKeysOf } from '../speakers/service.ts';

/**
 * Quotes of these segments in the order given; ids of segments that no longer exist are left out.
 * Each is credited to the speaker's participant (a focus-group quote to the person who said it), an
 * interviewer's passage to the interviewer.
 */
export function quotesOf(db: Db, segmentIds: readonly string[]): Quote[] {
  const rows = quoteRows(db, segmentIds);
  const speech = countedKeysOf(db, segmentIds, 'participants');
  const people = new Map(rows.length ? listParticipants(db).map((p) => [p.id, p]) : []);
  return rows.map(({ participantId, participantName, labelIdsJson, page, lastPage, citation, ...row }) => {
    const said = speech.get(row.segmentId)?.speech;
    const key = said ? (said.keys[0] ?? null) : participantId;
    const person = key ? people.get(key) : undefined;
    return {
      ...row,
      // Only a PDF's quotes have pages, only a cited document a citation: other quotes stay as they were.
      ...(page !== null ? { page, lastPage: lastPage ?? page } : {}),
      ...(citation !== null ? { citation } : {}),
      participant: person ? { id: person.id, name: person.name, attributes: person.attributes } : key && key === participantId ? { id: key, name: participantName ?? '', attributes: {} } : null,
      speakerRole: said && said.keys.length === 0 && said.staffRole ? said.staffRole : 'participant',
      labelIds: JSON.parse(labelIdsJson) as string[],
    };
  });
}

/** Quotes grouped by participant (by name), documents without a participant last under `null`. */
export function groupByParticipant(quotes: Quote[]): Array<{ participant: Quote['participant']; quotes: Quote[] }> {
  const groups = new Map<string, { participant: Quote['participant']; quotes: Quote[] }>();
  for (const quote of quotes) {
    const key = quote.participant?.id ?? '';
    const group = groups.get(key) ?? { participant: quote.participant, quotes: [] };
    group.quotes.push(quote);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.participant || !b.participant) return a.participant ? -1 : b.participant ? 1 : 0;
    return a.participant.name.localeCompare(b.participant.name, 'nl', { sensitivity: 'base' });
  });
}
