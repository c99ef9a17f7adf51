import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { lazyComponent } from '../../components/lazy.tsx';

const ExportDialog = lazyComponent(() => import('../export/ExportDialog.tsx').then((m) => m.ExportDialog));

/** The report round's way out: the export dialog, opened on the theme report. */
export function ExportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const title = useStore((s) => s.project?.title);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('outline.export')}
      </button>
      {open && <ExportDialog open={open} onClose={() => setOpen(false)} initialReport="themes" projectTitle={title} />}
    </>
  );
}
