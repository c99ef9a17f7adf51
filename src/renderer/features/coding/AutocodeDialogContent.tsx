import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTOCODE_SCOPES, type AutocodePreview, type AutocodeQuery, type AutocodeScope } from '../../../shared/model.ts';
import { ask } from '../../data/index.ts';
import { describe } from '../../components/describe.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import { useLabels } from '../../data/reads.ts';

type Mode = 'text' | 'regex' | 'speaker';

/** Auto-coding: a label for every hit of a phrase, a regular expression, or a speaker's turns — after a preview. */
export function AutocodeDialogContent(props: { open: boolean; onClose(): void; speakers: string[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const autocode = useStore((s) => s.autocode);
  const [mode, setMode] = useState<Mode>('text');
  const [value, setValue] = useState('');
  const [label, setLabel] = useState('');
  const [preview, setPreview] = useState<AutocodePreview | null>(null);
  const [scope, setScope] = useState<AutocodeScope>('sentence');
  const [withInterviewer, setWithInterviewer] = useState(false);
  // Keys of hits the researcher unticked in the preview: left out of the run.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const options = () => ({ scope, speakers: withInterviewer ? ('all' as const) : ('participants' as const) });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const query = (): AutocodeQuery => (mode === 'text' ? { text: value } : mode === 'regex' ? { regex: value } : { speaker: value });

  const runPreview = async () => {
    setProblem(null);
    setDone(null);
    try {
      setPreview(await ask('codings/autocodePreview', { query: query(), limit: 2000, ...options() }));
      setUnticked(new Set());
    } catch (error) {
      setPreview(null);
      setProblem(describe(t, error as Error));
    }
  };
  const run = async () => {
    const result = await autocode(label.trim(), query(), { ...options(), exclude: [...unticked] });
    if (result) {
      setDone(t('coding.autocodeDone', { coded: result.coded, label: result.label.name, hits: result.hits }));
      setPreview(null);
    }
  };
  const close = () => {
    setPreview(null);
    setDone(null);
    setProblem(null);
    props.onClose();
  };

  return (
    <Dialog open={props.open} onClose={close} title={t('coding.autocodeTitle')} description={t('coding.autocodeHelp')} wide>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void runPreview();
        }}
      >
        <div className="segmented segmented--wide" role="radiogroup" aria-label={t('coding.autocodeMode')}>
          {(['text', 'regex', 'speaker'] as const).map((m) => (
            <button type="button" key={m} role="radio" aria-checked={mode === m} className={mode === m ? 'is-active' : ''} onClick={() => { setMode(m); setPreview(null); setValue(''); }}>
              {t(`coding.mode.${m}`)}
            </button>
          ))}
        </div>
        <div className="segmented segmented--wide" role="radiogroup" aria-label={t('coding.scope')}>
          {AUTOCODE_SCOPES.map((m) => (
            <button type="button" key={m} role="radio" aria-checked={scope === m} className={scope === m ? 'is-active' : ''} onClick={() => { setScope(m); setPreview(null); }}>
              {t(`coding.scopes.${m}`)}
            </button>
          ))}
        </div>
        <label className="field field--inline">
          <input type="checkbox" checked={withInterviewer} onChange={(e) => { setWithInterviewer(e.target.checked); setPreview(null); }} />
          <span>{t('coding.includeInterviewer')}</span>
        </label>
        {mode === 'speaker' ? (
          <label className="field">
            <span>{t('coding.speaker')}</span>
            <select value={value} onChange={(e) => { setValue(e.target.value); setPreview(null); }} required>
              <option value="">—</option>
              {props.speakers.map((s) => (
                <option key={s} value={s}>{s}</option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field">
            <span>{mode === 'text' ? t('coding.phrase') : t('coding.regex')}</span>
            <input value={value} onChange={(e) => { setValue(e.target.value); setPreview(null); }} placeholder={mode === 'text' ? 'brede basiszorg' : '\\bCLB\\b'} required />
          </label>
        )}
        <label className="field">
          <span>{t('coding.label')}</span>
          <input list="autocode-labels" value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('coding.labelPlaceholder')} required />
          <datalist id="autocode-labels">
            {labels.map((l) => (
              <option key={l.id} value={l.name} />
            ))}
          </datalist>
        </label>
        {problem && <p className="form-error" role="alert">{problem}</p>}
        {done && <p className="form-ok" role="status">{done}</p>}
        {preview && (
          <div className="preview" role="status">
            <p>
              <strong>{t('coding.previewCount', { count: preview.total, documents: preview.documents })}</strong>
              {unticked.size > 0 && <span className="muted small"> · {t('coding.previewTicked', { ticked: preview.total - unticked.size, count: preview.total })}</span>}
            </p>
            <ol className="preview__hits">
              {preview.hits.map((hit) => (
                <li key={hit.key} className={unticked.has(hit.key) ? 'is-unticked' : undefined}>
                  <input
                    type="checkbox"
                    aria-label={t('coding.tickHit')}
                    checked={!unticked.has(hit.key)}
                    onChange={(e) => {
                      const next = new Set(unticked);
                      if (e.target.checked) next.delete(hit.key);
                      else next.add(hit.key);
                      setUnticked(next);
                    }}
                  />
                  <span className="muted small">
                    {hit.documentName}
                    {hit.speaker ? ` · ${t('coding.hitSpeaker', { speaker: hit.speaker })}` : ''}
                    {hit.matches > 1 ? ` · ${t('coding.hitMatches', { count: hit.matches })}` : ''}
                  </span>
                  <span>
                    …{hit.before.slice(-50)}
                    <mark>{hit.match.length > 200 ? `${hit.match.slice(0, 200)}…` : hit.match}</mark>
                    {hit.after.slice(0, 50)}…
                  </span>
                </li>
              ))}
            </ol>
          </div>
        )}
        <footer className="dialog__footer">
          <button type="button" className="button button--quiet" onClick={close}>
            {t('common.close')}
          </button>
          <button type="submit" className="button" disabled={!value.trim()}>
            {t('coding.preview')}
          </button>
          <button type="button" className="button button--primary" disabled={!preview || preview.total - unticked.size === 0 || !label.trim()} onClick={() => void run()}>
            {preview ? t('coding.codeAll', { count: preview.total - unticked.size }) : t('coding.codeAllFirst')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
