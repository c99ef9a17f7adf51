import Fuse from 'fuse.js';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodebookImport, Label, LabelOrigin, LabelUsage } from '../../../shared/model.ts';
import { describe } from '../../components/describe.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import type { CodebookProblem } from '../../store/slices/codebook.ts';
import { pathOf, subtreeOf } from './tree.ts';
import { useLabels } from '../../data/reads.ts';

/**
 * A message after an action, shown above the codebook with an undo button when it was a write. It is
 * worded when shown, so that it follows a change of language.
 */
export interface Notice {
  text(t: TFunction): string;
  undo: boolean;
}

function importDone(t: TFunction, file: string, r: CodebookImport): string {
  const parts = [
    r.created > 0 ? t('codebook.importCreated', { count: r.created }) : '',
    r.updated > 0 ? t('codebook.importUpdated', { count: r.updated }) : '',
    r.unchanged > 0 ? t('codebook.importUnchanged', { count: r.unchanged }) : '',
  ];
  return t('codebook.importDone', { file, parts: parts.filter(Boolean).join(', ') });
}

/**
 * The template's labels by name, to show before it is applied. They are the study's data (Dutch in
 * both languages); the source of truth is src/main/core/templates/llb-study.ts.
 */
const TEMPLATE_LABELS = ['profiel leerlingenbegeleider', 'visie op leerkrachten', 'taakopvatting en samenwerkingen', 'nuttige opleiding', 'nuttige ervaring'];
const TEMPLATE_EMERGENT = [
  'samenwerking met CLB en PBD',
  'toestand zorgcontinuüm (brede basiszorg, verhoogde zorg, betrekken van leerkrachten)',
  'organische groei en organisatievormen van LLB',
];

/** Label options for a select, indented by depth ("profiel › opleiding"). */
function LabelOptions({ labels, exclude }: { labels: Label[]; exclude?: Set<string> }) {
  return (
    <>
      {labels
        .filter((l) => !exclude?.has(l.id))
        .map((l) => ({ l, path: [...pathOf(labels, l.id).map((p) => p.name), l.name].join(' › ') }))
        .sort((a, b) => a.path.localeCompare(b.path, 'nl', { sensitivity: 'base' }))
        .map(({ l, path }) => (
          <option key={l.id} value={l.id}>
            {path}
          </option>
        ))}
    </>
  );
}

export function ParentSelect(props: { labels: Label[]; value: string | null; onChange(id: string | null): void; exclude?: Set<string>; id?: string }) {
  const { t } = useTranslation();
  return (
    <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
      <option value="">{t('codebook.topLevel')}</option>
      <LabelOptions labels={props.labels} exclude={props.exclude} />
    </select>
  );
}

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

/** A core refusal of a codebook file in the interface language, row by row. */
function ImportProblem({ problem }: { problem: CodebookProblem }) {
  const { t } = useTranslation();
  const params = problem.params ?? {};
  if (problem.code === 'codebookRows') {
    let rows: Array<{ row: number; code: string; name: string; value?: string; other?: number }> = [];
    try {
      rows = JSON.parse(String(params.problems)) as typeof rows;
    } catch {
      return <p className="form-error" role="alert">{problem.message}</p>;
    }
    return (
      <div className="form-error" role="alert">
        <p>{t('codebook.importRefused', { file: params.file, count: Number(params.count) })}</p>
        <ul className="codebook-problems">
          {rows.map((r) => (
            <li key={`${r.row}-${r.code}`}>{t(`codebook.problem.${r.code}`, { ...r })}</li>
          ))}
        </ul>
        {Number(params.more) > 0 && <p>{t('codebook.importMore', { count: Number(params.more) })}</p>}
      </div>
    );
  }
  const text =
    problem.code === 'codebookNoName' ? t('codebook.errorNoName', params)
    : problem.code === 'codebookEmpty' ? t('codebook.errorEmpty', params)
    : describe(t, problem);
  return <p className="form-error" role="alert">{text}</p>;
}

