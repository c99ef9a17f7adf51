import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FileRef } from '../../../shared/api/contract.ts';
import { COLUMN_KINDS, type ColumnKind, type PlanColumn, type PlanOverride, type SurveyImportResult, type SurveyPlan } from '../../../shared/surveys/model.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ApiError, ask, fileToBase64, write } from '../../data/index.ts';
import { useStore } from '../../store/index.ts';

export const SURVEY_ACCEPTED = '.csv,.xlsx';

/** A refusal in the interface language where its code is known, else the core's sentence (which names the file and cell). */
export function describeSurveyError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code) {
    const key = `surveys.errors.${error.code}`;
    const text = t(key, error.params ?? {});
    if (text !== key) return text;
  }
  return error instanceof Error ? error.message : String(error);
}

const letter = (index: number) => {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
};

/**
 * Choose a survey, read its plan (what each column becomes), change it, import. The plan is the
 * core's inference; the page sends back only what the researcher changed, by header.
 */
export function SurveyImportDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const [file, setFile] = useState<{ name: string; ref: FileRef } | null>(null);
  const [pseudonyms, setPseudonyms] = useState<{ name: string; ref: FileRef } | null>(null);
  const [plan, setPlan] = useState<SurveyPlan | null>(null);
  const [changes, setChanges] = useState<Record<string, PlanOverride>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<SurveyImportResult | null>(null);

  const close = () => {
    setFile(null);
    setPseudonyms(null);
    setPlan(null);
    setChanges({});
    setProblem(null);
    setResult(null);
    onClose();
  };

  const readPlan = async (chosen: { name: string; ref: FileRef }, list: { name: string; ref: FileRef } | null) => {
    setBusy(t('surveys.reading', { file: chosen.name }));
    setProblem(null);
    setPlan(null);
    setChanges({});
    try {
      setPlan(await ask('surveys/plan', { file: chosen.ref, ...(list ? { pseudonyms: list.ref } : {}) }));
    } catch (error) {
      setProblem(describeSurveyError(t, error));
    } finally {
      setBusy(null);
    }
  };

  const pick = async (list: FileList | null, which: 'file' | 'pseudonyms') => {
    const chosen = list?.[0];
    if (!chosen) return;
    const entry = { name: chosen.name, ref: { name: chosen.name, base64: await fileToBase64(chosen) } };
    if (which === 'file') {
      setFile(entry);
      await readPlan(entry, pseudonyms);
    } else {
      setPseudonyms(entry);
      if (file) await readPlan(file, entry);
    }
  };

  const change = (column: PlanColumn, patch: Omit<PlanOverride, 'header'>) =>
    setChanges((current) => ({ ...current, [column.header]: { ...current[column.header], ...patch, header: column.header } }));

  const start = async () => {
    if (!file) return;
    setBusy(t('surveys.importing'));
    setProblem(null);
    try {
      // A baseline write: its notice names the tables it filled, and the views showing them fetch again.
      setResult(await write('surveys/import', { file: file.ref, plan: Object.values(changes), ...(pseudonyms ? { pseudonyms: pseudonyms.ref } : {}) }));
    } catch (error) {
      setProblem(describeSurveyError(t, error));
    } finally {
      setBusy(null);
    }
  };

  const kindOf = (c: PlanColumn): ColumnKind => changes[c.header]?.kind ?? c.kind;

  return (
    <Dialog open={open} onClose={close} title={t('surveys.importTitle')} description={result ? undefined : t('surveys.importHelp')} wide="extra">
      {result ? (
        <div className="stack" data-testid="survey-report">
          <p>
            ✓ {result.file}:{' '}
            {t('surveys.report', {
              respondents: result.participants.created + result.participants.updated,
              created: result.participants.created,
              items: result.items,
              dimensions: result.dimensions.length,
              answers: result.answers,
              open: result.openAnswers,
              documents: result.documents,
            })}
          </p>
          {result.replacements.length > 0 && <p className="muted small">{t('surveys.replacements', { list: result.replacements.map((r) => `${r.name} → ${r.pseudonym} ×${r.count}`).join(', ') })}</p>}
          <footer className="dialog__footer">
            <button type="button" className="button" onClick={close}>
              {t('surveys.done')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                close();
                navigate({ name: 'scales', params: {} });
              }}
            >
              {t('surveys.openScales')}
            </button>
          </footer>
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <div className="button-row">
            <label className="file-pick">
              <input type="file" accept={SURVEY_ACCEPTED} onChange={(e) => void pick(e.target.files, 'file')} data-testid="survey-file" />
              <span className="button">{t('surveys.chooseFile')}</span>
            </label>
            <label className="file-pick">
              <input type="file" accept=".csv,.txt" onChange={(e) => void pick(e.target.files, 'pseudonyms')} data-testid="survey-pseudonyms" />
              <span className="button button--quiet">{pseudonyms ? `✓ ${pseudonyms.name}` : t('surveys.choosePseudonyms')}</span>
            </label>
          </div>
          {busy && <p className="muted">{busy}</p>}
          {plan && (
            <section className="survey-plan" aria-label={t('surveys.planTitle')}>
              <h3>
                {t('surveys.planTitle')} <span className="muted small">· {plan.file}{plan.sheet ? ` (${plan.sheet})` : ''} · {t('surveys.respondents', { count: plan.respondents })}</span>
              </h3>
              <p className="muted small">{t('surveys.planHelp')}</p>
              <div className="survey-plan__scroll">
                <table className="table table--compact survey-plan__table">
                  <thead>
                    <tr>
                      <th scope="col">{t('surveys.column')}</th>
                      <th scope="col">{t('surveys.header')}</th>
                      <th scope="col">{t('surveys.answers')}</th>
                      <th scope="col">{t('surveys.kind')}</th>
                      <th scope="col">{t('surveys.details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.columns.map((c) => {
                      const kind = kindOf(c);
                      const scale = c.scale;
                      return (
                        <tr key={c.index} data-header={c.header}>
                          <td className="muted">{letter(c.index)}</td>
                          <th scope="row" className="survey-plan__header">
                            {c.header}
                          </th>
                          <td className="muted small survey-plan__samples" title={c.samples.join(' · ')}>
                            {c.samples.slice(0, 3).join(' · ')}
                            <br />
                            {t('surveys.filled', { count: c.filled })}
                          </td>
                          <td>
                            <select aria-label={`${t('surveys.kind')}: ${c.header}`} value={kind} onChange={(e) => change(c, { kind: e.target.value as ColumnKind })}>
                              {COLUMN_KINDS.map((k) => (
                                <option key={k} value={k}>
                                  {t(`surveys.kinds.${k}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td className="small">
                            {kind === 'scale' && (
                              <div className="survey-plan__scale">
                                {scale && (
                                  <span className="muted" title={scale.words?.join(' · ')}>
                                    {t('surveys.scale', { min: scale.min, max: scale.max })}
                                    {scale.words ? ` (${scale.words[0]} … ${scale.words[scale.words.length - 1]})` : ''}
                                  </span>
                                )}
                                <label>
                                  {t('surveys.words')}{' '}
                                  <input
                                    type="text"
                                    size={18}
                                    defaultValue={scale?.words?.join('; ') ?? ''}
                                    placeholder={t('surveys.wordsPlaceholder')}
                                    aria-label={`${t('surveys.words')}: ${c.header}`}
                                    onBlur={(e) => {
                                      const words = e.target.value.split(';').map((w) => w.trim()).filter(Boolean);
                                      if (words.length >= 2 && words.join('; ') !== scale?.words?.join('; ')) change(c, { scale: { min: changes[c.header]?.scale?.min ?? scale?.min ?? 1, words } });
                                    }}
                                  />
                                </label>
                                <label>
                                  {t('surveys.from')}{' '}
                                  <input
                                    type="number"
                                    min={0}
                                    max={10}
                                    defaultValue={scale?.min ?? 1}
                                    aria-label={`${t('surveys.from')}: ${c.header}`}
                                    onBlur={(e) => {
                                      const min = Number(e.target.value);
                                      const words = changes[c.header]?.scale?.words ?? scale?.words ?? null;
                                      if (Number.isInteger(min) && min !== scale?.min) change(c, { scale: words ? { min, words } : { min, max: min + (scale ? scale.max - scale.min : 4) } });
                                    }}
                                  />
                                </label>
                                <label>
                                  {t('surveys.dimension')}{' '}
                                  <input
                                    type="text"
                                    size={8}
                                    defaultValue={c.dimension ?? ''}
                                    aria-label={`${t('surveys.dimension')}: ${c.header}`}
                                    onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== c.dimension && change(c, { dimension: e.target.value.trim() })}
                                  />
                                </label>
                                <label>
                                  <input type="checkbox" checked={changes[c.header]?.reversed ?? c.reversed ?? false} onChange={(e) => change(c, { reversed: e.target.checked })} /> {t('surveys.reversed')}
                                </label>
                              </div>
                            )}
                            {kind === 'attribute' && c.attributeType && <span className="muted">{t(`attributeType.${c.attributeType}`)}</span>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          {problem && (
            <p className="bad" role="alert">
              {problem}
            </p>
          )}
          <footer className="dialog__footer">
            <button type="button" className="button button--quiet" onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!plan || busy !== null}>
              {busy === t('surveys.importing') ? t('surveys.importing') : t('surveys.start')}
            </button>
          </footer>
        </form>
      )}
    </Dialog>
  );
}
