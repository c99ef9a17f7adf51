import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, Label, Segment } from '../../../shared/model.ts';
import { formatDate, showValue } from '../../components/format.ts';
import { MemoPanel } from '../../components/rich-text/MemoPanel.tsx';
import { useParticipants } from '../../data/reads.ts';
import { useStore } from '../../store/index.ts';
import { SegmentPanel } from '../coding/SegmentPanel.tsx';
import { CitationField } from './CitationField.tsx';

/**
 * The details pane beside the transcript: the selected segment with its memo, or the transcript's
 * memo; the participant with their attributes; where the transcript came from.
 */
export function TranscriptDetails(props: {
  document: DocumentDetail | null;
  segment: Segment | null;
  labelsById: Map<string, Label>;
  onAddLabel(segment: Segment): void;
  onMarkGuide(segment: Segment): void;
  /** A segment whose memo was asked for (the margin's marker, or M): its editor takes the caret once shown. */
  focusMemoOf: string | null;
  onMemoFocused(): void;
}) {
  const { t, i18n } = useTranslation();
  const memoBox = useRef<HTMLDivElement>(null);
  const { focusMemoOf, onMemoFocused } = props;
  const shownId = props.segment?.id ?? null;
  useEffect(() => {
    if (!focusMemoOf || shownId !== focusMemoOf) return;
    // The editor mounts with the pane; its content becomes editable a frame later.
    let tries = 0;
    let frame = 0;
    const focus = () => {
      const editable = memoBox.current?.querySelector<HTMLElement>('[contenteditable="true"]');
      if (editable) {
        editable.scrollIntoView({ block: 'nearest' });
        editable.focus();
        onMemoFocused();
      } else if (tries++ < 30) frame = requestAnimationFrame(focus);
      else onMemoFocused();
    };
    frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [focusMemoOf, shownId, onMemoFocused]);
  const { participants } = useParticipants();
  const navigate = useStore((s) => s.navigate);
  const { document, segment } = props;
  const participant = participants.find((p) => p.id === document?.participantId);
  return (
    <aside className="details" aria-label={t('transcript.details')}>
      {document && segment && (
        <>
          <SegmentPanel segment={segment} text={document.text} labelsById={props.labelsById} onAddLabel={() => props.onAddLabel(segment)} onMarkGuide={() => props.onMarkGuide(segment)} />
          <div className="segment-panel__memo" ref={memoBox}>
            <MemoPanel key={segment.id} target={{ kind: 'segment', id: segment.id }} />
          </div>
        </>
      )}
      {document && (
        <>
          {!segment && <MemoPanel key={document.id} target={{ kind: 'document', id: document.id }} heading={t('memos.onTranscript')} />}
          <h2 className="eyebrow">{t('transcript.participant')}</h2>
          {participant ? (
            <>
              <dl className="facts">
                <dt>{t('participants.name')}</dt>
                <dd>{participant.name}</dd>
                {Object.entries(participant.attributes).map(([key, value]) => (
                  <div key={key} className="facts__row">
                    <dt>{key}</dt>
                    <dd>{showValue(value, t('common.yes'), t('common.no'))}</dd>
                  </div>
                ))}
              </dl>
              <button className="link-button small details__more" onClick={() => navigate({ name: 'participants', id: participant.id })}>
                {t('memos.participantLink', { name: participant.name })} →
              </button>
            </>
          ) : (
            <p className="muted small">{t('transcript.noParticipantHelp')}</p>
          )}
          <CitationField document={document} />
          <h2 className="eyebrow">{t('transcript.source')}</h2>
          <dl className="facts">
            <dt>{t('transcript.file')}</dt>
            <dd>{document.sourceName}</dd>
            <dt>{t('transcript.importer')}</dt>
            <dd>{document.importer}</dd>
            <dt>{t('transcript.imported')}</dt>
            <dd>
              {formatDate(document.importedAt, i18n.language)} · {document.importedBy}
            </dd>
            <dt>{t('documents.speakers')}</dt>
            <dd>{document.speakers.join(', ') || '—'}</dd>
          </dl>
        </>
      )}
    </aside>
  );
}
