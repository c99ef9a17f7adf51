import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QdpxImportReport } from '../../../shared/interchange.ts';
import { fileToBase64, write } from '../../data/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { describeRefusal } from './describe.ts';
import { QdpxReportView } from './QdpxReportView.tsx';

/** Imports another program's REFI-QDA project into this (empty) project and shows what came in. */
export function ImportQdpxDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<QdpxImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    setFile(null);
    setReport(null);
    setProblem(null);
    onClose();
  };
  const start = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      // A baseline write: its notice names every table it filled, and the views showing them fetch again.
      setReport(await write('interchange/importQdpx', { file: { name: file.name, base64: await fileToBase64(file) } }));
    } catch (error) {
      setProblem(describeRefusal(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} title={t('interchange.importTitle')} description={report ? undefined : t('interchange.importHelp')} wide>
      {report ? (
        <>
          <QdpxReportView report={report} />
          <footer className="dialog__footer">
            <button type="button" className="button button--primary" onClick={close}>
              {t('interchange.done')}
            </button>
          </footer>
        </>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <label className="file-pick">
            <input type="file" accept=".qdpx,.qde" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="import-qdpx-file" />
            <span className="button">{t('interchange.chooseFile')}</span>
          </label>
          {file && <p className="chosen">✓ {file.name}</p>}
          {problem && (
            <p className="bad" role="alert">
              {problem}
            </p>
          )}
          <footer className="dialog__footer">
            <button type="button" className="button button--quiet" onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!file || busy}>
              {busy && file ? t('interchange.importing', { file: file.name }) : t('interchange.start')}
            </button>
          </footer>
        </form>
      )}
    </Dialog>
  );
}
