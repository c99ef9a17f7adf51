import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodebookImport } from '../../../shared/model.ts';
import { describe } from '../../components/describe.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useStore } from '../../store/index.ts';
import type { CodebookProblem } from '../../store/slices/codebook.ts';
import type { Notice } from './notice.ts';

function importDone(t: TFunction, file: string, r: CodebookImport): string {
  const parts = [
    r.created > 0 ? t('codebook.importCreated', { count: r.created }) : '',
    r.updated > 0 ? t('codebook.importUpdated', { count: r.updated }) : '',
    r.unchanged > 0 ? t('codebook.importUnchanged', { count: r.unchanged }) : '',
  ];
  return t('codebook.importDone', { file, parts: parts.filter(Boolean).join(', ') });
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