export function ImportCsvDialog(props: { open: boolean; onClose(): void; onDone(notice: Notice): void }) {
  const { t } = useTranslation();
  const importCodebookCsv = useStore((s) => s.importCodebookCsv);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CodebookProblem | null>(null);
  const [result, setResult] = useState<CodebookImport | null>(null);

  useEffect(() => {
    if (props.open) {
      setFile(null);
      setProblem(null);
      setResult(null);
    }
  }, [props.open]);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    const outcome = await importCodebookCsv(file);
    setBusy(false);
    if (outcome.ok) {
      setResult(outcome.result);
      const name = file.name;
      const result = outcome.result;
      props.onDone({ text: (tr) => importDone(tr, name, result), undo: result.created + result.updated > 0 });
    } else setProblem(outcome.problem);
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('codebook.importTitle')} wide>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div>
          <p>{t('codebook.importHelp')}</p>
          <dl className="codebook-columns">
            {(['name', 'parent', 'definition', 'colour'] as const).map((c) => (
              <div key={c}>
                <dt>
                  <code>{c}</code>
                </dt>
                <dd>{t(`codebook.importColumns.${c}`)}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">{t('codebook.importColumns.more')}</p>
        </div>
        <figure className="codebook-example">
          <figcaption className="muted small">{t('codebook.importExampleLabel')}</figcaption>
          <pre className="example">{t('codebook.importExample')}</pre>
        </figure>
        <p className="muted small">{t('codebook.importSame')}</p>
        <div className="field">
          <label className="file-pick">
            <input
              type="file"
              accept=".csv,.txt,text/csv"
              data-testid="codebook-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setProblem(null);
                setResult(null);
              }}
            />
            <span className="button">{file ? t('codebook.otherFile') : t('codebook.chooseFile')}</span>
          </label>
          {file && <p className="chosen">✓ {file.name}</p>}
        </div>
        {problem && <ImportProblem problem={problem} />}
        {result && (
          <div role="status">
            <p className="form-ok">{importDone(t, file?.name ?? '', result)}</p>
            {result.ignoredColumns.length > 0 && <p className="muted small">{t('codebook.importIgnored', { columns: result.ignoredColumns.join(', ') })}</p>}
            {result.created + result.updated > 0 && <p className="muted small">{t('codebook.undoHint')}</p>}
          </div>
        )}
        <footer className="dialog__footer">
          <button type="button" className={result ? 'button button--primary' : 'button button--quiet'} onClick={props.onClose}>
            {result ? t('codebook.done') : t('codebook.cancel')}
          </button>
          {!result && (
            <button type="submit" className="button button--primary" disabled={!file || busy}>
              {busy ? t('codebook.importing') : t('codebook.import')}
            </button>
          )}
        </footer>
      </form>
    </Dialog>
  );
}

