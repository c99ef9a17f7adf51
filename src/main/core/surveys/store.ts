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

const answerInserts = new WeakMap<Db, ReturnType<Db['prepare']>>();

/** One statement per project: a survey of 10,000 respondents has hundreds of thousands of answers. */
export function insertAnswer(db: Db, answer: { itemId: string; participantId: string; value: number; raw: string }): void {
  let statement = answerInserts.get(db);
  if (!statement) {
    statement = db.prepare('INSERT INTO survey_answers (item_id, participant_id, value, raw) VALUES (@itemId, @participantId, @value, @raw)');
    answerInserts.set(db, statement);
  }
  statement.run(answer);
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

/** Every answer with its item and respondent, for the scales view. */
export function listAnswers(db: Db): Array<{ itemId: string; participantId: string; value: number }> {
  return db.prepare('SELECT item_id AS itemId, participant_id AS participantId, value FROM survey_answers').all() as Array<{ itemId: string; participantId: string; value: number }>;
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

export { ensureGuideSection } from '../repos/guide.ts';
