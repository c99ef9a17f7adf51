import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PseudonymiseDialog } from './PseudonymiseDialog.tsx';

/** Opens the name finder and pseudonymising in place (from the transcripts list). */
export function PseudonymiseButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="open-pseudonymise">
        {t('pseudonymise.open')}
      </button>
      {open && <PseudonymiseDialog open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
