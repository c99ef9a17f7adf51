import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/model.ts';
import { describe } from '../../components/describe.ts';
import { formatNumber } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';

export function ImportReportView({ report, onDone }: { report: ImportReport; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const importFiles = useStore((s) => s.importFiles);
  const lastUpload = useStore((s) => s.lastUpload);
  const n = (value: number) => formatNumber(value, i18n.language);
  const imported = report.files.filter((f) => f.status === 'imported');
  const refused = report.files.filter((f) => f.status !== 'imported');
  const duplicates = report.files.filter((f) => f.status === 'failed' && f.duplicateOf);
  const participantTables = report.participants;

  const importDuplicatesAnyway = () => {
    if (!lastUpload) return;
    const names = new Set(duplicates.map((d) => d.file));
    void importFiles(lastUpload.files.filter((f) => names.has(f.name)), lastUpload.pseudonyms, 'add');
  };

  return (
    <div className="stack report">
      <p className="report__summary" role="status">
        {t('report.summary', { imported: report.imported, refused: report.failed, skipped: report.skipped })}
      </p>

      {participantTables.length > 0 && (
        <section>
          <h3 className="eyebrow">{t('report.participants')}</h3>
          <ul className="report__list">
            {participantTables.map((p) => (
              <li key={p.file} className={p.status === 'imported' ? 'ok' : 'bad'}>
                <strong>{p.file}</strong>{' '}
                {p.status === 'imported' ? t('report.participantsDone', { created: p.created, updated: p.updated, attributes: p.attributes.map((a) => a.name).join(', ') || '—' }) : describe(t, p)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {imported.length > 0 && (
        <section>
          <h3 className="eyebrow">{t('report.imported', { count: imported.length })}</h3>
          <ul className="report__list">
            {imported.map((f) => (
              <li key={f.file} className="ok">
                <strong>{f.name}</strong> <span className="muted">({f.file})</span>
                <div className="small">
                  {t('report.fileFacts', { turns: n(f.turns ?? 0), words: n(f.words ?? 0) })}
                  {f.pages !== undefined && <> · {t('report.pages', { count: f.pages })}</>}
                  {f.sections && f.sections.length > 0 && <> · {t('report.entries', { dates: f.sections.join(', ') })}</>}
                  {f.speakers && f.speakers.length > 0 && <> · {t('report.speakers', { speakers: f.speakers.join(', ') })}</>}
                  {f.participant && <> · {t('report.participant', { name: f.participant })}</>}
                  {f.rolesUnconfirmed && (
                    <>
                      {' '}
                      <span className="badge badge--warning" title={t('speakers.unconfirmedHelp')}>
                        {t('speakers.unconfirmed')}
                      </span>
                    </>
                  )}
                </div>
                {/* The core says these in English, with their place in the file (line numbers). */}
                {f.notes && f.notes.length > 0 && <div className="small muted">{t('report.fileNotes', { notes: f.notes.join('; ') })}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {refused.length > 0 && (
        <section>
          <h3 className="eyebrow">{t('report.refused', { count: refused.length })}</h3>
          <ul className="report__list">
            {refused.map((f) => (
              <li key={f.file} className={f.status === 'skipped' ? 'skip' : 'bad'}>
                <strong>{f.file}</strong>
                <div className="small">{f.duplicateOf ? t('report.duplicate', { name: f.duplicateOf }) : describe(t, f)}</div>
              </li>
            ))}
          </ul>
          {duplicates.length > 0 && (
            <button className="button" onClick={importDuplicatesAnyway}>
              {t('report.importAnyway', { count: duplicates.length })}
            </button>
          )}
        </section>
      )}

      {report.replacements.length > 0 && (
        <details className="report__pseudonyms">
          <summary>{t('report.pseudonyms', { count: report.replacements.reduce((sum, r) => sum + r.count, 0) })}</summary>
          <table className="table table--compact">
            <thead>
              <tr>
                <th>{t('report.name')}</th>
                <th>{t('report.pseudonym')}</th>
                <th className="num">{t('report.times')}</th>
              </tr>
            </thead>
            <tbody>
              {report.replacements.map((r) => (
                <tr key={r.name}>
                  <td>{r.name}</td>
                  <td>{r.pseudonym}</td>
                  <td className="num">{n(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <footer className="dialog__footer">
        <button className="button button--primary" onClick={onDone}>
          {t('common.done')}
        </button>
      </footer>
    </div>
  );
}
