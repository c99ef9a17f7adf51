import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutlineAddition, OutlinePlan } from '../../../shared/analysis.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { describe } from '../../components/describe.ts';
import { ask } from '../../data/index.ts';
import { useStore } from '../../store/index.ts';

/** Additions grouped by the section they go into, in the plan's order. */
function groups(additions: OutlineAddition[]): Array<{ path: string; additions: OutlineAddition[] }> {
  const out: Array<{ path: string; additions: OutlineAddition[] }> = [];
  for (const addition of additions) {
    const path = addition.path.join(' › ');
    const last = out[out.length - 1];
    if (last && last.path === path) last.additions.push(addition);
    else out.push({ path, additions: [addition] });
  }
  return out;
}

/**
 * "Generate" with an outline there: what the analysis would add, shown before anything is written,
 * each addition ticked (untick to leave it out), and merged into the researcher's outline without
 * changing anything of theirs. Replacing the whole outline is a second, deliberate step.
 */
export function GenerateDialog(props: { open: boolean; language: 'nl' | 'en'; onClose(): void }) {
  const { t } = useTranslation();
  const generate = useStore((s) => s.generateOutline);
  const [plan, setPlan] = useState<OutlinePlan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [skip, setSkip] = useState<Set<string>>(new Set());
  const [replacing, setReplacing] = useState(false);

  useEffect(() => {
    if (!props.open) return;
    let current = true;
    setPlan(null);
    setSkip(new Set());
    setReplacing(false);
    ask('outline/generatePlan', { language: props.language })
      .then((result) => current && setPlan(result))
      .catch((error: Error) => current && setProblem(describe(t, error)));
    return () => {
      current = false;
    };
  }, [props.open, props.language, t]);

  const chosen = plan ? plan.additions.filter((a) => !skip.has(a.key)).length : 0;
  const toggle = (key: string) =>
    setSkip((before) => {
      const next = new Set(before);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <Dialog open={props.open} onClose={props.onClose} title={replacing ? t('outline.replaceTitle') : t('outline.mergeTitle')} description={replacing ? t('outline.replaceHelp') : t('outline.mergeHelp')}>
      {!replacing && (
        <div className="generate-plan">
          {problem && <p className="error">{problem}</p>}
          {!plan && !problem && <p className="muted">{t('outline.mergeLoading')}</p>}
          {plan && (
            <>
              <p className="muted small">{t('outline.mergeKept', plan.kept)}</p>
              {plan.additions.length === 0 ? (
                <p>{t('outline.mergeNothing')}</p>
              ) : (
                <div className="generate-plan__list" role="group" aria-label={t('outline.mergeTitle')}>
                  {groups(plan.additions).map((group) => (
                    <section key={group.path} className="generate-plan__group">
                      <h3 className="generate-plan__where">{group.path || t('outline.additionTop')}</h3>
                      <ul>
                        {group.additions.map((addition) => (
                          <li key={addition.key} className={`generate-plan__addition generate-plan__addition--${addition.kind}`}>
                            <label>
                              <input type="checkbox" checked={!skip.has(addition.key)} onChange={() => toggle(addition.key)} />
                              <span className="generate-plan__kind">{t(`outline.additionKinds.${addition.kind}`)}</span>
                              <span className="generate-plan__text">{addition.text}</span>
                            </label>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ))}
                </div>
              )}
            </>
          )}
        </div>
      )}
      <footer className="dialog__footer generate-plan__footer">
        <button type="button" className="button button--quiet" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
        {replacing ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              props.onClose();
              void generate({ replace: true, language: props.language });
            }}
          >
            {t('outline.replace')}
          </button>
        ) : (
          <>
            <button type="button" className="button button--danger-quiet" onClick={() => setReplacing(true)}>
              {t('outline.mergeReplace')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={chosen === 0}
              onClick={() => {
                props.onClose();
                void generate({ merge: true, skip: [...skip], language: props.language });
              }}
            >
              {t('outline.mergeAdd', { count: chosen })}
            </button>
          </>
        )}
      </footer>
    </Dialog>
  );
}
