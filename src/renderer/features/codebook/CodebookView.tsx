import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import { ImportCsvDialog } from './ImportCsvDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { NewLabelDialog } from './NewLabelDialog.tsx';
import type { Notice } from './notice.ts';
import { TemplateDialog } from './TemplateDialog.tsx';
import { LabelDetail } from './LabelDetail.tsx';
import { LabelTree } from './LabelTree.tsx';
import { childrenMap, flattenTree, type Move } from './tree.ts';
import { NO_LABELS } from '../../data/reads.ts';
import { peek, useData } from '../../data/index.ts';

type Open = { kind: 'new' } | { kind: 'import' } | { kind: 'template' } | { kind: 'merge'; id: string } | { kind: 'delete'; id: string } | null;

/** The empty codebook: the three ways to begin, the template first. */
function EmptyCodebook({ onOpen }: { onOpen(open: Open): void }) {
  const { t } = useTranslation();
  return (
    <section className="codebook-empty" aria-labelledby="codebook-empty-title">
      <h2 id="codebook-empty-title">{t('codebook.emptyTitle')}</h2>
      <p className="muted">{t('codebook.emptyHelp')}</p>
      <div className="codebook-empty__options">
        <button type="button" className="codebook-empty__option codebook-empty__option--primary" onClick={() => onOpen({ kind: 'template' })}>
          <strong>{t('codebook.emptyTemplateTitle')}</strong>
          <span>{t('codebook.emptyTemplateHelp')}</span>
        </button>
        <button type="button" className="codebook-empty__option" onClick={() => onOpen({ kind: 'import' })}>
          <strong>{t('codebook.emptyImportTitle')}</strong>
          <span>{t('codebook.emptyImportHelp')}</span>
        </button>
        <button type="button" className="codebook-empty__option" onClick={() => onOpen({ kind: 'new' })}>
          <strong>{t('codebook.emptyNewTitle')}</strong>
          <span>{t('codebook.emptyNewHelp')}</span>
        </button>
      </div>
    </section>
  );
}

/**
 * Round 1's codebook: the label tree on the left (drag or Alt+arrows to arrange), the chosen label on
 * the right (name, colour, definition, criteria, example, its place), and the codebook as a whole:
 * new label, merge, delete, CSV import and the study template.
 */
