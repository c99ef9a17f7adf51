import { DuidingError } from '../../../shared/errors.ts';
import type { AttributeValue } from '../../../shared/model.ts';
import type { CodedAnswers, ScaleRow, ScalesResult, Summary, SurveyItem } from '../../../shared/surveys/model.ts';
import { summarise } from '../../../shared/surveys/stats.ts';
import type { Db } from '../db/database.ts';
import { listAttributes, listParticipants } from '../repos/participants.ts';
import { codedAnswers, listAnswers, listItems, questionnaireRespondents } from './store.ts';

const groupText = (value: AttributeValue) => (typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));

/** The attribute named (case aside), or a usage error listing the ones there are. */
export function resolveAttribute(db: Db, by: string | null | undefined): string | null {
  if (!by) return null;
  const attributes = listAttributes(db);
  const found = attributes.find((a) => a.name.toLowerCase() === by.trim().toLowerCase());
  if (!found) throw new DuidingError(`There is no participant attribute "${by}"; the attributes are: ${attributes.map((a) => a.name).join(', ') || 'none yet'}.`, 'usage');
  return found.name;
}

/** Each participant's value of the attribute, as text (a group's key). */
function groupsOf(db: Db, by: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!by) return out;
  for (const p of listParticipants(db)) {
    const value = p.attributes[by];
    if (value !== undefined && value !== null && groupText(value) !== '') out.set(p.id, groupText(value));
  }
  return out;
}

function distributionOf(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

/**
 * Per dimension: a respondent's score is the mean of their answers to its items (a reversed item
 * counted as min + max − answer); n, mean, median and spread are over respondents. The
 * distribution counts the answers themselves, for the chart. Per numeric column: the answers.
 * Overall and per value of the attribute `by` (respondents without a value are in "all" only).
 */
export function computeScales(db: Db, byName: string | null | undefined): ScalesResult {
  const by = resolveAttribute(db, byName);
  const items = listItems(db);
  const answers = listAnswers(db);
  const groups = groupsOf(db, by);
  const groupValues = [...new Set(groups.values())].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true }));
  const answersOf = new Map<string, Array<{ participantId: string; value: number }>>();
  for (const a of answers) {
    const list = answersOf.get(a.itemId);
    if (list) list.push(a);
    else answersOf.set(a.itemId, [a]);
  }

  const row = (name: string, kind: ScaleRow['kind'], members: SurveyItem[]): ScaleRow => {
    const perRespondent = new Map<string, number[]>();
    const points: Array<{ participantId: string; value: number }> = [];
    for (const item of members) {
      for (const a of answersOf.get(item.id) ?? []) {
        const value = item.reversed && item.scale ? item.scale.min + item.scale.max - a.value : a.value;
        const values = perRespondent.get(a.participantId);
        if (values) values.push(value);
        else perRespondent.set(a.participantId, [value]);
        points.push({ participantId: a.participantId, value });
      }
    }
    const scores = [...perRespondent].map(([participantId, values]) => ({ participantId, score: values.reduce((s, v) => s + v, 0) / values.length }));
    const isScale = kind === 'dimension';
    const scales = members.map((m) => m.scale).filter((s) => s !== null);
    const sameWords = scales.every((s) => JSON.stringify(s.words) === JSON.stringify(scales[0]?.words));
    const summary = (filter: (participantId: string) => boolean): Summary & { distribution: Record<string, number> | null } => ({
      ...summarise(scores.filter((s) => filter(s.participantId)).map((s) => s.score)),
      distribution: isScale ? distributionOf(points.filter((p) => filter(p.participantId)).map((p) => p.value)) : null,
    });
    const all = summary(() => true);
    return {
      name,
      kind,
      items: members.map((m) => m.header),
      scale: isScale && scales.length ? { min: Math.min(...scales.map((s) => s.min)), max: Math.max(...scales.map((s) => s.max)), words: sameWords ? (scales[0]!.words ?? null) : null } : null,
      ...all,
      groups: Object.fromEntries(groupValues.map((value) => [value, summary((participantId) => groups.get(participantId) === value)])),
    };
  };

  const dimensions = new Map<string, SurveyItem[]>();
  for (const item of items.filter((i) => i.kind === 'scale')) {
    const members = dimensions.get(item.dimension);
    if (members) members.push(item);
    else dimensions.set(item.dimension, [item]);
  }
  const rows: ScaleRow[] = [...dimensions].map(([name, members]) => row(name, 'dimension', members));
  for (const item of items.filter((i) => i.kind === 'numeric')) rows.push(row(item.header, 'numeric', [item]));
  return { by, groupValues, items: rows };
}

/** The joint display's other half: per group, the labels on what its respondents wrote, with a few quotes each. */
export function computeCodedAnswers(db: Db, byName: string | null | undefined, quotesPerLabel = 3): CodedAnswers {
  const by = resolveAttribute(db, byName);
  const groups = groupsOf(db, by);
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
