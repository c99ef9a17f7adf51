import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';

/** Who is coding: shown in the top bar, set once and kept on this computer. */
export function CoderButton() {
  const { t } = useTranslation();
  const coder = useStore((s) => s.coder);
  const setCoder = useStore((s) => s.setCoder);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(coder);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) void setCoder(name.trim()).then(() => setOpen(false));
  };
  return (
    <>
      <button
        className="button button--quiet coder-button"
        title={t('coder.title')}
        onClick={() => {
          setName(coder);
          setOpen(true);
        }}
      >
        <span aria-hidden="true">●</span> {coder}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('coder.title')} description={t('coder.help')}>
        <form className="stack" onSubmit={submit}>
          <label className="field">
            <span>{t('coder.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={80} />
          </label>
          <footer className="dialog__footer">
            <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!name.trim()}>
              {t('coder.save')}
            </button>
          </footer>
        </form>
      </Dialog>
    </>
  );
}
