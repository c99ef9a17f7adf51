import type { GuideSection } from '../../../shared/model.ts';
import type { Project } from '../project.ts';
import { assertGuideReplaceable } from './spans.ts';
import { readGuide, replaceGuide } from './store.ts';

/** Replaces the interview guide (refused while passages are marked against its questions). */
export function setGuide(project: Project, sections: Parameters<typeof replaceGuide>[1]): GuideSection[] {
  assertGuideReplaceable(project);
  return project.write('guide/set', () => {
    replaceGuide(project.db, sections);
    return { result: readGuide(project.db), summary: `Set the interview guide (${sections.length} sections)` };
  });
}
