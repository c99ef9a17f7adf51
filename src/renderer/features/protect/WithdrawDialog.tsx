import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithdrawPreview, WithdrawTarget } from '../../../shared/protect.ts';
import { ask, write } from '../../data/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { formatNumber } from '../../components/format.ts';

/**
 * Withdrawing a participant (or removing a transcript): first what goes is counted — their
 * transcripts and turns, passages with codings, every quote, concept, tension and report item built
 * on their words — and only then the researcher confirms. One step, undoable until the project closes.
 */
export function WithdrawDialog({ target, name, onClose, onDone }: { target: WithdrawTarget; name: string; onClose(): void; onDone?(): void }) {
  const { t, i18n } = useTranslation();
  const [preview, setPreview] = useState<WithdrawPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const participant = 'participantId' in target;
  const n = (value: number) => formatNumber(value, i18n.language);

  useEffect(() => {
    let live = true;
    ask('withdraw/preview', target)
      .then((p) => live && setPreview(p))
      .catch((error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
    // The target is fixed for the dialog's life: counted once.
  }, []);

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await write('withdraw/apply', target);
      onDone?.();
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} title={t(participant ? 'protect.withdrawTitleParticipant' : 'protect.withdrawTitleDocument', { name })} description={t('protect.withdrawHelp')} wide>
      <div className="stack withdraw" data-testid="withdraw-dialog">
        {!preview && !problem && <p className="muted">{t('protect.counting')}</p>}
        {preview && (
          <section aria-labelledby="withdraw-goes" data-testid="withdraw-preview">
            <h3 id="withdraw-goes">{t('protect.goes')}</h3>
            <ul className="withdraw__list">
              {preview.documents.length > 0 && (
                <li>
                  {t('protect.documentsWhole', { count: preview.documents.length })}: {preview.documents.map((d) => d.name).join(', ')}
                </li>
              )}
              {preview.partial.map((p) => (
                <li key={p.id}>{t('protect.partial', { count: p.turns, name: p.name })}</li>
              ))}
              <li>{t('protect.turnsWords', { turns: n(preview.turns), words: n(preview.words) })}</li>
              <li data-testid="withdraw-segments">{t('protect.segments', { count: preview.segments, codings: n(preview.codings) })}</li>
              {preview.segmentsShortened > 0 && <li>{t('protect.shortened', { count: preview.segmentsShortened })}</li>}
              {preview.memos > 0 && <li>{t('protect.memos', { count: preview.memos })}</li>}
              {preview.guideMarks > 0 && <li>{t('protect.guideMarks', { count: preview.guideMarks })}</li>}
              {preview.attributeValues > 0 && <li>{t('protect.attributes', { count: preview.attributeValues })}</li>}
              {preview.auditLines > 0 && <li>{t('protect.audit', { count: preview.auditLines })}</li>}
            </ul>
            <h3>{t('protect.uses')}</h3>
            {preview.uses.length === 0 ? (
              <p className="muted small">{t('protect.nothing')}</p>
            ) : (
              <ul className="withdraw__list" data-testid="withdraw-uses">
                {preview.uses.map((u) => (
                  <li key={`${u.where}-${u.name}`}>{t(`protect.use_${u.where}`, { name: u.name, count: u.count })}</li>
                ))}
              </ul>
            )}
            {preview.emptiedLabels.length > 0 && <p className="small">{t('protect.emptied', { names: preview.emptiedLabels.join(', ') })}</p>}
          </section>
        )}
        {problem && (
          <p className="bad" role="alert">
            {problem}
          </p>
        )}
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose}>
            {t('protect.cancel')}
          </button>
          <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={!preview || busy} data-testid="withdraw-confirm">
            {busy ? t('protect.working') : t(participant ? 'protect.confirm' : 'protect.confirmDocument')}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}
