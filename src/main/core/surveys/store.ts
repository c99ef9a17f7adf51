/** The SQL of questionnaires: surveys, their items and answers, and the guide sections of open questions. */
import type { Db } from '../db/database.ts';
import type { ScaleDefinition, SurveyItem } from '../../../shared/surveys/model.ts';

export function findSurveyByHash(db: Db, hash: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM surveys WHERE source_hash = ?').get(hash) as { id: string; name: string } | undefined;
}

export function insertSurvey(db: Db, survey: { id: string; name: string; sourceName: string; sourceHash: string; sheet: string | null; importedAt: string; importedBy: string }): void {
  db.prepare(
    'INSERT INTO surveys (id, name, source_name, source_hash, sheet, imported_at, imported_by) VALUES (@id, @name, @sourceName, @sourceHash, @sheet, @importedAt, @importedBy)',
  ).run(survey);
}

export function insertItem(db: Db, item: { id: string; surveyId: string; position: number; header: string; kind: 'scale' | 'numeric'; dimension: string; scale: ScaleDefinition | null; reversed: boolean }): void {
  db.prepare(
    'INSERT INTO survey_items (id, survey_id, position, header, kind, dimension, scale, reversed) VALUES (@id, @surveyId, @position, @header, @kind, @dimension, @scale, @reversed)',
  ).run({ ...item, scale: item.scale ? JSON.stringify(item.scale) : null, reversed: item.reversed ? 1 : 0 });
}

/** The order answers go in (the primary key's): the caller sorts them once with it, then writes them in chunks. */
export const answerOrder = (a: { itemId: string; participantId: string }, b: { itemId: string; participantId: string }): number =>
  a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0;

/**
 * Answers already in `answerOrder`, item by item and within an item by respondent id: the answers' two
 * indexes (by item and respondent, by respondent) then grow in order instead of at random places.
 * In file order, 10,000 respondents × 42 items took 25 s in the respondent index alone (each item a
 * pass of random writes over an index larger than SQLite's page cache); the page cache is also made
 * larger while they are written.
 */
