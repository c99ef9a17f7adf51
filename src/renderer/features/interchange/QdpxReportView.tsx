import { useTranslation } from 'react-i18next';
import type { QdpxImportReport } from '../../../shared/interchange.ts';

/** What an import of a REFI-QDA project brought in, adapted and left out, with counts. */
export function QdpxReportView({ report }: { report: QdpxImportReport }) {
  const { t } = useTranslation();
  const c = report.counts;
  const rows: Array<[string, number, number]> = [
    ['codes', c.codes, c.labels],
    ['sources', c.sources, c.documents],
    ['selections', c.selections, c.segments],
    ['codings', c.codingsInFile, c.codings],
    ['notes', c.notes, c.memos],
    ['cases', c.cases, c.participants],
    ['variables', c.variables, c.attributes],
    ['sets', c.sets, c.concepts],
  ];
  return (
    <div className="stack report" data-testid="qdpx-report">
      <p className="report__summary" role="status">
        {t('interchange.summary', { labels: c.labels, documents: c.documents, segments: c.segments, codings: c.codings, file: report.file })}
        {report.origin ? ` ${t('interchange.from', { origin: report.origin })}` : ''}
      </p>
      <table className="report__table">
        <tbody>
          {rows.map(([key, inFile, made]) => (
            <tr key={key}>
              <th scope="row">{t(`interchange.counts.${key}`)}</th>
              <td>{inFile}</td>
              <td>→ {made}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.sources.length > 0 && (
        <section>
          <h3 className="eyebrow">{t('interchange.sources')}</h3>
          <ul className="report__list">
            {report.sources.map((s, i) => (
              <li key={`${s.name}-${i}`} className={s.status === 'imported' ? 'ok' : 'bad'}>
                <strong>{s.name}</strong> {t(`interchange.status.${s.status}`)}
                {s.status === 'imported'
                  ? ` · ${s.segments} / ${s.codings}${s.unit ? ` · ${t(`interchange.unit.${s.unit.unit}`)}${s.unit.crlf === 1 ? `, ${t('interchange.unit.crlfOne')}` : ''}` : ''}`
                  : s.reason
                    ? ` · ${s.reason}`
                    : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.adapted.length > 0 && (
        <section>
          <h3 className="eyebrow">{t('interchange.adapted')}</h3>
          <ul className="report__list">
            {report.adapted.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      {report.notImported.length > 0 && (
        <section>
          <h3 className="eyebrow">{t('interchange.notImported')}</h3>
          <ul className="report__list">
            {report.notImported.map((line) => (
              <li key={line} className="bad">
                {line}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.unplaced.length > 0 && (
        <details>
          <summary>{t('interchange.unplaced', { count: report.unplaced.length })}</summary>
          <p className="muted small">{t('interchange.unplacedHelp')}</p>
          <ul className="report__list">
            {report.unplaced.map((u) => (
              <li key={`${u.source}-${u.selectionGuid}`}>
                {u.source}: {u.startPosition}–{u.endPosition} {u.name ? `“${u.name}”` : ''} {u.codes.length ? `[${u.codes.join(', ')}]` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
