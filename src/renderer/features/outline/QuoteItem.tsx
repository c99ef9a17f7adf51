import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outline, OutlineItem } from '../../../shared/analysis.ts';
import { checkQuoteEdit, type QuoteEditProblem } from '../../../shared/text/quote-edit.ts';
import { useStore } from '../../store/index.ts';

/** A refusal of the word check in the page's language. */
function useProblemText() {
  const { t } = useTranslation();
  return (problem: QuoteEditProblem) => t(`outline.quoteProblems.${problem.code}`, { ...problem });
}

/**
 * A quote in the outline: who said it and its words — the edited form when there is one, marked so,
 * with the verbatim text one click away. "Edit" opens the edited form to type in, checked word by
 * word as it is typed (the same check the core makes), kept only when every word fits. An edit that
 * a later correction of the transcript no longer fits is flagged here; its words stay as written.
 */
export function QuoteItem({ item, outline }: { item: OutlineItem; outline: Outline }) {
  const { t } = useTranslation();
  const describeProblem = useProblemText();
  const editQuote = useStore((s) => s.editOutlineQuote);
  const quote = item.segmentId ? outline.quotes[item.segmentId] : undefined;
  const edit = outline.edits?.[item.id];
  const [showVerbatim, setShowVerbatim] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  if (!quote) {
    return (
      <div className="outline-item__quote">
        <span className="outline-item__who">{t('outline.quoteGone')}</span>
      </div>
    );
  }
  const problem = draft === null ? null : draft.trim() === '' ? null : checkQuoteEdit(draft, quote.text);
  const save = async () => {
    if (draft === null || problem) return;
    if (await editQuote({ id: item.id, text: draft.trim() === '' ? null : draft })) setDraft(null);
  };
  return (
    <div className={`outline-item__quote${edit ? ' is-edited' : ''}${edit?.problem ? ' is-flagged' : ''}`}>
      <span className="outline-item__who">
        {quote.participant?.name ?? quote.documentName}
        {edit && <span className="outline-item__badge">{t('outline.quoteEdited')}</span>}
      </span>
      {draft === null ? (
        <span className="outline-item__text">{edit ? edit.text : quote.text}</span>
      ) : (
        <div className="quote-editor">
          <textarea
            className="outline-item__textarea quote-editor__text"
            aria-label={t('outline.quoteEditing')}
            aria-invalid={problem !== null}
            aria-describedby={`quote-check-${item.id}`}
            value={draft}
            rows={Math.max(3, Math.ceil(draft.length / 60))}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDraft(null);
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            }}
          />
          <p id={`quote-check-${item.id}`} className={`quote-editor__check small${problem ? ' is-problem' : ''}`} role="status">
            {problem ? describeProblem(problem) : t('outline.quoteFits')}
          </p>
          <p className="muted small">{t('outline.quoteEditHelp')}</p>
          <div className="button-row">
            <button type="button" className="button button--small button--primary" disabled={problem !== null} onClick={() => void save()}>
              {t('outline.quoteEditSave')}
            </button>
            {edit && (
              <button
                type="button"
                className="button button--small"
                onClick={() => void editQuote({ id: item.id, text: null }).then((ok) => ok && setDraft(null))}
              >
                {t('outline.quoteVerbatimAgain')}
              </button>
            )}
            <button type="button" className="button button--small button--quiet" onClick={() => setDraft(null)}>
              {t('outline.quoteEditCancel')}
            </button>
          </div>
        </div>
      )}
      {edit?.problem && draft === null && (
        <p className="quote-editor__flag small" role="note">
          ⚠ {t('outline.quoteFlagged', { problem: describeProblem(edit.problem) })}
        </p>
      )}
      {(showVerbatim || (edit?.problem && draft === null)) && edit && (
        <p className="quote-editor__verbatim small">
          <strong>{t('outline.quoteVerbatimLabel')}:</strong> {quote.text}
        </p>
      )}
      {draft === null && (
        <span className="quote-editor__tools">
          <button type="button" className="link-button small" onClick={() => setDraft(edit ? edit.text : quote.text)}>
            ✎ {t('outline.quoteEdit')}
          </button>
          {edit && !edit.problem && (
            <button type="button" className="link-button small" aria-expanded={showVerbatim} onClick={() => setShowVerbatim(!showVerbatim)}>
              {showVerbatim ? t('outline.quoteHideVerbatim') : t('outline.quoteShowVerbatim')}
            </button>
          )}
        </span>
      )}
    </div>
  );
}