export function CodebookView({ labelId }: { labelId: string | null }) {
  const { t, i18n } = useTranslation();
  // The counts follow whose speech counts, as the matrix does; the switch adds the interviewer's.
  const speakers = useStore((s) => s.listSpeakers);
  const setSpeakers = useStore((s) => s.setListSpeakers);
  const listArgs = speakers === 'all' ? { speakers } : {};
  const labels = useData('labels/list', listArgs, NO_LABELS);
  const navigate = useStore((s) => s.navigate);
  const moveLabel = useStore((s) => s.moveLabel);
  const undo = useStore((s) => s.undo);
  const [open, setOpen] = useState<Open>(null);
  // A notice belongs to the codebook as the write left it: any later change (an undo, another edit)
  // retires it, so its undo button never undoes something else. Reloads that change nothing (the
  // echo of the write from the change stream) keep it.
  const [shown, setShown] = useState<{ notice: Notice; codebook: string } | null>(null);
  const codebook = useMemo(() => JSON.stringify(labels), [labels]);
  const notice = shown && shown.codebook === codebook ? shown.notice : null;
  const setNotice = (next: Notice | null) => setShown(next ? { notice: next, codebook: JSON.stringify(peek('labels/list', listArgs) ?? []) } : null);
  const [created, setCreated] = useState<{ name: string; parentId: string | null } | null>(null);

  // No label in the address (or one that is gone): the first of the tree is shown.
  const selected = labels.find((l) => l.id === labelId) ?? (labelId === null ? flattenTree(labels)[0]?.label : undefined) ?? null;
  const select = (id: string) => navigate({ name: 'codebook', labelId: id });

  // A label that was just made is selected once it is in the list.
  useEffect(() => {
    if (!created) return;
    const made = labels.find((l) => l.name.toLocaleLowerCase('nl') === created.name.toLocaleLowerCase('nl') && l.parentId === created.parentId);
    if (made) {
      setCreated(null);
      navigate({ name: 'codebook', labelId: made.id });
    }
  }, [labels, created, navigate]);

  // A label that went away (deleted, merged, undone) leaves the address: show the first one instead.
  useEffect(() => {
    if (labelId && labels.length > 0 && !labels.some((l) => l.id === labelId)) navigate({ name: 'codebook', labelId: null });
  }, [labelId, labels, navigate]);

  const onMove = (id: string, move: Move) => void moveLabel(id, move.parentId, move.index);
  const coded = labels.reduce((sum, l) => sum + l.segmentCount, 0);
  const mergeSource = open?.kind === 'merge' ? (labels.find((l) => l.id === open.id) ?? null) : null;
  const deleteTarget = open?.kind === 'delete' ? (labels.find((l) => l.id === open.id) ?? null) : null;
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <div className="codebook">
      <header className="codebook__header">
        <div>
          <h1>{t('codebook.title')}</h1>
          <p className="muted">{labels.length > 0 ? t('codebook.summary', { count: labels.length, segments: n(coded) }) : t('codebook.subtitle')}</p>
        </div>
        <div className="button-row">
          <label className={`codebook__switch${speakers === 'all' ? ' is-set' : ''}`}>
            <input type="checkbox" checked={speakers === 'all'} onChange={(e) => setSpeakers(e.target.checked ? 'all' : 'participants')} />
            <span>{t('codebook.includeInterviewer')}</span>
          </label>
          <button type="button" className="button button--quiet" onClick={() => setOpen({ kind: 'template' })}>
            {t('codebook.useTemplate')}
          </button>
          <button type="button" className="button" onClick={() => setOpen({ kind: 'import' })}>
            {t('codebook.importCsv')}
          </button>
          <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'new' })}>
            + {t('codebook.newLabel')}
          </button>
        </div>
      </header>

      {notice && (
        <div className="codebook-notice" role="status">
          <span>{notice.text(t)}</span>
          {notice.undo && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setNotice(null);
                void undo();
              }}
            >
              {t('codebook.undo')} <kbd>Ctrl+Z</kbd>
            </button>
          )}
          <button type="button" className="icon-button" aria-label={t('codebook.dismiss')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}

      {labels.length === 0 ? (
        <EmptyCodebook onOpen={setOpen} />
      ) : (
        <div className="codebook__body">
          <LabelTree labels={labels} selectedId={selected?.id ?? null} onSelect={select} onMove={onMove} onDelete={(id) => setOpen({ kind: 'delete', id })} />
          <div className="codebook__detail">
            {selected ? (
              <LabelDetail
                key={selected.id}
                label={selected}
                onMove={onMove}
                onMerge={() => setOpen({ kind: 'merge', id: selected.id })}
                onDelete={() => setOpen({ kind: 'delete', id: selected.id })}
              />
            ) : (
              <p className="muted">{t('codebook.chooseLabel')}</p>
            )}
          </div>
        </div>
      )}

      <NewLabelDialog
        open={open?.kind === 'new'}
        parentId={null}
        onClose={() => setOpen(null)}
        onCreated={(name, parentId) => {
          setOpen(null);
          setCreated({ name, parentId });
        }}
      />
      <ImportCsvDialog open={open?.kind === 'import'} onClose={() => setOpen(null)} onDone={setNotice} />
      <TemplateDialog open={open?.kind === 'template'} onClose={() => setOpen(null)} onDone={setNotice} />
      <MergeDialog
        source={mergeSource}
        onClose={() => setOpen(null)}
        onMerged={(target, message) => {
          setOpen(null);
          setNotice(message);
          navigate({ name: 'codebook', labelId: target.id });
        }}
      />
      <DeleteDialog
        label={deleteTarget}
        onClose={() => setOpen(null)}
        onDeleted={(message) => {
          const gone = deleteTarget;
          setOpen(null);
          setNotice(message);
          // Go to a neighbour: the parent, or the label that takes its place at the top.
          const next = gone?.parentId ?? (childrenMap(labels).get(null) ?? []).find((l) => l.id !== gone?.id)?.id ?? null;
          navigate({ name: 'codebook', labelId: next });
        }}
      />
    </div>
  );
}
