import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlerName } from '../../../shared/api/contract.ts';
import type { MergeConflict, MergeReport, MergeTake } from '../../../shared/merge.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { fileToBase64, write } from '../../data/index.ts';

type Upload = { name: string; base64: string };

/**
 * Merging another copy: choose it (and, when asked, a pseudonym list), merge as one undo step, and
 * read the report — what came in, what matched, each conflict with both versions (taken from the other
 * copy through the object's own update handler, one undo step each, or why it cannot be), and labels
 * both made with one name, to merge if they are one.
 */
export function MergeDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<Upload | null>(null);
  const [list, setList] = useState<Upload | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<MergeReport | null>(null);
  const [done, setDone] = useState<Set<string>>(new Set());

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const merge = () =>
    run(async () => {
      if (!copy) return;
      setReport(await write('merge/apply', { file: copy, ...(list ? { pseudonyms: list } : {}) }));
    });
  const mark = (key: string) => setDone((d) => new Set([...d, key]));
  // The report carries the whole call (the values it shows are shortened); the core validates it.
  const takeTheirs = (conflict: MergeConflict, field: string, take: MergeTake) =>
    run(async () => {
      await write(take.handler as HandlerName, take.input as never);
      mark(`${conflict.table}:${conflict.id}:${field}`);
    });
  const mergeLabels = (ours: string, theirs: string) =>
    run(async () => {
      await write('labels/merge', { sourceId: theirs, targetId: ours });
      mark(theirs);
    });
  const tableName = (table: string) => t(`merge.table.${table}`, { defaultValue: table.replace(/_/g, ' ') });
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${t(`merge.tables.${table}`, { defaultValue: table.replace(/_/g, ' ') })}`)
      .join(', ') || t('merge.nothing');

  return (
    <Dialog open onClose={onClose} title={t('merge.title')} description={t('merge.help')} wide="extra">
      <div className="stack merge" data-testid="merge-dialog">
        {!report && (
          <>
            <label className="file-pick">
              <input type="file" accept=".duiding" data-testid="merge-copy" onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void fileToBase64(file).then((base64) => setCopy({ name: file.name, base64 }));
              }} />
              <span className="button">{t('merge.chooseCopy')}</span>
            </label>
            {copy && <span className="chosen">✓ {copy.name}</span>}
            <label className="file-pick">
              <input type="file" accept=".csv" data-testid="merge-list" onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void fileToBase64(file).then((base64) => setList({ name: file.name, base64 }));
              }} />
              <span className="button button--quiet">{t('merge.chooseList')}</span>
            </label>
            <span className={list ? 'chosen' : 'muted small'}>{list ? `✓ ${list.name}` : t('merge.listHelp')}</span>
            <div>
              <button type="button" className="button button--primary" disabled={!copy || busy} onClick={() => void merge()} data-testid="merge-run">
                {busy ? t('merge.merging') : t('merge.merge')}
              </button>
            </div>
          </>
        )}
        {problem && (
          <p className="bad" role="alert" data-testid="merge-problem">
            {problem}
          </p>
        )}
        {report && (
          <div className="stack merge-report" data-testid="merge-report">
            <p className="form-ok" role="status">
              {report.changed ? t('merge.merged', { file: report.file }) : t('merge.unchanged', { file: report.file })}
            </p>
            <p>
              <strong>{t('merge.cameIn')}:</strong> {counts(report.added)}
            </p>
            <p>
              <strong>{t('merge.matched')}:</strong> {counts(report.matched)}
            </p>
            <p data-testid="merge-codings">{t('merge.codings', report.codings)}</p>
            {report.coders.length > 0 && (
              <p>
                <strong>{t('merge.coders')}:</strong> {report.coders.map((c) => `${c.name} (${c.added ? t('merge.newCoder') : t('merge.knownCoder')})`).join(', ')}
              </p>
            )}
            {report.documents.added.length > 0 && <p>{t('merge.documentsAdded', { names: report.documents.added.join(', ') })}</p>}
            {report.documents.matched.filter((d) => d.textDiffers).map((d) => (
              <p key={d.name} className="muted">{t('merge.textDiffers', { name: d.name })}</p>
            ))}
            {report.unplaced.map((u) => (
              <p key={u.document} className="bad">{t('merge.unplaced', u)}</p>
            ))}
            {(report.documents.withdrawn > 0 || report.withdrawnParticipants > 0) && (
              <p className="muted">{t('merge.withdrawn', { documents: report.documents.withdrawn, participants: report.withdrawnParticipants })}</p>
            )}
            <h3>{report.conflicts.length ? t('merge.conflicts', { count: report.conflicts.length }) : t('merge.noConflicts')}</h3>
            {report.conflicts.length > 0 && (
              <div className="table-wrap">
                <table className="table" data-testid="merge-conflicts">
                  <thead>
                    <tr>
                      <th>{t('merge.object')}</th>
                      <th>{t('merge.field')}</th>
                      <th>{t('merge.here')}</th>
                      <th>{t('merge.there')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {report.conflicts.flatMap((c) =>
                      c.fields.map((f) => (
                        <tr key={`${c.table}:${c.id}:${f.field}`} data-testid={`merge-conflict-${c.table}`}>
                          <td>
                            {tableName(c.table)} “{c.name}”
                          </td>
                          <td>{t(`merge.fields.${f.field}`, { defaultValue: f.field.replace(/_/g, ' ') })}</td>
                          <td className="merge-report__value">{f.ours}</td>
                          <td className="merge-report__value">{f.theirs}</td>
                          <td>
                            {f.take ? (
                              done.has(`${c.table}:${c.id}:${f.field}`) ? (
                                <span className="muted" data-testid="merge-taken">{t('merge.taken')}</span>
                              ) : (
                                <button type="button" className="button button--small" disabled={busy} onClick={() => void takeTheirs(c, f.field, f.take!)}>
                                  {t('merge.takeTheirs')}
                                </button>
                              )
                            ) : f.why ? (
                              <span className="muted small">{t(`merge.why.${f.why}`)}</span>
                            ) : null}
                          </td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </div>
            )}
            {report.labelProposals.length > 0 && (
              <>
                <h3>{t('merge.proposals')}</h3>
                <ul data-testid="merge-proposals">
                  {report.labelProposals.map((p) => (
                    <li key={p.theirs.id}>
                      “{p.ours.name}”{' '}
                      {done.has(p.theirs.id) ? (
                        <span className="muted">{t('merge.mergedLabels')}</span>
                      ) : (
                        <button type="button" className="button button--small" disabled={busy} onClick={() => void mergeLabels(p.ours.id, p.theirs.id)}>
                          {t('merge.mergeLabels')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
