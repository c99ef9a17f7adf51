import type { TFunction } from 'i18next';
import { formatNumber } from '../../components/format.ts';

/**
 * A concept's counts as words, each in its own plural: "1 passage van 1 deelnemer", never
 * "1 passages van 1 deelnemers" (one template with three counts cannot choose three plurals).
 */
export function supportCounts(t: TFunction, language: string, counts: { segments: number; participants: number; documents?: number }) {
  const say = (key: string, count: number) => t(`concepts.${key}`, { count, n: formatNumber(count, language) });
  return {
    segments: say('passages', counts.segments),
    participants: say('participants', counts.participants),
    documents: say('transcripts', counts.documents ?? 0),
  };
}
