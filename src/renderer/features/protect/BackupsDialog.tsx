import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupList } from '../../../shared/protect.ts';
import { act, ask, resetData, seedHistory, useRead, write } from '../../data/index.ts';
import type { BackupPolicy } from '../../../shared/protect.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { downloadBase64 } from '../../components/download.ts';
import { formatNumber } from '../../components/format.ts';

const when = (iso: string, language: string) => new Date(iso).toLocaleString(language === 'nl' ? 'nl-BE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

function size(bytes: number, language: string): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(Math.round(bytes / 1024 / 102.4) / 10, language)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} kB`;
}

/** The project's backups (restore one, make one now), a safe copy, the warning for a synced folder, and the audit. */
export function BackupsDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const listed = useRead('backups/list', {});
  const audit = useRead('audit/list', { limit: 50 });
  const [list, setList] = useState<BackupList | null>(null);
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = list ?? listed.data ?? null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    setStatus(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const configure = (policy: BackupPolicy) => run(async () => setList(await write('backups/configure', policy)));
  const backupNow = () => run(async () => setList(await act('backups/make', {})));
  const restore = (entry: BackupEntry) =>
    run(async () => {
      const next = await act('backups/restore', { id: entry.id });
      // Another state of the project is open: every view reads anew, and nothing is left to undo.
      resetData();
      seedHistory({ canUndo: false, canRedo: false, summary: null });
      setList(next);
      setConfirming(null);
      setStatus(t('protect.restored', { at: when(entry.at, language) }));
    });
  const saveCopy = () =>
    run(async () => {
      const copy = await ask('project/copy', {});
      downloadBase64(copy.fileName, 'application/vnd.sqlite3', copy.base64!);
      setStatus(t('protect.copySaved', { size: size(copy.bytes, language) }));
    });

  return (
    <Dialog open onClose={onClose} title={t('protect.title')} wide>
      <div className="stack backups" data-testid="backups-dialog">
        {shown && (
          <>
            <p className="dialog__description">
              {t('protect.help', { folder: shown.folderName, minutes: shown.policy.everyMinutes })} {t('protect.policy', { today: shown.policy.keepToday, days: shown.policy.keepDays })}
            </p>
            <PolicyForm policy={shown.policy} disabled={busy} onSave={(policy) => void configure(policy)} />
            {shown.warning && (
              <p className="bad" role="alert" data-testid="storage-warning">
                {t(shown.warning.kind === 'synced' ? 'protect.synced' : 'protect.network', { service: shown.warning.service })}
              </p>
            )}
            {shown.purgedAt && (
              <p className="form-ok" data-testid="backups-purged">
                {t('protect.purged', { at: when(shown.purgedAt, language) })}
              </p>
            )}
            {shown.entries.length === 0 ? (
              <p className="muted">{t('protect.none')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="backup-list">
                  <thead>
                    <tr>
                      <th>{t('protect.at')}</th>
                      <th className="num">{t('protect.size')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {shown.entries.map((entry) => (
                      <tr key={entry.id} data-backup={entry.id}>
                        <td>{when(entry.at, language)}</td>
                        <td className="num">{size(entry.bytes, language)}</td>
                        <td>
                          <button type="button" className="button button--small" disabled={busy} onClick={() => setConfirming(entry)} aria-label={t('protect.restoreFor', { at: when(entry.at, language) })} data-testid="restore-backup">
                            {t('protect.restore')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {confirming && (
              <div className="backups__confirm" role="alertdialog" aria-label={t('protect.restore')}>
                <p>{t('protect.restoreConfirm', { at: when(confirming.at, language) })}</p>
                <button type="button" className="button" onClick={() => setConfirming(null)}>
                  {t('protect.cancel')}
                </button>{' '}
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void restore(confirming)} data-testid="restore-confirm">
                  {t('protect.restoreYes')}
                </button>
              </div>
            )}
          </>
        )}
        {status && (
          <p className="form-ok" role="status" data-testid="backups-status">
            {status}
          </p>
        )}
        {problem && (
          <p className="bad" role="alert">
            {problem}
          </p>
        )}
        <div className="backups__actions">
          <button type="button" className="button" disabled={busy} onClick={() => void backupNow()} data-testid="backup-now">
            {t('protect.backupNow')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void saveCopy()} data-testid="save-copy">
            {t('protect.saveCopy')}
          </button>
        </div>
        <section aria-labelledby="audit-title">
          <h3 id="audit-title">{t('protect.auditTitle')}</h3>
          <p className="muted small">{t('protect.auditHelp')}</p>
          <div className="table-wrap backups__audit">
            <table className="table" data-testid="audit-list">
              <thead>
                <tr>
                  <th>{t('protect.auditWhen')}</th>
                  <th>{t('protect.auditWho')}</th>
                  <th>{t('protect.auditWhat')}</th>
                </tr>
              </thead>
              <tbody>
                {(audit.data ?? []).map((entry) => (
                  <tr key={`${entry.kind}-${entry.id}`} data-kind={entry.kind}>
                    <td className="small">{when(entry.at, language)}</td>
                    <td className="small">{entry.coder}</td>
                    <td className="small">
                      {entry.kind === 'export' && <strong>{t('protect.auditExport')}: </strong>}
                      {entry.summary}
                      {entry.kind === 'export' && <span className="muted"> · {t('protect.auditDocuments', { count: entry.documents.length })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </Dialog>
  );
}

/** How often and how many: saved as one step (undoable) in the project. */
function PolicyForm({ policy, disabled, onSave }: { policy: BackupPolicy; disabled: boolean; onSave(policy: BackupPolicy): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(policy);
  const field = (key: keyof BackupPolicy, min: number, max: number) => (
    <label className="backups__field">
      {t(`protect.policy_${key}`)}
      <input type="number" min={min} max={max} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: Math.max(min, Math.min(max, Math.round(Number(e.target.value) || min))) })} />
    </label>
  );
  const changed = draft.everyMinutes !== policy.everyMinutes || draft.keepToday !== policy.keepToday || draft.keepDays !== policy.keepDays;
  return (
    <details className="backups__policy">
      <summary>{t('protect.policySettings')}</summary>
      <div className="backups__fields">
        {field('everyMinutes', 1, 1440)}
        {field('keepToday', 1, 100)}
        {field('keepDays', 0, 365)}
        <button type="button" className="button button--small" disabled={disabled || !changed} onClick={() => onSave(draft)} data-testid="save-policy">
          {t('protect.policySave')}
        </button>
      </div>
    </details>
  );
}
