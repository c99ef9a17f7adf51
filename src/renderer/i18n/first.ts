import { agreementFirstStrings } from '../features/agreement/i18n-first.ts';
import { codingFirstStrings } from '../features/coding/i18n-first.ts';
import { interchangeFirstStrings } from '../features/interchange/i18n-first.ts';
import { memosFirstStrings } from '../features/memos/i18n-first.ts';
import { mergeFirstStrings } from '../features/merge/i18n-first.ts';
import { protectFirstStrings } from '../features/protect/i18n-first.ts';
import { pseudonymiseFirstStrings } from '../features/pseudonymise/i18n-first.ts';
import { retrievalFirstStrings } from '../features/retrieval/i18n-first.ts';
import { roundsFirstStrings } from '../features/rounds/i18n-first.ts';
import { speakersFirstStrings } from '../features/speakers/i18n-first.ts';
import { surveysFirstStrings } from '../features/surveys/i18n-first.ts';
import { tasksStrings } from '../features/tasks/i18n.ts';
import { transcriptEditFirstStrings } from '../features/transcript-edit/i18n-first.ts';
import { en } from './en.ts';
import { nl } from './nl.ts';

/**
 * What comes with the page (issue 19): the app's own strings, the tasks bar's, and of each area the
 * strings round 1's screens show (features/<area>/i18n-first.ts), under the area's name. The rest of
 * every area (features/<area>/i18n.ts, see areas.ts) is merged in, deeply, before any later screen or
 * dialog is drawn. tests/hosts/first-hour.test.ts checks that every key the first download's code
 * names is here, in both languages.
 */
const firstAreas = {
  agreement: agreementFirstStrings,
  coding: codingFirstStrings,
  interchange: interchangeFirstStrings,
  memos: memosFirstStrings,
  merge: mergeFirstStrings,
  protect: protectFirstStrings,
  pseudonymise: pseudonymiseFirstStrings,
  retrieval: retrievalFirstStrings,
  rounds: roundsFirstStrings,
  speakers: speakersFirstStrings,
  surveys: surveysFirstStrings,
  tasks: tasksStrings,
  transcriptEdit: transcriptEditFirstStrings,
};

export function firstStrings(language: 'en' | 'nl'): Record<string, unknown> {
  const areas = Object.fromEntries(Object.entries(firstAreas).map(([name, strings]) => [name, strings[language]]));
  return { ...(language === 'en' ? en : nl), ...areas };
}
