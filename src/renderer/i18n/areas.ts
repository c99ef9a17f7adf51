import type { Language } from './index.ts';
import { codebookStrings } from '../features/codebook/i18n.ts';
import { codingStrings } from '../features/coding/i18n.ts';
import { mapStrings } from '../features/concept-map/i18n.ts';
import { conceptsStrings } from '../features/concepts/i18n.ts';
import { lqStrings } from '../features/learning-questions/i18n.ts';
import { matrixStrings } from '../features/matrix/i18n.ts';
import { outlineStrings } from '../features/outline/i18n.ts';
import { roundsStrings } from '../features/rounds/i18n.ts';
import { tensionsStrings } from '../features/tensions/i18n.ts';
import { memosStrings } from '../features/memos/i18n.ts';
import { participantDetailStrings } from '../features/participants/i18n.ts';
import { retrievalStrings } from '../features/retrieval/i18n.ts';
import { interchangeStrings } from '../features/interchange/i18n.ts';
import { pseudonymiseStrings } from '../features/pseudonymise/i18n.ts';
import { speakersStrings } from '../features/speakers/i18n.ts';
import { protectStrings } from '../features/protect/i18n.ts';
import { surveysStrings } from '../features/surveys/i18n.ts';
import { transcriptEditStrings } from '../features/transcript-edit/i18n.ts';
import { mergeStrings } from '../features/merge/i18n.ts';
import { agreementStrings } from '../features/agreement/i18n.ts';
import { importStrings, reportStrings } from '../features/documents/i18n.ts';

/** Rounds 2 and 3 and the report. */
const analysisAreas = { rounds: roundsStrings, concepts: conceptsStrings, matrix: matrixStrings, map: mapStrings, lq: lqStrings, tensions: tensionsStrings, outline: outlineStrings };
/** Each area keeps its own strings (features/<area>/i18n.ts); they are merged under the area's name. */
const areas = { codebook: codebookStrings, coding: codingStrings, memos: memosStrings, participantDetail: participantDetailStrings, retrieval: retrievalStrings, interchange: interchangeStrings, pseudonymise: pseudonymiseStrings, speakers: speakersStrings, protect: protectStrings, surveys: surveysStrings, transcriptEdit: transcriptEditStrings, merge: mergeStrings, agreement: agreementStrings, import: importStrings, report: reportStrings, ...analysisAreas };

/** Every area's strings in one language, under the area's name (loaded after the start screen, see index.ts). */
export function areaStrings(language: Language): Record<string, unknown> {
  return Object.fromEntries(Object.entries(areas).map(([name, strings]) => [name, strings[language]]));
}
