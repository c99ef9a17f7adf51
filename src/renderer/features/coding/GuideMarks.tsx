import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSection, GuideSpan } from '../../../shared/model.ts';
import { useData } from '../../data/index.ts';
import { useGuideSections } from '../../data/reads.ts';
import { useStore } from '../../store/index.ts';
import { rangeOfOffsets } from './selection.ts';

const NO_SPANS: GuideSpan[] = [];

/** A guide mark as its turn's tag shows it: offsets relative to the turn, and the words it covers (the tag's title). */
export interface TurnGuideSpan extends GuideSpan {
  quote: string;
}

/** The interview guide and a document's marked spans. */
export function useGuide(documentId: string) {
  return { guide: useGuideSections(), spans: useData('guide/spans', { documentId }, NO_SPANS) };
}

/** Marks a stretch of a transcript as answering a guide section (or one of its questions); true when it was marked. */
export function useMarkGuide() {
  return useStore((s) => s.markGuide);
}

/**
 * Marks a stretch of the transcript as the answer to a guide section (or one of its questions), so
 * that retrieval can be filtered by section. A menu on each turn marks the whole turn; the coding
 * palette (§ or Ctrl+G) marks any selection or the selected segment.
 */
export function GuideMenu(props: { documentId: string; start: number; end: number; guide: GuideSection[]; onDone(): void }) {
  const { t } = useTranslation();
  const markGuide = useMarkGuide();
  const { documentId, start, end, onDone } = props;
  const mark = (sectionId: string, questionId: string | null) => void markGuide({ documentId, start, end, sectionId, questionId }).then(onDone);
  if (props.guide.length === 0) {
    return (
      <div className="guide-menu" role="menu">
        <p className="muted small">{t('coding.noGuide')}</p>
      </div>
    );
  }
  return (
    <div className="guide-menu" role="menu" aria-label={t('coding.markGuide')} onKeyDown={(e) => e.key === 'Escape' && props.onDone()}>
      {props.guide.map((section, i) => (
        <div key={section.id}>
          <button role="menuitem" className="guide-menu__section" autoFocus={i === 0} onClick={() => mark(section.id, null)}>
            {section.title}
          </button>
          {section.questions.map((q) => (
            <button key={q.id} role="menuitem" className="guide-menu__question" onClick={() => mark(section.id, q.id)}>
              {q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}

const HIGHLIGHT = 'guide-span';

/**
 * Paints a guide span's exact extent in the reader (CSS Custom Highlight API), or clears it. The
 * span's offsets are relative to the turn whose tag it is: the turn's `data-start` makes them the
 * document's.
 */
function showSpan(from: Element, span: TurnGuideSpan | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  const reader = from.closest('.reader');
  const base = Number(from.closest<HTMLElement>('[data-start]')?.dataset.start ?? 0);
  const range = span && reader ? rangeOfOffsets(reader, base + span.start, base + span.end) : null;
  if (range) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  else CSS.highlights.delete(HIGHLIGHT);
}

/** The guide sections marked from this turn on, each removable; hovering or focusing one paints the stretch it covers. */
export function GuideTags({ spans }: { spans: TurnGuideSpan[] }) {
  const { t } = useTranslation();
  const unmarkGuide = useStore((s) => s.unmarkGuide);
  useEffect(() => () => void (typeof CSS !== 'undefined' && 'highlights' in CSS && CSS.highlights.delete(HIGHLIGHT)), []);
  return (
    <>
      {spans.map((span) => {
        const { quote } = span;
        const title = [span.questionText ? `${span.sectionTitle} — ${span.questionText}` : span.sectionTitle, `“${quote.length > 90 ? `${quote.slice(0, 90)}…` : quote}”`].join('\n');
        return (
          <span
            key={span.id}
            className={`guide-tag${span.questionId ? ' guide-tag--question' : ''}`}
            title={title}
            tabIndex={0}
            data-guide-span={span.id}
            onMouseEnter={(e) => showSpan(e.currentTarget, span)}
            onMouseLeave={(e) => showSpan(e.currentTarget, null)}
            onFocus={(e) => showSpan(e.currentTarget, span)}
            onBlur={(e) => showSpan(e.currentTarget, null)}
          >
            § {span.sectionTitle}
            {span.questionId ? <span className="guide-tag__question"> · {t('coding.question')}</span> : null}
            <button
              className="guide-tag__remove"
              aria-label={t('coding.unmarkGuide', { section: span.sectionTitle })}
              onClick={(e) => {
                e.stopPropagation();
                showSpan(e.currentTarget, null);
                void unmarkGuide(span.id);
              }}
            >
              ×
            </button>
          </span>
        );
      })}
    </>
  );
}
