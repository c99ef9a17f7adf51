import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ask } from '../../data/index.ts';
import { downloadBase64 } from '../../components/download.ts';
import { describeRefusal } from './describe.ts';

/** Two buttons: the whole project as .qdpx, the codebook as .qdc (for the export dialog or menu). */
export function ExportInterchangeButtons() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const run = async (format: 'qdpx' | 'qdc') => {
    setStatus(t('interchange.exporting'));
    try {
      const made = await ask(format === 'qdpx' ? 'interchange/exportQdpx' : 'interchange/exportQdc', {});
      downloadBase64(made.fileName, format === 'qdpx' ? 'application/zip' : 'application/xml', made.base64!);
      setStatus(t('interchange.exported', { file: made.fileName }));
    } catch (error) {
      setStatus(describeRefusal(t, error));
    }
  };
  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="button" onClick={() => void run('qdpx')} data-testid="export-qdpx">
          {t('interchange.exportQdpx')}
        </button>
        <button type="button" className="button" onClick={() => void run('qdc')} data-testid="export-qdc">
          {t('interchange.exportQdc')}
        </button>
      </div>
      {status && (
        <p className="muted small" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
