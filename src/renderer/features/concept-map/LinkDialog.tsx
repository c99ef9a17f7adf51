import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import { relationName } from './relations.ts';
import { useConcepts, useRelations } from '../../data/reads.ts';
import { peek } from '../../data/index.ts';

/** Choosing the kind of a new link (or making a new kind), with an optional memo. */
export function LinkDialog({ pair, onClose }: { pair: { sourceId: string; targetId: string } | null; onClose(): void }) {
  const { t } = useTranslation();
  const relations = useRelations();
  const concepts = useConcepts();
  const createLink = useStore((s) => s.createLink);
  const createRelation = useStore((s) => s.createRelation);
  const [relationId, setRelationId] = useState('');
  const [newName, setNewName] = useState('');
  const [directed, setDirected] = useState(true);
  const [memo, setMemo] = useState('');
  const [busy, setBusy] = useState(false);
  const open = pair !== null;
  useEffect(() => {
    if (!open) return;
    setRelationId(peek('relations/list', {})?.[0]?.id ?? 'new');
    setNewName('');
    setMemo('');
    setDirected(true);
  }, [open]);
  const name = (id: string | undefined) => concepts.find((c) => c.id === id)?.name ?? '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pair) return;
    setBusy(true);
    let typeId = relationId;
    if (relationId === 'new') {
      const made = await createRelation(newName.trim(), directed);
      typeId = made?.id ?? '';
    }
    const link = typeId ? await createLink({ ...pair, relationTypeId: typeId, memo: memo.trim() || undefined }) : null;
    setBusy(false);
    if (link) onClose();
  };
  return (
    <Dialog open={open} onClose={onClose} title={t('map.newLinkTitle')} description={t('map.newLinkHelp', { source: name(pair?.sourceId), target: name(pair?.targetId) })}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <fieldset className="map-relations">
          <legend>{t('map.relationType')}</legend>
          {relations.map((r) => (
            <label key={r.id} className="map-relations__option">
              <input type="radio" name="relation" value={r.id} checked={relationId === r.id} onChange={() => setRelationId(r.id)} />
              <span>
                {relationName(t, r)} <span className="muted small">{r.directed ? '→' : '—'}</span>
              </span>
            </label>
          ))}
          <label className="map-relations__option">
            <input type="radio" name="relation" value="new" checked={relationId === 'new'} onChange={() => setRelationId('new')} />
            <span>{t('map.ownRelation')}</span>
          </label>
          {relationId === 'new' && (
            <div className="map-relations__new">
              <label className="field">
                <span>{t('map.relationName')}</span>
                <input value={newName} autoFocus maxLength={200} placeholder={t('map.relationNamePlaceholder')} onChange={(e) => setNewName(e.target.value)} />
              </label>
              <label className="map-relations__option">
                <input type="checkbox" checked={directed} onChange={(e) => setDirected(e.target.checked)} />
                <span>{t('map.directed')}</span>
              </label>
            </div>
          )}
        </fieldset>
        <label className="field">
          <span>{t('map.memo')}</span>
          <textarea rows={3} value={memo} placeholder={t('map.memoPlaceholder')} onChange={(e) => setMemo(e.target.value)} />
        </label>
        <footer className="dialog__footer">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || (relationId === 'new' && !newName.trim())}>
            {t('map.makeLink')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
