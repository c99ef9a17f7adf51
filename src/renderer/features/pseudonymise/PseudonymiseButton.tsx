import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyComponent } from '../../components/lazy.tsx';

// Its code loads when the button is pressed (issue 19).
const PseudonymiseDialog = lazyComponent(() => import('./PseudonymiseDialog.tsx').then((m) => m.PseudonymiseDialog));

/** Opens the name finder and pseudonymising in place (from the transcripts list). */
export function PseudonymiseButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="open-pseudonymise">
        {t('pseudonymise.open')}
      </button>
      {open && <PseudonymiseDialog fallback={null} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