export function insertAnswersInOrder(db: Db, answers: Array<{ itemId: string; participantId: string; value: number; raw: string }>): void {
  const insert = db.prepare('INSERT INTO survey_answers (item_id, participant_id, value, raw) VALUES (?, ?, ?, ?)');
  const cache = db.pragma('cache_size', { simple: true }) as number;
  // 64 MB (negative: KiB) while the answers go in; the project's own size afterwards.
  db.pragma('cache_size = -65536');
  try {
    for (const a of answers) insert.run(a.itemId, a.participantId, a.value, a.raw);
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}

interface ItemRow {
  id: string;
  survey: string;
  header: string;
  kind: 'scale' | 'numeric';
  dimension: string;
  scale: string | null;
  reversed: number;
  answers: number;
}

export function listItems(db: Db): SurveyItem[] {
  const rows = db
    .prepare(
      `SELECT i.id, s.name AS survey, i.header, i.kind, i.dimension, i.scale, i.reversed,
              (SELECT COUNT(*) FROM survey_answers a WHERE a.item_id = i.id) AS answers
       FROM survey_items i JOIN surveys s ON s.id = i.survey_id
       ORDER BY s.imported_at, s.id, i.position`,
    )
    .all() as ItemRow[];
  return rows.map((r) => ({ ...r, reversed: r.reversed === 1, scale: r.scale ? (JSON.parse(r.scale) as ScaleDefinition) : null }));
}

export function getItem(db: Db, id: string): SurveyItem | undefined {
  return listItems(db).find((i) => i.id === id);
}

export function updateItem(db: Db, id: string, patch: { dimension?: string; reversed?: boolean }): void {
  if (patch.dimension !== undefined) db.prepare('UPDATE survey_items SET dimension = ? WHERE id = ?').run(patch.dimension, id);
  if (patch.reversed !== undefined) db.prepare('UPDATE survey_items SET reversed = ? WHERE id = ?').run(patch.reversed ? 1 : 0, id);
}

/**
 * The items with the number a reversed one is flipped around (min + max), worked out once per item
 * rather than once per answer.
 */
const ITEMS_WITH_FLIP = `WITH it AS MATERIALIZED (
  SELECT id, kind, dimension, CASE WHEN kind = 'scale' AND reversed = 1 THEN json_extract(scale, '$.min') + json_extract(scale, '$.max') END AS flip FROM survey_items)`;
const COUNTED_VALUE = 'CASE WHEN it.flip IS NULL THEN a.value ELSE it.flip - a.value END';

/**
 * Each respondent's score per row of the scales view, as [kind, key, participant, score]: for a
 * dimension ('d', its name) the mean of the respondent's answers to its items, a reversed item
 * counted as min + max − answer; for a numeric question ('n', its item id) the answer. One grouped
 * query: 10,000 respondents × 42 items are 420,000 answers but 70,000 scores.
 */
export function respondentScores(db: Db): Array<['d' | 'n', string, string, number]> {
  return db
    .prepare(
      `${ITEMS_WITH_FLIP}
       SELECT 'd', it.dimension, a.participant_id, AVG(${COUNTED_VALUE}) FROM survey_answers a JOIN it ON it.id = a.item_id
        WHERE it.kind = 'scale' GROUP BY it.dimension, a.participant_id
       UNION ALL
       SELECT 'n', it.id, a.participant_id, a.value FROM survey_answers a JOIN it ON it.id = a.item_id WHERE it.kind = 'numeric'`,
    )
    .raw()
    .all() as Array<['d' | 'n', string, string, number]>;
}

/**
 * How often each scale point was answered per dimension and value of the attribute (null: no value
 * or no attribute), as [dimension, attribute value, point, count], reversed items flipped.
 */
export function pointCounts(db: Db, attributeId: string | null): Array<[string, string | number | null, number, number]> {
  return db
    .prepare(
      `${ITEMS_WITH_FLIP}
       SELECT it.dimension, pa.value, ${COUNTED_VALUE} AS point, COUNT(*) FROM survey_answers a JOIN it ON it.id = a.item_id
         LEFT JOIN participant_attributes pa ON pa.participant_id = a.participant_id AND pa.attribute_id = ?
        WHERE it.kind = 'scale' GROUP BY 1, 2, 3`,
    )
    .raw()
    .all(attributeId) as Array<[string, string | number | null, number, number]>;
}

/** Each participant's value of one attribute, as stored (0/1 for a boolean). */
export function attributeValues(db: Db, attributeId: string): Array<[string, string | number]> {
  return db.prepare('SELECT participant_id, value FROM participant_attributes WHERE attribute_id = ?').raw().all(attributeId) as Array<[string, string | number]>;
}

/** Participant names that look like generated respondent names (`R01`), to number new ones after them. */
export function highestGeneratedRespondent(db: Db): number {
  const names = db.prepare("SELECT name FROM participants WHERE name GLOB 'R[0-9]*'").pluck().all() as string[];
  return Math.max(0, ...names.map((n) => (/^R(\d+)$/.exec(n) ? Number(n.slice(1)) : 0)));
}

/**
 * The coded open answers of questionnaires: each coding's label, segment, respondent and the guide
 * section (the question) its segment lies in. Questionnaire turns carry no speaker: the document's
 * participant is the respondent.
 */
export function codedAnswers(db: Db): Array<{ segmentId: string; text: string; participantId: string; participant: string; labelId: string; label: string; colour: string | null; question: string | null }> {
  return db
    .prepare(
      `SELECT s.id AS segmentId, s.text AS text, d.participant_id AS participantId, p.name AS participant,
              l.id AS labelId, l.name AS label, l.colour AS colour,
              (SELECT gs.title FROM guide_spans g JOIN guide_sections gs ON gs.id = g.section_id
                WHERE g.document_id = s.document_id AND g.start <= s.start AND g.end >= s.end ORDER BY g.start LIMIT 1) AS question
       FROM segments s
       JOIN documents d ON d.id = s.document_id AND d.kind = 'questionnaire' AND d.participant_id IS NOT NULL
       JOIN participants p ON p.id = d.participant_id
       JOIN codings c ON c.segment_id = s.id
       JOIN labels l ON l.id = c.label_id
       ORDER BY l.name COLLATE NOCASE, p.name COLLATE NOCASE, s.start`,
    )
    .all() as Array<{ segmentId: string; text: string; participantId: string; participant: string; labelId: string; label: string; colour: string | null; question: string | null }>;
}

/** The participants who answered a questionnaire. */
export function questionnaireRespondents(db: Db): string[] {
  return db.prepare("SELECT DISTINCT participant_id FROM documents WHERE kind = 'questionnaire' AND participant_id IS NOT NULL").pluck().all() as string[];
}

/** The names the scales view gives its rows: each dimension (of scale items), then each numeric question's header. */
export function rowNames(db: Db): string[] {
  return db
    .prepare(
      `SELECT name FROM (SELECT dimension AS name, MIN(s.imported_at) AS at, 0 AS k, MIN(i.position) AS p FROM survey_items i JOIN surveys s ON s.id = i.survey_id WHERE i.kind = 'scale' GROUP BY dimension
        UNION ALL SELECT i.header, s.imported_at, 1, i.position FROM survey_items i JOIN surveys s ON s.id = i.survey_id WHERE i.kind = 'numeric')
       ORDER BY k, at, p`,
    )
    .pluck()
    .all() as string[];
}

export { ensureGuideSection } from '../guide/store.ts';
