import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describe } from '../../components/describe.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import type { CodebookProblem } from '../../store/slices/codebook.ts';
import { LLB_STUDY } from '../../../shared/templates/llb-study.ts';
import type { Notice } from './notice.ts';

/** The template's labels by name, shown before it is applied: the study's own data (Dutch in both languages), from the template the core applies. */
const TEMPLATE_LABELS = LLB_STUDY.labels.map((l) => l.name);
const TEMPLATE_EMERGENT = LLB_STUDY.emergent.map((l) => (l.children?.length ? `${l.name} (${l.children.map((c) => c.name).join(', ')})` : l.name));

export function TemplateDialog(props: { open: boolean; onClose(): void; onDone(notice: Notice): void }) {
  const { t } = useTranslation();
  const applyTemplate = useStore((s) => s.applyTemplate);
  const guideSectionCount = useStore((s) => s.guideSectionCount);
  const [hasGuide, setHasGuide] = useState(false);
  const [includeEmergent, setIncludeEmergent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CodebookProblem | null>(null);

  useEffect(() => {
    if (!props.open) return;
    setIncludeEmergent(false);
    setProblem(null);
    let live = true;
    void guideSectionCount().then((n) => live && setHasGuide(n > 0));
    return () => {
      live = false;
    };
  }, [props.open, guideSectionCount]);

  const run = async () => {
    setBusy(true);
    const outcome = await applyTemplate('llb-study', includeEmergent);
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.problem);
      return;
    }
    const r = outcome.result;
    const text = (tr: TFunction) => {
      const guide = r.guide === 'set' ? tr('codebook.templateDoneGuide', { count: r.guideSections }) : r.guide === 'kept' ? tr('codebook.templateDoneGuideKept') : '';
      const done = r.created > 0 ? tr('codebook.templateDone', { count: r.created }) : r.updated > 0 ? '' : tr('codebook.templateNothing');
      return [done, r.updated > 0 ? tr('codebook.templateFilled', { count: r.updated }) : '', guide].filter(Boolean).join(' ');
    };
    props.onDone({ text, undo: r.created + r.updated > 0 || r.guide === 'set' });
    props.onClose();
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('codebook.templateTitle')} wide>
      <div className="stack">
        <p>{t('codebook.templateHelp')}</p>
        <ul className="codebook-template">
          <li>{hasGuide ? t('codebook.templateGuideKept') : t('codebook.templateGuide')}</li>
          <li>
            {t('codebook.templateLabels')}
            <ul className="codebook-template__labels">
              {TEMPLATE_LABELS.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </li>
        </ul>
        <label className="codebook-check">
          <input type="checkbox" checked={includeEmergent} onChange={(e) => setIncludeEmergent(e.target.checked)} />
          <span>
            {t('codebook.templateEmergent')}
            <span className="muted small codebook-check__help">{t('codebook.templateEmergentHelp')}</span>
            <span className="muted small codebook-check__help">{TEMPLATE_EMERGENT.join(' · ')}</span>
          </span>
        </label>
        <p className="muted small">{t('codebook.templateSame')}</p>
        {problem && <p className="form-error" role="alert">{describe(t, problem)}</p>}
        <footer className="dialog__footer">
          <button type="button" className="button button--quiet" onClick={props.onClose}>
            {t('codebook.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
            {t('codebook.templateApply')}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}
