import { useTranslation } from 'react-i18next';
import type { Label, Segment } from '../../../shared/model.ts';
import { moveEndByWord, moveStartByWord } from '../../../shared/text/words.ts';
import { useStore } from '../../store/index.ts';
import { SegmentAnalysisActions } from '../rounds/SegmentAnalysisActions.tsx';

/** The selected segment: its quote, its labels (with coder, removable), and word-by-word resizing. */
export function SegmentPanelContent({ segment, text, labelsById, onAddLabel, onMarkGuide }: { segment: Segment; text: string; labelsById: Map<string, Label>; onAddLabel(): void; onMarkGuide?(): void }) {
  const { t } = useTranslation();
  const removeCoding = useStore((s) => s.removeCoding);
  const resizeSegment = useStore((s) => s.resizeSegment);
  const selectSegment = useStore((s) => s.selectSegment);
  const navigate = useStore((s) => s.navigate);
  const resize = (start: number, end: number) => {
    if (start !== segment.start || end !== segment.end) void resizeSegment(segment.id, start, end);
  };
  return (
    <section className="segment-panel" aria-label={t('coding.segment')}>
      <div className="segment-panel__head">
        <h2 className="eyebrow">{t('coding.segment')}</h2>
        <button className="icon-button" aria-label={t('coding.deselect')} onClick={() => selectSegment(null)}>
          ×
        </button>
      </div>
      <blockquote className="segment-panel__quote">{segment.text}</blockquote>
      <ul className="segment-panel__labels">
        {segment.codings.map((coding) => {
          const label = labelsById.get(coding.labelId);
          if (!label) return null;
          return (
            <li key={`${coding.labelId}-${coding.coder}`}>
              <span className="swatch" style={{ background: label.colour }} />
              <button className="link-button segment-panel__label" onClick={() => navigate({ name: 'retrieval', labelId: label.id, params: {} })}>
                {label.name}
              </button>
              <span className="muted small">{coding.coderName}</span>
              <button className="icon-button" aria-label={t('coding.removeLabel', { name: label.name })} title={t('coding.removeLabel', { name: label.name })} onClick={() => void removeCoding(segment.id, label.id)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <div className="button-row">
        <button className="button button--small" onClick={onAddLabel}>
          {t('coding.addLabel')} <kbd>L</kbd>
        </button>
        {onMarkGuide && (
          <button className="button button--small" onClick={onMarkGuide} title={t('coding.toGuide')}>
            § {t('coding.markSegmentGuide')} <kbd>G</kbd>
          </button>
        )}
        <SegmentAnalysisActions segmentId={segment.id} />
      </div>
      <div className="segment-panel__resize" role="group" aria-label={t('coding.resize')}>
        <span className="muted small">{t('coding.resize')}</span>
        <div className="button-row">
          <button className="button button--small" title="Alt+Shift+←" onClick={() => resize(moveStartByWord(text, segment.start, segment.end, 'widen'), segment.end)}>
            ← {t('coding.startWider')}
          </button>
          <button className="button button--small" title="Alt+Shift+→" onClick={() => resize(moveStartByWord(text, segment.start, segment.end, 'narrow'), segment.end)}>
            {t('coding.startNarrower')} →
          </button>
          <button className="button button--small" title="Alt+←" onClick={() => resize(segment.start, moveEndByWord(text, segment.start, segment.end, 'narrow'))}>
            ← {t('coding.endNarrower')}
          </button>
          <button className="button button--small" title="Alt+→" onClick={() => resize(segment.start, moveEndByWord(text, segment.start, segment.end, 'widen'))}>
            {t('coding.endWider')} →
          </button>
        </div>
      </div>
    </section>
  );
}
