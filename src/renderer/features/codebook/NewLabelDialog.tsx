import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelOrigin } from '../../../shared/model.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import { useLabels } from '../../data/reads.ts';
import { ParentSelect } from './LabelSelect.tsx';

export function NewLabelDialog(props: { open: boolean; onClose(): void; parentId: string | null; onCreated(name: string, parentId: string | null): void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const hasCodings = labels.some((l) => l.segmentCount > 0);
  const createLabel = useStore((s) => s.createLabel);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(props.parentId);
  // Before any coding, a label is prepared (a priori); once coding has begun, new ones come from the data.
  const [origin, setOrigin] = useState<LabelOrigin>(hasCodings ? 'emergent' : 'a-priori');

  useEffect(() => {
    if (props.open) {
      setName('');
      setParentId(props.parentId);
      setOrigin(hasCodings ? 'emergent' : 'a-priori');
    }
  }, [props.open, props.parentId, hasCodings]);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    await createLabel({ name: trimmed, parentId, origin });
    props.onCreated(trimmed, parentId);
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('codebook.newTitle')}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{t('codebook.newName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required autoFocus />
        </label>
        <label className="field">
          <span>{t('codebook.newParent')}</span>
          <ParentSelect labels={labels} value={parentId} onChange={setParentId} />
        </label>
        <fieldset className="field codebook-radios">
          <legend>{t('codebook.newOrigin')}</legend>
          {(['a-priori', 'emergent', 'in-vivo'] as const).map((o) => (
            <label key={o} className="codebook-radio">
              <input type="radio" name="origin" value={o} checked={origin === o} onChange={() => setOrigin(o)} />
              <span>
                <strong>{t(`codebook.origin.${o}`)}</strong> <span className="muted">— {t(`codebook.originHelp.${o}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <footer className="dialog__footer">
          <button type="button" className="button button--quiet" onClick={props.onClose}>
            {t('codebook.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!name.trim()}>
            {t('codebook.create')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
