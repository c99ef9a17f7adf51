import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label, LabelUsage } from '../../../shared/model.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import { useLabels } from '../../data/reads.ts';
import type { Notice } from './notice.ts';

export function DeleteDialog(props: { label: Label | null; onClose(): void; onDeleted(notice: Notice): void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const labelUsage = useStore((s) => s.labelUsage);
  const deleteLabel = useStore((s) => s.deleteLabel);
  const [usage, setUsage] = useState<LabelUsage | null>(null);
  const label = props.label;
  const parent = label?.parentId ? labels.find((l) => l.id === label.parentId) : undefined;

  useEffect(() => {
    setUsage(null);
    if (!label) return;
    let live = true;
    void labelUsage(label.id).then((u) => live && setUsage(u));
    return () => {
      live = false;
    };
  }, [label, labelUsage]);

  const codings = usage ? t('codebook.codings', { count: usage.codings }) : '';
  const run = async () => {
    if (!label || !usage) return;
    await deleteLabel(label.id);
    const { name } = label;
    const count = usage.codings;
    props.onDeleted({ text: (tr) => tr('codebook.deleteDone', { name, codings: tr('codebook.codings', { count }) }), undo: true });
  };

  return (
    <Dialog open={label !== null} onClose={props.onClose} title={t('codebook.deleteTitle', { name: label?.name ?? '' })}>
      {label && (
        <div className="stack">
          {usage && (
            <div className="codebook-explain" role="status">
              <p>
                {usage.codings === 0
                  ? t('codebook.deleteUnused', { name: label.name })
                  : t('codebook.deleteUsed', {
                      name: label.name,
                      passages: t('codebook.passages', { count: usage.segments }),
                      transcripts: t('codebook.transcripts', { count: usage.documents }),
                      codings,
                      coders: usage.coders > 1 ? t('codebook.deleteCoders', { count: usage.coders }) : '',
                    })}
              </p>
              {usage.children > 0 && (
                <p>
                  {parent
                    ? t('codebook.deleteChildren', { sublabels: t('codebook.sublabels', { count: usage.children }), parent: parent.name })
                    : t('codebook.deleteChildrenTop', { sublabels: t('codebook.sublabels', { count: usage.children }) })}
                </p>
              )}
              <p className="muted small">{t('codebook.undoHint')}</p>
            </div>
          )}
          <footer className="dialog__footer">
            <button type="button" className="button button--quiet" onClick={props.onClose} autoFocus>
              {t('codebook.cancel')}
            </button>
            <button type="button" className="button button--danger" disabled={!usage} onClick={() => void run()}>
              {usage && usage.codings > 0 ? t('codebook.deleteButtonCodings', { codings }) : t('codebook.deleteButton')}
            </button>
          </footer>
        </div>
      )}
    </Dialog>
  );
}
