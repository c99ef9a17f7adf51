import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupsDialog } from './BackupsDialog.tsx';

/** Opens the backups, copies and audit of the open project. */
export function BackupsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--quiet button--small" onClick={() => setOpen(true)} data-testid="open-backups">
        {t('protect.open')}
      </button>
      {open && <BackupsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
