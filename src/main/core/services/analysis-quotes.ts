import type { Quote } from '../../../shared/analysis.ts';
import type { AttributeValue } from '../../../shared/model.ts';
import type { Db } from '../db/database.ts';
import { quoteRows } from '../repos/analysis-quotes.ts';
import { listParticipants } from '../repos/participants.ts';

/** Quotes of these segments in the order given; ids of segments that no longer exist are left out. */
export function quotesOf(db: Db, segmentIds: readonly string[]): Quote[] {
  const rows = quoteRows(db, segmentIds);
  const attributes = new Map<string, Record<string, AttributeValue>>(
    rows.some((r) => r.participantId) ? listParticipants(db).map((p) => [p.id, p.attributes]) : [],
  );
  return rows.map(({ participantId, participantName, labelIdsJson, ...row }) => ({
    ...row,
    participant: participantId ? { id: participantId, name: participantName ?? '', attributes: attributes.get(participantId) ?? {} } : null,
    labelIds: JSON.parse(labelIdsJson) as string[],
  }));
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
