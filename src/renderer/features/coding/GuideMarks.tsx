import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSection, GuideSpan } from '../../../shared/model.ts';
import { call } from '../../api/client.ts';
import { useStore } from '../../store/index.ts';

/** The interview guide and a document's marked spans, fetched again after every write. */
export function useGuide(documentId: string) {
  const dataVersion = useStore((s) => s.dataVersion);
  const showError = useStore((s) => s.showError);
  const [guide, setGuide] = useState<GuideSection[]>([]);
  const [spans, setSpans] = useState<GuideSpan[]>([]);
  useEffect(() => {
    let live = true;
    Promise.all([call('guide/get', {}), call('guide/spans', { documentId })])
      .then(([g, s]) => {
        if (live) {
          setGuide(g);
          setSpans(s);
        }
      })
      .catch(showError);
    return () => {
      live = false;
    };
  }, [documentId, dataVersion, showError]);
  return { guide, spans };
}

/**
 * Marks a stretch of the transcript as the answer to a guide section (or one of its questions), so
 * that retrieval can be filtered by section. A menu on each turn marks the whole turn; the segment
 * panel marks a segment's span.
 */
export function GuideMenu(props: { documentId: string; start: number; end: number; guide: GuideSection[]; onDone(): void }) {
  const { t } = useTranslation();
  const afterWrite = useStore((s) => s.afterWrite);
  const showError = useStore((s) => s.showError);
  const mark = useCallback(
    async (sectionId: string, questionId: string | null) => {
      try {
        await call('guide/markSpan', { documentId: props.documentId, start: props.start, end: props.end, sectionId, questionId });
        await afterWrite();
      } catch (error) {
        showError(error);
      }
      props.onDone();
    },
    [props, afterWrite, showError],
  );
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
          <button role="menuitem" className="guide-menu__section" autoFocus={i === 0} onClick={() => void mark(section.id, null)}>
            {section.title}
          </button>
          {section.questions.map((q) => (
            <button key={q.id} role="menuitem" className="guide-menu__question" onClick={() => void mark(section.id, q.id)}>
              {q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The guide sections marked from this turn on, each removable. */
export function GuideTags({ spans }: { spans: GuideSpan[] }) {
  const { t } = useTranslation();
  const afterWrite = useStore((s) => s.afterWrite);
  const showError = useStore((s) => s.showError);
  return (
    <>
      {spans.map((span) => (
        <span key={span.id} className="guide-tag" title={span.questionText ?? span.sectionTitle}>
          § {span.sectionTitle}
          <button
            className="guide-tag__remove"
            aria-label={t('coding.unmarkGuide', { section: span.sectionTitle })}
            onClick={(e) => {
              e.stopPropagation();
              call('guide/unmarkSpan', { id: span.id })
                .then(() => afterWrite())
                .catch(showError);
            }}
          >
            ×
          </button>
        </span>
      ))}
    </>
  );
}
