import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import { ImportReportView } from './ImportReportView.tsx';

export const ACCEPTED = '.txt,.md,.docx,.odt,.vtt,.srt,.pdf,.csv';

/**
 * Choose transcripts (and participant tables), choose the pseudonym list, import, then read the
 * report in the same place: what came in, what was refused and why.
 */
export function ImportDialog(props: { open: boolean; initialFiles: File[]; onClose(): void }) {
  const { t } = useTranslation();
  const importFiles = useStore((s) => s.importFiles);
  const importing = useStore((s) => s.importing);
  const report = useStore((s) => s.report);
  const dismissReport = useStore((s) => s.dismissReport);
  const [files, setFiles] = useState<File[]>(props.initialFiles);
  const [pseudonyms, setPseudonyms] = useState<File | null>(null);

  useEffect(() => {
    if (props.open) setFiles(props.initialFiles);
  }, [props.open, props.initialFiles]);

  const close = () => {
    dismissReport();
    setFiles([]);
    props.onClose();
  };

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const added = Array.from(list);
    setFiles((current) => [...current, ...added.filter((f) => !current.some((c) => c.name === f.name && c.size === f.size))]);
  };

  return (
    <Dialog open={props.open} onClose={close} title={report ? t('import.reportTitle') : t('import.title')} wide>
      {report ? (
        <ImportReportView report={report} onDone={close} />
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void importFiles(files, pseudonyms);
          }}
        >
          <div className="field">
            <span>{t('import.filesLabel')}</span>
            <p className="muted small">{t('import.filesHelp')}</p>
            <label className="file-pick">
              <input type="file" multiple accept={ACCEPTED} onChange={(e) => addFiles(e.target.files)} data-testid="import-files" />
              <span className="button">{t('import.chooseFiles')}</span>
            </label>
            {files.length > 0 && (
              <ul className="file-list" aria-label={t('import.chosen')}>
                {files.map((file) => (
                  <li key={`${file.name}-${file.size}`}>
                    <span>{file.name}</span>
                    <button type="button" className="icon-button" aria-label={t('import.remove', { name: file.name })} onClick={() => setFiles(files.filter((f) => f !== file))}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="field">
            <span>{t('import.pseudonymsLabel')}</span>
            <p className="muted small">{t('import.pseudonymsHelp')}</p>
            <label className="file-pick">
              <input type="file" accept=".csv,.txt" onChange={(e) => setPseudonyms(e.target.files?.[0] ?? null)} data-testid="import-pseudonyms" />
              <span className="button">{pseudonyms ? t('import.otherPseudonyms') : t('import.choosePseudonyms')}</span>
            </label>
            {pseudonyms && (
              <p className="chosen">
                ✓ {pseudonyms.name}{' '}
                <button type="button" className="link-button" onClick={() => setPseudonyms(null)}>
                  {t('import.noPseudonyms')}
                </button>
              </p>
            )}
          </div>
          <footer className="dialog__footer">
            <button type="button" className="button button--quiet" onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={files.length === 0 || importing}>
              {importing ? t('import.busy') : t('import.start', { count: files.length })}
            </button>
          </footer>
        </form>
      )}
    </Dialog>
  );
}
