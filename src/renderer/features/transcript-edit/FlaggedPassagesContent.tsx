import { useTranslation } from 'react-i18next';
import type { Label, Segment } from '../../../shared/model.ts';
import { write } from '../../data/index.ts';
import { useStore } from '../../store/index.ts';

/**
 * The coded passages a correction touched, in the transcript's heading until the researcher has
 * looked at each: the words they were coded on and the words now, with what can be done — keep them
 * (changed), or remove them or anchor them to other words (all words deleted).
 */
export function FlaggedPassagesContent(props: { segments: Segment[]; labelsById: Map<string, Label>; selectionInReader(): { start: number; end: number } | null }) {
  const { t } = useTranslation();
  const selectSegment = useStore((s) => s.selectSegment);
  const showError = useStore((s) => s.showError);
  const flagged = props.segments.filter((s) => s.textStatus);
  if (flagged.length === 0) return null;
  const act = (action: Promise<unknown>) => void action.catch((e: unknown) => showError(e));
  const changed = flagged.filter((s) => s.textStatus === 'changed');
  return (
    <details className="flagged" open>
      <summary className="flagged__summary">{t('transcriptEdit.flagged', { count: flagged.length })}</summary>
      <p className="muted small">{t('transcriptEdit.flaggedHelp')}</p>
      <ul className="flagged__list">
        {flagged.map((s) => (
          <li key={s.id} className="flagged__item" data-segment={s.id}>
            <p className="flagged__labels">
              {s.codings.map((c) => props.labelsById.get(c.labelId)?.name).filter(Boolean).join(', ')}
            </p>
            <p className="small">
              <span className="muted">{t('transcriptEdit.was')}: </span>
              <del>{s.previousText}</del>
            </p>
            <p className="small">
              <span className="muted">{t('transcriptEdit.now')}: </span>
              {s.textStatus === 'removed' ? <em>{t('transcriptEdit.removedText')}</em> : <ins>{s.text}</ins>}
            </p>
            <div className="button-row">
              {s.textStatus === 'changed' ? (
                <>
                  <button className="button button--small" onClick={() => selectSegment(s.id)}>
                    {t('transcriptEdit.show')}
                  </button>
                  <button className="button button--small button--primary" onClick={() => act(write('segments/confirm-text', { segmentIds: [s.id] }))}>
                    {t('transcriptEdit.confirm')}
                  </button>
                </>
              ) : (
                <button
                  className="button button--small"
                  title={t('transcriptEdit.anchorHelp')}
                  onClick={() => {
                    const span = props.selectionInReader();
                    if (!span) return showError(new Error(t('transcriptEdit.anchorHelp')));
                    act(write('segments/resize', { segmentId: s.id, start: span.start, end: span.end }));
                  }}
                >
                  {t('transcriptEdit.anchor')}
                </button>
              )}
              <button className="button button--small button--danger" onClick={() => act(write('segments/remove', { segmentId: s.id }))}>
                {t('transcriptEdit.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {changed.length > 1 && (
        <button className="button button--small" onClick={() => act(write('segments/confirm-text', { segmentIds: changed.map((s) => s.id) }))}>
          {t('transcriptEdit.confirmAll')}
        </button>
      )}
    </details>
  );
}