export function TemplateDialog(props: { open: boolean; onClose(): void; onDone(notice: Notice): void }) {
  const { t } = useTranslation();
  const applyTemplate = useStore((s) => s.applyTemplate);
  const guideSectionCount = useStore((s) => s.guideSectionCount);
  const [hasGuide, setHasGuide] = useState(false);
  const [includeEmergent, setIncludeEmergent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CodebookProblem | null>(null);

  useEffect(() => {
    if (!props.open) return;
    setIncludeEmergent(false);
    setProblem(null);
    let live = true;
    void guideSectionCount().then((n) => live && setHasGuide(n > 0));
    return () => {
      live = false;
    };
  }, [props.open, guideSectionCount]);

  const run = async () => {
    setBusy(true);
    const outcome = await applyTemplate('llb-study', includeEmergent);
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.problem);
      return;
    }
    const r = outcome.result;
    const text = (tr: TFunction) => {
      const guide = r.guide === 'set' ? tr('codebook.templateDoneGuide', { count: r.guideSections }) : r.guide === 'kept' ? tr('codebook.templateDoneGuideKept') : '';
      const done = r.created > 0 ? tr('codebook.templateDone', { count: r.created }) : r.updated > 0 ? '' : tr('codebook.templateNothing');
      return [done, r.updated > 0 ? tr('codebook.templateFilled', { count: r.updated }) : '', guide].filter(Boolean).join(' ');
    };
    props.onDone({ text, undo: r.created + r.updated > 0 || r.guide === 'set' });
    props.onClose();
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('codebook.templateTitle')} wide>
      <div className="stack">
        <p>{t('codebook.templateHelp')}</p>
        <ul className="codebook-template">
          <li>{hasGuide ? t('codebook.templateGuideKept') : t('codebook.templateGuide')}</li>
          <li>
            {t('codebook.templateLabels')}
            <ul className="codebook-template__labels">
              {TEMPLATE_LABELS.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </li>
        </ul>
        <label className="codebook-check">
          <input type="checkbox" checked={includeEmergent} onChange={(e) => setIncludeEmergent(e.target.checked)} />
          <span>
            {t('codebook.templateEmergent')}
            <span className="muted small codebook-check__help">{t('codebook.templateEmergentHelp')}</span>
            <span className="muted small codebook-check__help">{TEMPLATE_EMERGENT.join(' · ')}</span>
          </span>
        </label>
        <p className="muted small">{t('codebook.templateSame')}</p>
        {problem && <p className="form-error" role="alert">{describe(t, problem)}</p>}
        <footer className="dialog__footer">
          <button type="button" className="button button--quiet" onClick={props.onClose}>
            {t('codebook.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
            {t('codebook.templateApply')}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

export function MergeDialog(props: { source: Label | null; onClose(): void; onMerged(target: Label, notice: Notice): void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const labelUsage = useStore((s) => s.labelUsage);
  const mergeLabelsCounted = useStore((s) => s.mergeLabelsCounted);
  const [query, setQuery] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [usage, setUsage] = useState<LabelUsage | null>(null);
  const [busy, setBusy] = useState(false);
  const source = props.source;
  // Not into itself, nor into one of its own sub-labels (the core refuses both).
  const options = useMemo(() => {
    if (!source) return [];
    const own = subtreeOf(labels, source.id);
    return labels.filter((l) => !own.has(l.id));
  }, [labels, source]);
  const fuse = useMemo(() => new Fuse(options, { keys: [{ name: 'name', weight: 3 }, 'definition'], threshold: 0.4, ignoreLocation: true }), [options]);
  const found = query.trim() ? fuse.search(query.trim(), { limit: 30 }).map((r) => r.item) : options;
  const target = labels.find((l) => l.id === targetId) ?? null;

  useEffect(() => {
    setQuery('');
    setTargetId(null);
    setUsage(null);
  }, [source?.id]);

  useEffect(() => {
    if (!source || !targetId) {
      setUsage(null);
      return;
    }
    let live = true;
    void labelUsage(source.id, targetId).then((u) => live && setUsage(u));
    return () => {
      live = false;
    };
  }, [source, targetId, labelUsage]);

  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = found.findIndex((l) => l.id === targetId);
    const next = found[Math.max(0, Math.min(found.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      setTargetId(next.id);
      document.getElementById(`merge-option-${next.id}`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  const run = async () => {
    if (!source || !target) return;
    setBusy(true);
    const result = await mergeLabelsCounted(source.id, target.id);
    setBusy(false);
    if (!result) return;
    const sourceName = source.name;
    props.onMerged(result.label, {
      text: (tr) =>
        [
          tr('codebook.mergeDone', { source: sourceName, target: result.label.name, moved: tr('codebook.codings', { count: result.moved }) }),
          result.collapsed > 0 ? tr('codebook.mergeDoneCollapsed', { count: result.collapsed }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      undo: true,
    });
  };

  return (
    <Dialog open={source !== null} onClose={props.onClose} title={t('codebook.mergeTitle', { name: source?.name ?? '' })} description={t('codebook.mergeHelp', { name: source?.name ?? '' })} wide>
      {source && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label className="field">
            <span>{t('codebook.mergeSearch')}</span>
            <input
              type="search"
              value={query}
              autoFocus
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onListKey}
              aria-controls="merge-options"
              aria-activedescendant={targetId ? `merge-option-${targetId}` : undefined}
            />
          </label>
          <ul id="merge-options" className="codebook-pick" role="listbox" aria-label={t('codebook.mergeSearch')} tabIndex={-1} onKeyDown={onListKey}>
            {found.length === 0 && <li className="muted codebook-pick__none">{t('codebook.mergeNone')}</li>}
            {found.map((l) => {
              const path = pathOf(labels, l.id);
              return (
                <li
                  key={l.id}
                  id={`merge-option-${l.id}`}
                  role="option"
                  aria-selected={l.id === targetId}
                  className={l.id === targetId ? 'is-active' : ''}
                  onClick={() => setTargetId(l.id)}
                >
                  <span className="swatch" style={{ background: l.colour }} aria-hidden="true" />
                  <span className="codebook-pick__name">
                    {path.length > 0 && <span className="muted">{path.map((p) => p.name).join(' › ')} › </span>}
                    {l.name}
                  </span>
                  <span className="muted small">{t('codebook.passages', { count: l.segmentCount })}</span>
                </li>
              );
            })}
          </ul>
          {target && usage && (
            <div className="codebook-explain" role="status">
              <p>{t('codebook.mergeExplain', { codings: t('codebook.codings', { count: usage.codings }), source: source.name, target: target.name })}</p>
              {usage.duplicates > 0 && <p>{t('codebook.mergeCollapse', { count: usage.duplicates })}</p>}
              <p>
                {usage.children > 0
                  ? t('codebook.mergeChildren', { sublabels: t('codebook.sublabels', { count: usage.children }), source: source.name, target: target.name })
                  : t('codebook.mergeRemoved', { source: source.name })}
              </p>
              <p className="muted small">{t('codebook.mergeUndo')}</p>
            </div>
          )}
          <footer className="dialog__footer">
            <button type="button" className="button button--quiet" onClick={props.onClose}>
              {t('codebook.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!target || busy}>
              {target ? t('codebook.mergeButton', { name: target.name }) : t('codebook.merge')}
            </button>
          </footer>
        </form>
      )}
    </Dialog>
  );
}

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
