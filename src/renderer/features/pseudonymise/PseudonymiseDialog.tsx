import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameSuggestion, PseudonymisePreview } from '../../../shared/pseudonymise.ts';
import { act, ask, fileToBase64, seedHistory, write } from '../../data/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { downloadBase64 } from '../../components/download.ts';

/** The researcher's pseudonym list, held by the page: uploaded, grown by accepted names, downloaded. */
interface List {
  name: string;
  base64: string;
  /** Names accepted since it was chosen: the list must be saved again. */
  changed: boolean;
}

type Step = 'idle' | 'busy' | 'applied' | 'purged';

/**
 * The name finder and pseudonymising in place: suggestions go into the researcher's list (outside
 * the project) or are dismissed; the list is previewed per transcript and applied as one step.
 */
export function PseudonymiseDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [list, setList] = useState<List | null>(null);
  const [names, setNames] = useState<NameSuggestion[] | null>(null);
  const [pseudonyms, setPseudonyms] = useState<Record<string, string>>({});
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<PseudonymisePreview | null>(null);
  const [step, setStep] = useState<Step>('idle');
  const [busyWith, setBusyWith] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [applied, setApplied] = useState(0);

  const run = async (what: string, work: () => Promise<void>) => {
    setProblem(null);
    setBusyWith(what);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusyWith('');
    }
  };
  const find = () => run('find', async () => setNames((await ask('names/find', {})).names));
  const accept = (name: string) =>
    run('accept', async () => {
      const reply = await act('names/accept', { name, pseudonym: pseudonyms[name]?.trim() || 'NN', ...(list ? { list: { name: list.name, base64: list.base64 } } : {}) });
      setList({ name: list?.name ?? t('pseudonymise.newListName'), base64: await fileToBase64(new Blob([reply.csv])), changed: true });
      setAccepted(new Set([...accepted, name]));
      setPreview(null);
    });
  const dismiss = (name: string) =>
    run('dismiss', async () => {
      await write('names/dismiss', { name });
      setNames((names ?? []).filter((n) => n.name !== name));
    });
  const showPreview = () =>
    run('preview', async () => {
      if (!list) throw new Error(t('pseudonymise.needList'));
      setPreview(await ask('pseudonyms/preview', { list: { name: list.name, base64: list.base64 } }));
      setStep('idle');
    });
  const apply = () =>
    run('apply', async () => {
      setStep('busy');
      const result = await write('pseudonyms/apply', { list: { name: list!.name, base64: list!.base64 } });
      setApplied(result.total);
      setStep('applied');
      setPreview(null);
      setNames(null);
    });
  const purge = () =>
    run('purge', async () => {
      await act('project/purge', {});
      // The purge ended the session's undo history.
      seedHistory({ canUndo: false, canRedo: false, summary: null });
      setStep('purged');
    });

  return (
    <Dialog open={open} onClose={onClose} title={t('pseudonymise.title')} description={t('pseudonymise.help')} wide>
      <div className="stack pseudonymise" data-testid="pseudonymise-dialog">
        <div className="pseudonymise__list">
          <label className="file-pick">
            <input
              type="file"
              accept=".csv"
              data-testid="pseudonym-list"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void fileToBase64(file).then((base64) => setList({ name: file.name, base64, changed: false }));
              }}
            />
            <span className="button">{t('pseudonymise.chooseList')}</span>
          </label>
          <span className={list ? 'chosen' : 'muted small'}>{list ? `✓ ${list.name}` : t('pseudonymise.listHelp')}</span>
          {list?.changed && (
            <button
              type="button"
              className="button button--small"
              data-testid="download-list"
              onClick={() => {
                downloadBase64(list.name, 'text/csv', list.base64);
                setList({ ...list, changed: false });
              }}
            >
              {t('pseudonymise.saveList')}
            </button>
          )}
        </div>
        {list?.changed && <p className="small bad">{t('pseudonymise.unsaved')}</p>}

        <section aria-labelledby="names-title">
          <h3 id="names-title">
            <button type="button" className="button" onClick={() => void find()} disabled={busyWith !== ''} data-testid="find-names">
              {busyWith === 'find' ? t('pseudonymise.finding') : t('pseudonymise.find')}
            </button>
          </h3>
          {names && names.length === 0 && <p className="muted">{t('pseudonymise.noNames')}</p>}
          {/* The preview takes the finder's place: the apply button stays in view. */}
          {names && names.length > 0 && !preview && (
            <div className="table-wrap pseudonymise__names">
              <table className="table" data-testid="name-suggestions">
                <thead>
                  <tr>
                    <th>{t('pseudonymise.name')}</th>
                    <th className="num">{t('pseudonymise.count')}</th>
                    <th>{t('pseudonymise.documents')}</th>
                    <th>{t('pseudonymise.pseudonym')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {names.map((n) => (
                    <tr key={n.name} data-name={n.name}>
                      <td>{n.name}</td>
                      <td className="num">{n.count}</td>
                      <td className="muted small pseudonymise__documents" title={n.documents.join(', ')}>
                        {n.documents.length === 1 ? n.documents[0] : t('pseudonymise.inDocuments', { count: n.documents.length })}
                      </td>
                      <td>
                        <input
                          aria-label={t('pseudonymise.pseudonym')}
                          value={pseudonyms[n.name] ?? ''}
                          placeholder="NN"
                          onChange={(e) => setPseudonyms({ ...pseudonyms, [n.name]: e.target.value })}
                          disabled={accepted.has(n.name)}
                        />
                      </td>
                      <td>
                        <div className="pseudonymise__actions">
                        {accepted.has(n.name) ? (
                          <span className="form-ok">✓ {t('pseudonymise.accepted')}</span>
                        ) : (
                          <>
                            <button type="button" className="button button--small" onClick={() => void accept(n.name)} disabled={busyWith !== ''} data-testid="accept-name">
                              {t('pseudonymise.accept')}
                            </button>
                            <button type="button" className="button button--small button--quiet" onClick={() => void dismiss(n.name)} disabled={busyWith !== ''} data-testid="dismiss-name">
                              {t('pseudonymise.dismiss')}
                            </button>
                          </>
                        )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-label={t('pseudonymise.preview')}>
          <button type="button" className="button" onClick={() => void showPreview()} disabled={busyWith !== '' || !list} data-testid="preview-pseudonyms">
            {busyWith === 'preview' ? t('pseudonymise.previewing') : t('pseudonymise.preview')}
          </button>
          {preview && <PreviewView preview={preview} />}
        </section>

        {problem && (
          <p className="bad" role="alert">
            {problem}
          </p>
        )}
        {step === 'applied' && (
          <p className="form-ok" role="status" data-testid="pseudonymise-applied">
            {t('pseudonymise.applied', { count: applied })}
          </p>
        )}
        {step === 'purged' && (
          <p className="form-ok" role="status" data-testid="pseudonymise-purged">
            {t('pseudonymise.purged')}
          </p>
        )}
        <footer className="dialog__footer">
          {preview && preview.total > 0 && <p className="muted small pseudonymise__warning">{t('pseudonymise.warning')}</p>}
          {step === 'applied' && (
            <button type="button" className="button" onClick={() => void purge()} disabled={busyWith !== ''} data-testid="purge-now">
              {t('pseudonymise.purge')}
            </button>
          )}
          {preview && preview.total > 0 && (
            <button type="button" className="button button--primary" onClick={() => void apply()} disabled={busyWith !== ''} data-testid="apply-pseudonyms">
              {busyWith === 'apply' ? t('pseudonymise.applying') : t('pseudonymise.apply')}
            </button>
          )}
        </footer>
      </div>
    </Dialog>
  );
}

function PreviewView({ preview }: { preview: PseudonymisePreview }) {
  const { t } = useTranslation();
  if (preview.total === 0) return <p className="muted">{t('pseudonymise.nothing')}</p>;
  return (
    <div className="pseudonymise__preview" data-testid="pseudonymise-preview">
      <p>
        <strong>{t('pseudonymise.total', { count: preview.total, documents: preview.documents.length })}</strong>
      </p>
      {preview.documents.map((doc) => (
        <article key={doc.documentId} className="pseudonymise__document">
          <h4>
            {doc.name} {doc.renamed && <span className="muted">{t('pseudonymise.renamed', { name: doc.renamed })}</span>}
          </h4>
          <p className="small">
            {doc.replacements.map((r) => `${r.name} → ${r.pseudonym} ×${r.count}`).join(' · ')}
            {doc.segmentsMoved > 0 && <span className="muted"> · {t('pseudonymise.segmentsMoved', { count: doc.segmentsMoved })}</span>}
          </p>
          {doc.examples.map((example, i) => (
            <p key={i} className="pseudonymise__example small">
              <del>{example.before}</del>
              <ins>{example.after}</ins>
            </p>
          ))}
        </article>
      ))}
      {preview.elsewhere.length > 0 && (
        <p className="small">
          {t('pseudonymise.elsewhere')}: {preview.elsewhere.map((p) => `${t(`pseudonymise.places.${p.place}`)} (${p.count})`).join(', ')}
        </p>
      )}
    </div>
  );
}
