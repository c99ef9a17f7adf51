import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { GuideSection, GuideSpan, Label, Segment, Turn } from '../../../shared/model.ts';
import type { Range } from '../../../shared/text/highlight.ts';
import { formatTimecode } from '../../components/format.ts';
import { CodedTurnText } from '../coding/CodedTurnText.tsx';
import { GuideMenu, GuideTags } from '../coding/GuideMarks.tsx';
import { lazyComponent } from '../../components/lazy.tsx';

const TurnEditor = lazyComponent(() => import('../transcript-edit/TurnEditor.tsx').then((m) => m.TurnEditor));

export interface TurnSectionProps {
  /** The turn's index in the transcript, by which a long transcript's window measures it. */
  index: number;
  item: Turn;
  documentId: string;
  documentText: string;
  /** This turn's segments; the same array as long as they did not change, which is what the memo relies on. */
  segments: Segment[];
  terms: Range[];
  labelsById: Map<string, Label>;
  /** Only set when the selected / hovered segment lies in this turn, so that selecting repaints two turns, not all. */
  selectedId: string | null;
  hoveredId: string | null;
  /** The memos on this turn's segments (segment id → its first memo's title or words); the same map until a memo changes. */
  memos: ReadonlyMap<string, string>;
  guideSpans: GuideSpan[];
  /** The guide, only for the turn whose menu is open. */
  menuGuide: GuideSection[] | null;
  tint: number | undefined;
  isTarget: boolean;
  isGuided: boolean;
  onToggleMenu(position: number): void;
  onCloseMenu(): void;
  onHover(segmentId: string | null): void;
  onSelect(segmentId: string): void;
  /** The transcript's speakers, only for the turn being corrected (so that the others keep their memo). */
  editing: { speakers: string[]; isLast: boolean } | null;
  onEdit(position: number | null): void;
  onOpenMemo(segmentId: string): void;
  /** The reader's `t`: the same function until the language changes, and one i18n hook per turn would cost more than the turn. */
  t: TFunction;
}

/**
 * One turn of the transcript: speaker and time in the margin, the labels of the segments that start
 * here, and the coded text. Memoised with stable callbacks: a coding repaints only the turns it touches
 * (and their strings are translated only then).
 */
export const TurnSection = memo(function TurnSection(props: TurnSectionProps) {
  const { item, segments, labelsById, selectedId, t } = props;
  const margin = segments.filter((s) => s.start >= item.start && s.start < item.end);
  const markLabel = t('coding.markTurn', { n: item.position + 1 });
  const editLabel = t('transcriptEdit.editTurn', { n: item.position + 1 });
  return (
    <section
      className={`turn${props.isTarget ? ' turn--target' : ''}${props.isGuided ? ' turn--guide' : ''}${props.menuGuide ? ' turn--menu' : ''}`}
      data-turn={item.position}
      data-index={props.index}
      tabIndex={-1}
      aria-label={t('transcript.turnLabel', { n: item.position + 1, speaker: item.speaker ?? t('transcript.noSpeaker') })}
    >
      <div className="turn__meta">
        {item.speaker && <span className={`turn__speaker tint-${props.tint}`}>{item.speaker}</span>}
        {item.startMs !== null && <time className="turn__time">{formatTimecode(item.startMs)}</time>}
        {item.page != null && (
          <span className="turn__time turn__page" title={t('transcript.pageLabel', { page: item.page })}>
            {t('transcript.page', { page: item.page })}
          </span>
        )}
        {props.guideSpans.length > 0 && <GuideTags spans={props.guideSpans} text={props.documentText} />}
        <button
          className="turn__guide"
          aria-label={markLabel}
          title={markLabel}
          aria-expanded={props.menuGuide !== null}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggleMenu(item.position);
          }}
        >
          §
        </button>
        <button
          className="turn__edit"
          aria-label={editLabel}
          title={editLabel}
          aria-expanded={props.editing !== null}
          onClick={(e) => {
            e.stopPropagation();
            props.onEdit(props.editing ? null : item.position);
          }}
        >
          ✎
        </button>
        {props.menuGuide && <GuideMenu documentId={props.documentId} start={item.start} end={item.end} guide={props.menuGuide} onDone={props.onCloseMenu} />}
        {margin.map((s) => (
          <span key={s.id} className="margin-labels">
            {props.memos.has(s.id) && (
              // The passage has a memo: the marker opens it in the details pane (Tab reaches it; M does on a selected passage).
              <button
                className={`memo-marker${s.id === selectedId ? ' is-selected' : ''}`}
                aria-label={t('transcript.openMemo', { memo: props.memos.get(s.id) })}
                title={t('transcript.openMemo', { memo: props.memos.get(s.id) })}
                onMouseEnter={() => props.onHover(s.id)}
                onMouseLeave={() => props.onHover(null)}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onOpenMemo(s.id);
                }}
              >
                <span aria-hidden="true">✎</span>
              </button>
            )}
            {s.codings.map((c) => {
              const label = labelsById.get(c.labelId);
              return label ? (
                <button
                  key={`${c.labelId}-${c.coder}`}
                  className={`chip${s.id === selectedId ? ' is-selected' : ''}`}
                  style={{ borderLeftColor: label.colour }}
                  onMouseEnter={() => props.onHover(s.id)}
                  onMouseLeave={() => props.onHover(null)}
                  onClick={(e) => {
                    e.stopPropagation();
                    props.onSelect(s.id);
                  }}
                  title={`${label.name} · ${c.coderName}`}
                >
                  {label.name}
                </button>
              ) : null;
            })}
            {s.textStatus && (
              <button className={`flag-badge flag-badge--${s.textStatus}`} title={t('transcriptEdit.changedTitle')} onClick={(e) => {
                e.stopPropagation();
                props.onSelect(s.id);
              }}>
                ⚠ {t(s.textStatus === 'changed' ? 'transcriptEdit.changedBadge' : 'transcriptEdit.removedBadge')}
              </button>
            )}
          </span>
        ))}
      </div>
      {props.editing ? (
        <TurnEditor documentId={props.documentId} turn={item} speakers={props.editing.speakers} isLast={props.editing.isLast} onDone={() => props.onEdit(null)} />
      ) : (
      <CodedTurnText
        text={item.text}
        turnStart={item.start}
        turnEnd={item.end}
        segments={segments}
        labelsById={labelsById}
        terms={props.terms}
        selectedId={selectedId}
        hoveredId={props.hoveredId}
      />
      )}
    </section>
  );
});
