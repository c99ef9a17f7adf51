import { memo, type Dispatch, type SetStateAction } from 'react';
import type { TFunction } from 'i18next';
import type { GuideSection, Label, Segment, Turn } from '../../../shared/model.ts';
import type { Range } from '../../../shared/text/highlight.ts';
import { formatTimecode } from '../../components/format.ts';
import { CodedTurnText } from '../coding/CodedTurnText.tsx';
import { GuideMenu, GuideTags, type TurnGuideSpan } from '../coding/GuideMarks.tsx';
import { lazyComponent } from '../../components/lazy.tsx';
import { noteTurnRender } from './render-probe.ts';

const TurnEditor = lazyComponent(() => import('../transcript-edit/TurnEditor.tsx').then((m) => m.TurnEditor));

export interface TurnSectionProps {
  position: number;
  speaker: string | null;
  startMs: number | null;
  page: number | null | undefined;
  /** The turn's words. Every offset given here is relative to the turn's start: a correction of an earlier turn moves the turn in the document but changes none of its props, so its memo skips it. */
  text: string;
  documentId: string;
  /** This turn's segments, relative to it; the same array as long as they did not change in the turn, which is what the memo relies on. */
  segments: Segment[];
  terms: Range[];
  labelsById: Map<string, Label>;
  /** Only set when the selected / hovered segment lies in this turn, so that selecting repaints two turns, not all. */
  selectedId: string | null;
  hoveredId: string | null;
  /** The memos on this turn's segments (segment id → its first memo's title or words); the same map until a memo changes. */
  memos: ReadonlyMap<string, string>;
  guideSpans: TurnGuideSpan[];
  /** The guide and the turn's offsets in the document, only for the turn whose menu is open. */
  menu: { guide: GuideSection[]; start: number; end: number } | null;
  tint: number | undefined;
  onToggleMenu(position: number): void;
  onCloseMenu(): void;
  onHover(segmentId: string | null): void;
  onSelect(segmentId: string): void;
  /** The turn as stored and the transcript's speakers, only for the turn being corrected (so that the others keep their memo). */
  editing: { turn: Turn; speakers: string[]; isLast: boolean } | null;
  /** The reader's setter of the turn being corrected (a state setter: an editor closing closes its own turn only). */
  onEdit: Dispatch<SetStateAction<number | null>>;
  onOpenMemo(segmentId: string): void;
  /** The reader's `t`: the same function until the language changes, and one i18n hook per turn would cost more than the turn. */
  t: TFunction;
}

/**
 * What one turn shows inside its `<section>` (drawn by the reader, with the turn's place in the
 * document): speaker and time in the margin, the labels of the segments that start here, and the
 * coded text. Memoised with stable callbacks: a coding repaints only the turns it touches (and their
 * strings are translated only then), a correction only the turn corrected.
 */
export const TurnSection = memo(function TurnSection(props: TurnSectionProps) {
  const { position, segments, labelsById, selectedId, t } = props;
  noteTurnRender(position);
  const margin = segments.filter((s) => s.start >= 0 && s.start < props.text.length);
  const markLabel = t('coding.markTurn', { n: position + 1 });
  const editLabel = t('transcriptEdit.editTurn', { n: position + 1 });
  return (
    <>
      <div className="turn__meta">
        {props.speaker && <span className={`turn__speaker tint-${props.tint}`}>{props.speaker}</span>}
        {props.startMs !== null && <time className="turn__time">{formatTimecode(props.startMs)}</time>}
        {props.page != null && (
          <span className="turn__time turn__page" title={t('transcript.pageLabel', { page: props.page })}>
            {t('transcript.page', { page: props.page })}
          </span>
        )}
        {props.guideSpans.length > 0 && <GuideTags spans={props.guideSpans} />}
        <button
          className="turn__guide"
          aria-label={markLabel}
          title={markLabel}
          aria-expanded={props.menu !== null}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggleMenu(position);
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
            props.onEdit(props.editing ? null : position);
          }}
        >
          ✎
        </button>
        {props.menu && <GuideMenu documentId={props.documentId} start={props.menu.start} end={props.menu.end} guide={props.menu.guide} onDone={props.onCloseMenu} />}
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
        <TurnEditor documentId={props.documentId} turn={props.editing.turn} speakers={props.editing.speakers} isLast={props.editing.isLast} onDone={() => props.onEdit((open) => (open === position ? null : open))} />
      ) : (
        <CodedTurnText text={props.text} segments={segments} labelsById={labelsById} terms={props.terms} selectedId={selectedId} hoveredId={props.hoveredId} />
      )}
    </>
  );
});
