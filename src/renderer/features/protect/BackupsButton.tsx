import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyComponent } from '../../components/lazy.tsx';

// Its code loads when the button is pressed (issue 19).
const BackupsDialog = lazyComponent(() => import('./BackupsDialog.tsx').then((m) => m.BackupsDialog));

/** Opens the backups, copies and audit of the open project. */
export function BackupsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--quiet button--small" onClick={() => setOpen(true)} data-testid="open-backups">
        {t('protect.open')}
      </button>
      {open && <BackupsDialog fallback={null} onClose={() => setOpen(false)} />}
    </>
  );
}
