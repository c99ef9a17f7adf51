import { DuidingError } from '../../../shared/errors.ts';
import type { AttributeDefinition, AttributeValue } from '../../../shared/model.ts';
import type { CodedAnswers, ScaleRow, ScalesResult, SurveyItem } from '../../../shared/surveys/model.ts';
import { summarise } from '../../../shared/surveys/stats.ts';
import type { Db } from '../db/database.ts';
import { listAttributes } from '../participants/store.ts';
import { attributeValues, codedAnswers, listItems, pointCounts, questionnaireRespondents, respondentScores } from './store.ts';

const groupText = (value: AttributeValue) => (typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));

/** The attribute named (case aside), or a usage error listing the ones there are. */
export function resolveAttribute(db: Db, by: string | null | undefined): string | null {
  return findAttribute(db, by)?.name ?? null;
}

function findAttribute(db: Db, by: string | null | undefined): AttributeDefinition | null {
  if (!by) return null;
  const attributes = listAttributes(db);
  const found = attributes.find((a) => a.name.toLowerCase() === by.trim().toLowerCase());
  if (!found) throw new DuidingError(`There is no participant attribute "${by}"; the attributes are: ${attributes.map((a) => a.name).join(', ') || 'none yet'}.`, 'usage');
  return found;
}

/** A stored attribute value as the group's key (text), or null for none: booleans as true/false, numbers as written. */
function groupKey(attribute: AttributeDefinition | null, value: string | number | null): string | null {
  if (value === null || attribute === null) return null;
  const text = groupText(attribute.type === 'boolean' ? value === 1 : value);
  return text === '' ? null : text;
}

/** Each participant's group: their value of the attribute, as text. */
function groupsOf(db: Db, attribute: AttributeDefinition | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!attribute) return out;
  for (const [participantId, value] of attributeValues(db, attribute.id)) {
    const key = groupKey(attribute, value);
    if (key !== null) out.set(participantId, key);
  }
  return out;
}

/**
 * Per dimension: a respondent's score is the mean of their answers to its items (a reversed item
 * counted as min + max − answer); n, mean, median and spread are over respondents. The
 * distribution counts the answers themselves, for the chart. Per numeric column: the answers.
 * Overall and per value of the attribute `by` (respondents without a value are in "all" only).
 * The answers are read grouped (scores per respondent, counts per scale point and group), never
 * one object per answer: the view of 10,000 respondents × 42 items stays well under a second.
 */
