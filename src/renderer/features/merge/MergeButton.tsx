import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyComponent } from '../../components/lazy.tsx';

// Its code loads when the button is pressed (issue 19).
const MergeDialog = lazyComponent(() => import('./MergeDialog.tsx').then((m) => m.MergeDialog));

/** Opens the merge of another researcher's copy (issue 25). */
export function MergeButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--quiet button--small" onClick={() => setOpen(true)} data-testid="open-merge">
        {t('merge.open')}
      </button>
      {open && <MergeDialog fallback={null} onClose={() => setOpen(false)} />}
    </>
  );
}
