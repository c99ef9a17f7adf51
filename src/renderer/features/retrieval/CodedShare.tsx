import { useTranslation } from 'react-i18next';
import type { DocumentProgress } from '../../../shared/model.ts';
import { formatShare } from '../../components/format.ts';

/** How much of a document's text is coded, as a percentage and a bar (for the transcripts list). */
export function CodedShare({ progress }: { progress: DocumentProgress | undefined }) {
  const { t, i18n } = useTranslation();
  if (!progress) return null;
  const percent = formatShare(progress.share, i18n.language);
  const label = t('retrieval.codedShare', { percent });
  return (
    <span className="coded-share" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress.share * 1000) / 10} aria-valuetext={label} aria-label={label} title={label}>
      <span className="coded-share__bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, progress.share * 100)}%` }} />
      </span>
      <span className={`coded-share__value${progress.segments === 0 ? ' muted' : ''}`}>{percent}</span>
    </span>
  );
}
