import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concept } from '../../../shared/analysis.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import { FuzzyPick } from '../rounds/fields.tsx';
import { useConcepts, useLabels } from '../../data/reads.ts';

/** A new concept: its name and, straight away, the labels it gathers. */
export function NewConceptDialog({ open, onClose, onCreated, labelIds: initial = [] }: { open: boolean; onClose(): void; onCreated(concept: Concept): void; labelIds?: string[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const createConcept = useStore((s) => s.createConcept);
  const [name, setName] = useState('');
  const [labelIds, setLabelIds] = useState<string[]>(initial);
  const [busy, setBusy] = useState(false);
  const initialKey = initial.join(',');
  useEffect(() => {
    if (!open) return;
    setName('');
    setLabelIds(initialKey ? initialKey.split(',') : []);
  }, [open, initialKey]);
  const byId = new Map(labels.map((l) => [l.id, l]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    const concept = await createConcept({ name: name.trim(), labelIds });
    setBusy(false);
    if (concept) onCreated(concept);
  };
  return (
    <Dialog open={open} onClose={onClose} title={t('concepts.newTitle')} description={t('concepts.newHelp')}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('concepts.name')}</span>
          <input value={name} autoFocus maxLength={200} placeholder={t('concepts.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="field">
          <span>{t('concepts.labelsToBring')}</span>
          {labelIds.length > 0 && (
            <ul className="pills" aria-label={t('concepts.chosenLabels')}>
              {labelIds.map((id) => (
                <li key={id} className="pill">
                  <span className="swatch" style={{ background: byId.get(id)?.colour }} aria-hidden="true" />
                  {byId.get(id)?.name}
                  <button type="button" className="pill__remove" aria-label={t('concepts.removeLabel', { name: byId.get(id)?.name })} onClick={() => setLabelIds((ids) => ids.filter((x) => x !== id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <FuzzyPick
            items={labels.filter((l) => !labelIds.includes(l.id)).map((l) => ({ id: l.id, name: l.name, colour: l.colour, hint: String(l.segmentCount) }))}
            label={t('concepts.findLabel')}
            placeholder={t('concepts.findLabelPlaceholder')}
            onPick={(id) => setLabelIds((ids) => [...ids, id])}
          />
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!name.trim() || busy}>
            {t('concepts.create')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

export function DeleteConceptDialog({ concept, onClose, onDeleted }: { concept: Concept | null; onClose(): void; onDeleted(): void }) {
  const { t } = useTranslation();
  const deleteConcept = useStore((s) => s.deleteConcept);
  return (
    <Dialog open={concept !== null} onClose={onClose} title={t('concepts.deleteTitle', { name: concept?.name ?? '' })} description={t('concepts.deleteHelp')}>
      <footer className="dialog__footer">
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            if (!concept) return;
            void deleteConcept(concept.id).then(onDeleted);
          }}
        >
          {t('concepts.delete')}
        </button>
      </footer>
    </Dialog>
  );
}

/** Adds segments to a concept: from the segment panel or from retrieval. */
export function AddToConceptDialog({ segmentIds, onClose }: { segmentIds: string[] | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={segmentIds !== null} onClose={onClose} title={t('concepts.addToTitle')} description={t('concepts.addToHelp')}>
      <AddToConcept segmentIds={segmentIds} onClose={onClose} />
    </Dialog>
  );
}

/** The dialog's body, drawn only while it is open: the concepts are read then, not beside every selected segment. */
function AddToConcept({ segmentIds, onClose }: { segmentIds: string[] | null; onClose(): void }) {
  const { t } = useTranslation();
  const concepts = useConcepts();
  const addConceptSegments = useStore((s) => s.addConceptSegments);
  const navigate = useStore((s) => s.navigate);
  return concepts.length === 0 ? (
    <div className="stack">
      <p className="muted">{t('concepts.noneYet')}</p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          onClose();
          navigate({ name: 'concepts', conceptId: null });
        }}
      >
        {t('concepts.goMake')}
      </button>
    </div>
  ) : (
    <FuzzyPick
      autoFocus
      items={concepts.map((c) => ({ id: c.id, name: c.name, colour: c.colour, hint: c.segmentIds.some((id) => segmentIds?.includes(id)) ? t('concepts.alreadyIn') : undefined }))}
      label={t('concepts.findConcept')}
      placeholder={t('concepts.findConceptPlaceholder')}
      onPick={(id) => {
        if (segmentIds) void addConceptSegments(id, segmentIds);
        onClose();
      }}
    />
  );
}