export function computeScales(db: Db, byName: string | null | undefined): ScalesResult {
  const attribute = findAttribute(db, byName);
  const by = attribute?.name ?? null;
  const items = listItems(db);
  const groups = groupsOf(db, attribute);
  const groupValues = [...new Set(groups.values())].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true }));

  // Scores per row, bucketed per group as they are read.
  const scoresOf = new Map<string, { all: number[]; byGroup: Map<string, number[]> }>();
  for (const [kind, key, participantId, score] of respondentScores(db)) {
    const rowKey = `${kind}:${key}`;
    let scores = scoresOf.get(rowKey);
    if (!scores) scoresOf.set(rowKey, (scores = { all: [], byGroup: new Map() }));
    scores.all.push(score);
    const group = groups.get(participantId);
    if (group !== undefined) {
      const list = scores.byGroup.get(group);
      if (list) list.push(score);
      else scores.byGroup.set(group, [score]);
    }
  }
  const distributions = new Map<string, { all: Record<string, number>; byGroup: Map<string, Record<string, number>> }>();
  for (const [dimension, value, point, count] of pointCounts(db, attribute?.id ?? null)) {
    let d = distributions.get(dimension);
    if (!d) distributions.set(dimension, (d = { all: {}, byGroup: new Map() }));
    const key = String(point);
    d.all[key] = (d.all[key] ?? 0) + count;
    const group = groupKey(attribute, value);
    if (group !== null) {
      const record = d.byGroup.get(group) ?? {};
      record[key] = (record[key] ?? 0) + count;
      d.byGroup.set(group, record);
    }
  }

  const row = (name: string, kind: ScaleRow['kind'], rowKey: string, members: SurveyItem[]): ScaleRow => {
    const isScale = kind === 'dimension';
    const scores = scoresOf.get(rowKey);
    const distribution = isScale ? distributions.get(name) : undefined;
    const scales = members.map((m) => m.scale).filter((s) => s !== null);
    const sameWords = scales.every((s) => JSON.stringify(s.words) === JSON.stringify(scales[0]?.words));
    return {
      name,
      kind,
      items: members.map((m) => m.header),
      scale: isScale && scales.length ? { min: Math.min(...scales.map((s) => s.min)), max: Math.max(...scales.map((s) => s.max)), words: sameWords ? (scales[0]!.words ?? null) : null } : null,
      ...summarise(scores?.all ?? []),
      distribution: isScale ? { ...(distribution?.all ?? {}) } : null,
      groups: Object.fromEntries(
        groupValues.map((value) => [value, { ...summarise(scores?.byGroup.get(value) ?? []), distribution: isScale ? { ...(distribution?.byGroup.get(value) ?? {}) } : null }]),
      ),
    };
  };

  const dimensions = new Map<string, SurveyItem[]>();
  for (const item of items.filter((i) => i.kind === 'scale')) {
    const members = dimensions.get(item.dimension);
    if (members) members.push(item);
    else dimensions.set(item.dimension, [item]);
  }
  const rows: ScaleRow[] = [...dimensions].map(([name, members]) => row(name, 'dimension', `d:${name}`, members));
  for (const item of items.filter((i) => i.kind === 'numeric')) rows.push(row(item.header, 'numeric', `n:${item.id}`, [item]));
  return { by, groupValues, items: rows };
}

/** The joint display's other half: per group, the labels on what its respondents wrote, with a few quotes each. */
export function computeCodedAnswers(db: Db, byName: string | null | undefined, quotesPerLabel = 3): CodedAnswers {
  const attribute = findAttribute(db, byName);
  const by = attribute?.name ?? null;
  const groups = groupsOf(db, attribute);
  const rows = codedAnswers(db);
  const respondentsOf = new Map<string | null, Set<string>>();
  const respondentDocs = questionnaireRespondents(db);
  const groupKey = (participantId: string) => (by ? (groups.get(participantId) ?? null) : null);
  for (const p of respondentDocs) {
    const key = groupKey(p);
    respondentsOf.set(key, (respondentsOf.get(key) ?? new Set()).add(p));
  }
  const values: Array<string | null> = by ? [...new Set(groups.values())].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })) : [null];
  if (by && respondentsOf.has(null)) values.push(null);
  return {
    by,
    groups: values.map((value) => {
      const labels = new Map<string, CodedAnswers['groups'][number]['labels'][number] & { who: Set<string>; seen: Set<string> }>();
      for (const r of rows) {
        if (groupKey(r.participantId) !== value) continue;
        let label = labels.get(r.labelId);
        if (!label) {
          label = { labelId: r.labelId, name: r.label, colour: r.colour, segments: 0, respondents: 0, quotes: [], who: new Set(), seen: new Set() };
          labels.set(r.labelId, label);
        }
        if (label.seen.has(r.segmentId)) continue;
        label.seen.add(r.segmentId);
        label.segments++;
        label.who.add(r.participantId);
        if (label.quotes.length < quotesPerLabel) label.quotes.push({ segmentId: r.segmentId, text: r.text, participant: r.participant, question: r.question });
      }
      return {
        value,
        respondents: respondentsOf.get(value)?.size ?? 0,
        labels: [...labels.values()]
          .map(({ who, seen: _seen, ...rest }) => ({ ...rest, respondents: who.size }))
          .sort((a, b) => b.segments - a.segments || a.name.localeCompare(b.name, 'nl')),
      };
    }),
  };
}
