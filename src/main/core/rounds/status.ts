import type { RoundStatus } from '../../../shared/analysis.ts';
import type { Db } from '../db/database.ts';
import { outlineSize } from '../outline/store.ts';
import { labelsInNoConcept, questionsWithoutSupport, round1Counts, tensionsWithoutImplications } from './store-status.ts';
import { countRows } from '../documents/store.ts';
import { listConcepts } from '../concepts/service.ts';

/** What is left to do in each round, for the round tabs. */
export function roundStatus(db: Db): RoundStatus {
  const concepts = listConcepts(db);
  const questionsLeft = questionsWithoutSupport(db);
  const tensionsLeft = tensionsWithoutImplications(db);
  return {
    round1: round1Counts(db),
    round2: {
      concepts: concepts.length,
      labelsInNoConcept: labelsInNoConcept(db),
      conceptsWithoutQuotes: concepts.filter((c) => c.segmentCount === 0).map((c) => c.id),
    },
    round3: {
      learningQuestions: countRows(db, 'learning_questions'),
      tensions: countRows(db, 'tensions'),
      questionsWithoutSupport: questionsLeft,
      tensionsWithoutImplications: tensionsLeft,
    },
    report: outlineSize(db),
  };
}
