import type { AttributeType, AttributeValue, ParticipantsImported } from '../../../shared/model.ts';
import { DuidingError } from '../../../shared/errors.ts';
import { canonicalText } from '../../../shared/text/normalize.ts';
import { readCsv } from '../files/csv.ts';
import { decodeText } from './importers/decode.ts';
import type { Project } from '../project.ts';
import type { Pseudonymizer } from './pseudonyms.ts';
import { ensureAttribute, findParticipantByName, insertParticipant, setAttributeValue } from '../participants/store.ts';

const NAME_COLUMN = /^(name|naam|participant|deelnemer|respondent|pseudonym|pseudoniem|case|id)$/i;
const TRUE = /^(ja|yes|true|waar|j|y)$/i;
const FALSE = /^(nee|no|false|onwaar|n)$/i;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The narrowest type that holds every non-empty value of a column. */
export function inferType(values: string[]): AttributeType {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return 'text';
  if (present.every((v) => NUMBER.test(v))) return 'number';
  if (present.every((v) => TRUE.test(v) || FALSE.test(v))) return 'boolean';
  if (present.every((v) => DATE.test(v) && !Number.isNaN(Date.parse(v)))) return 'date';
  return 'text';
}

function typed(value: string, type: AttributeType): AttributeValue {
  if (type === 'number') return Number(value.replace(',', '.'));
  if (type === 'boolean') return TRUE.test(value);
  return value;
}

/**
 * Reads a participants table (one row per participant: a name column plus any attribute columns)
 * into the project in one transaction. Names pass through the pseudonym list first.
 */
export function importParticipantsCsv(
  project: Project,
  file: { name: string; bytes: Uint8Array },
  pseudonyms: Pseudonymizer | null,
): ParticipantsImported {
  // Every cell passes through the pseudonym list: attribute values name schools and colleagues too.
  const rows = readCsv(file.name, canonicalText(decodeText(file.name, file.bytes).text)).map((row) =>
    row.map((cell) => (pseudonyms ? pseudonyms.apply(cell) : cell).normalize('NFC')),
  );
  const [header, ...body] = rows;
  if (!header || body.length === 0) {
    throw new DuidingError(`${file.name} has no participants: expected a header row (name, attributes…) and one row per participant.`);
  }
  const nameAt = Math.max(0, header.findIndex((h) => NAME_COLUMN.test(h)));
  const columns = header
    .map((title, index) => ({ title: title.trim(), index }))
    .filter((c) => c.index !== nameAt && c.title !== '');
  const seen = new Set<string>();
  body.forEach((row, i) => {
    const name = row[nameAt]?.trim() ?? '';
    if (!name) throw new DuidingError(`${file.name}, row ${i + 2}: the name cell ("${header[nameAt]}") is empty.`);
    if (seen.has(name.toLowerCase())) throw new DuidingError(`${file.name}, row ${i + 2}: "${name}" appears twice.`);
    seen.add(name.toLowerCase());
  });
  const types = columns.map((c) => inferType(body.map((row) => row[c.index]?.trim() ?? '')));
  return project.write('participants/import', () => {
    let created = 0;
    let updated = 0;
    const attributes = columns.map((c, k) => ensureAttribute(project.db, c.title, types[k]!));
    for (const row of body) {
      const name = row[nameAt]!.trim();
      let id = findParticipantByName(project.db, name)?.id;
      if (id) updated++;
      else {
        id = insertParticipant(project.db, name);
        created++;
      }
      columns.forEach((c, k) => {
        const raw = row[c.index]?.trim() ?? '';
        if (raw !== '') setAttributeValue(project.db, id, attributes[k]!.id, typed(raw, attributes[k]!.type));
      });
    }
    const result: ParticipantsImported = { file: file.name, status: 'imported', created, updated, attributes };
    return {
      result,
      summary: `Imported participants: ${created} new, ${updated} updated, ${attributes.length} attributes`,
      detail: { created, updated, attributes: attributes.map((a) => a.name) },
    };
  }, { kind: 'baseline', tables: ['participants', 'attributes', 'participant_attributes'] });
}
