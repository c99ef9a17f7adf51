import { useCallback, useMemo, useState } from 'react';
import { lazyComponent, lazyWhenShown } from '../../components/lazy.tsx';
import { PseudonymiseButton } from '../pseudonymise/PseudonymiseButton.tsx';
import { useTranslation } from 'react-i18next';
import { formatNumber, showValue } from '../../components/format.ts';
import { MemoPanel } from '../../components/rich-text/MemoPanel.tsx';
import { useRowWindow } from '../../components/useRowWindow.ts';
import { useStore } from '../../store/index.ts';
import { useData } from '../../data/index.ts';
import type { DocumentProgress } from '../../../shared/model.ts';
import { CodedShare } from '../retrieval/CodedShare.tsx';
import { useFileDrop } from './useFileDrop.ts';
import { useDocuments, useParticipants } from '../../data/reads.ts';

// The transcripts list comes with the page (round 1); the dialogs it opens load when first opened.
const ImportDialog = lazyWhenShown(() => import('./ImportDialog.tsx').then((m) => m.ImportDialog), (p) => p.open);
const ImportQdpxDialog = lazyWhenShown(() => import('../interchange/ImportQdpxDialog.tsx').then((m) => m.ImportQdpxDialog), (p) => p.open);
const SurveyImportDialog = lazyWhenShown(() => import('../surveys/SurveyImportDialog.tsx').then((m) => m.SurveyImportDialog), (p) => p.open);
const SpeakerRolesDialog = lazyWhenShown(() => import('../speakers/SpeakerRolesDialog.tsx').then((m) => m.SpeakerRolesDialog), (p) => p.documentId !== null);
const WithdrawDialog = lazyComponent(() => import('../protect/WithdrawDialog.tsx').then((m) => m.WithdrawDialog));

/** Above this many transcripts the list gets a filter field. */
const FILTER_ABOVE = 12;

const NO_PROGRESS: DocumentProgress[] = [];

export function DocumentsView() {
  const { t, i18n } = useTranslation();
  const documents = useDocuments();
  const { participants, attributes } = useParticipants();
  const navigate = useStore((s) => s.navigate);
  const progress = useData('progress/documents', {}, NO_PROGRESS);
  const [dialog, setDialog] = useState<{ open: boolean; files: File[] }>({ open: false, files: [] });
  // Kept at the page, not in the empty state: the import fills the page, and its report must stay.
  const [qdpxOpen, setQdpxOpen] = useState(false);
  const [surveyOpen, setSurveyOpen] = useState(false);
  const [rolesOf, setRolesOf] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const onDrop = useCallback((files: File[]) => setDialog({ open: true, files }), []);
  const dragging = useFileDrop(onDrop);
  const n = (value: number) => formatNumber(value, i18n.language);
  const byId = new Map(participants.map((p) => [p.id, p]));
  // The first few attributes say most about a case (school type, network…); all are in Participants.
  // Two, so that the progress columns fit beside them within the page's width.
  const shown = attributes.slice(0, 2);
  const totalWords = documents.reduce((sum, d) => sum + d.wordCount, 0);
  const progressOf = useMemo(() => new Map(progress.map((p) => [p.documentId, p])), [progress]);
  // With many transcripts, a filter on name, participant and speakers finds one.
  const [filter, setFilter] = useState('');
  const shownDocuments = useMemo(() => {
    const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return documents;
    return documents.filter((d) => {
      const haystack = `${d.name} ${d.participantName ?? ''} ${d.speakers.join(' ')}`.toLocaleLowerCase();
      return words.every((w) => haystack.includes(w));
    });
  }, [documents, filter]);
  const rows = useRowWindow(shownDocuments.length);

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>{t('documents.title')}</h1>
          <p className="muted">{documents.length > 0 ? t('documents.summary', { count: documents.length, words: n(totalWords) }) : t('documents.subtitle')}</p>
        </div>
        <div className="page__actions">
          {documents.length > 0 && <PseudonymiseButton />}
          <button className="button" onClick={() => setSurveyOpen(true)} data-testid="import-survey">
            {t('surveys.open')}
          </button>
          <button className="button button--primary" onClick={() => setDialog({ open: true, files: [] })}>
            {t('documents.import')}
          </button>
        </div>
      </div>

      {documents.length === 0 ? (
        <>
          <button className="dropzone" onClick={() => setDialog({ open: true, files: [] })}>
            <strong>{t('documents.emptyTitle')}</strong>
            <span>{t('documents.emptyHelp')}</span>
            <span className="muted small">{t('documents.formats')}</span>
          </button>
          {/* An empty project can also start from another program's project (REFI-QDA). */}
          <p className="muted small empty-alternative">
            {t('documents.fromOtherTool')}{' '}
            <button type="button" className="button button--small" onClick={() => setQdpxOpen(true)} data-testid="import-qdpx">
              {t('interchange.importButton')}
            </button>
          </p>
        </>
      ) : (
        <>
        {documents.length > FILTER_ABOVE && (
          <div className="table-filter">
            <input
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder={t('documents.filterPlaceholder')}
              aria-label={t('documents.filter')}
            />
            {filter && <span className="muted small">{t('documents.filtered', { count: shownDocuments.length, total: documents.length })}</span>}
          </div>
        )}
        <div className="table-wrap">
          <table className={rows.windowed ? 'table table--windowed' : 'table'}>
            {rows.windowed && (
              // Fixed column widths: the rows drawn change as the list scrolls, and must not move the columns.
              <colgroup>
                <col style={{ width: '16%' }} />
                <col style={{ width: '12%' }} />
                {shown.map((a) => (
                  <col key={a.id} style={{ width: '8%' }} />
                ))}
                <col style={{ width: '9%' }} />
                <col style={{ width: '7%' }} />
                <col style={{ width: '7%' }} />
                <col style={{ width: '11%' }} />
                <col style={{ width: '9%' }} />
                <col />
              </colgroup>
            )}
            <thead>
              <tr>
                <th>{t('documents.name')}</th>
                <th>{t('documents.participant')}</th>
                {shown.map((a) => (
                  <th key={a.id}>{a.name}</th>
                ))}
                <th>{t('documents.kind')}</th>
                <th className="num">{t('documents.words')}</th>
                <th className="num">{t('documents.turns')}</th>
                <th>{t('retrieval.coded')}</th>
                <th className="num">{t('retrieval.segments')}</th>
                <th>{t('documents.speakers')}</th>
              </tr>
            </thead>
            <tbody ref={rows.body}>
              {rows.before > 0 && <tr className="table__spacer" style={{ height: rows.before }} aria-hidden="true" />}
              {shownDocuments.slice(rows.range.start, rows.range.end).map((d) => {
                const participant = d.participantId ? byId.get(d.participantId) : undefined;
                return (
                  <tr key={d.id} data-row className="table__row--link" onClick={() => navigate({ name: 'document', id: d.id, turn: null, query: '' })}>
                    <td>
                      <a
                        href={`#/documents/${encodeURIComponent(d.id)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate({ name: 'document', id: d.id, turn: null, query: '' });
                        }}
                      >
                        {d.name}
                      </a>
                    </td>
                    <td>{d.participantName ?? <span className="muted">—</span>}</td>
                    {shown.map((a) => (
                      <td key={a.id}>{participant?.attributes[a.name] === undefined ? <span className="muted">—</span> : showValue(participant.attributes[a.name]!, t('common.yes'), t('common.no'))}</td>
                    ))}
                    <td>{t(`kind.${d.kind}`)}</td>
                    <td className="num">{n(d.wordCount)}</td>
                    <td className="num">{n(d.turnCount)}</td>
                    <td>
                      <CodedShare progress={progressOf.get(d.id)} />
                    </td>
                    <td className="num">{progressOf.has(d.id) ? n(progressOf.get(d.id)!.segments) : ''}</td>
                    <td className="muted documents__speakers" title={d.speakers.join(', ')}>
                      {d.speakers.length > 0 && (
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('speakers.openFor', { name: d.name })}
                          onClick={(e) => {
                            e.stopPropagation();
                            setRolesOf(d.id);
                          }}
                        >
                          {t('speakers.open')}
                        </button>
                      )}
                      {d.rolesUnconfirmed && <span className="badge badge--warning">{t('speakers.unconfirmed')}</span>} {d.speakers.join(', ')}{' '}
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        aria-label={t('protect.withdrawDocumentFor', { name: d.name })}
                        data-testid="withdraw-document"
                        onClick={(e) => {
                          e.stopPropagation();
                          setRemoving({ id: d.id, name: d.name });
                        }}
                      >
                        {t('protect.withdrawDocument')}
                      </button>
                    </td>
                  </tr>
                );
              })}
              {rows.after > 0 && <tr className="table__spacer" style={{ height: rows.after }} aria-hidden="true" />}
            </tbody>
          </table>
        </div>
        </>
      )}
      {documents.length > 0 && <p className="muted small hint">{t('documents.dropHint')}</p>}
      {documents.length > 0 && (
        <section className="documents-study-memo" aria-labelledby="documents-study-memo-title">
          <h2 id="documents-study-memo-title">{t('memos.projectSection')}</h2>
          <p className="muted small">{t('memos.projectHelp')}</p>
          <MemoPanel target={{ kind: 'project' }} />
        </section>
      )}

      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div>{t('documents.dropHere')}</div>
        </div>
      )}
      <ImportDialog open={dialog.open} initialFiles={dialog.files} onClose={() => setDialog({ open: false, files: [] })} />
      <ImportQdpxDialog open={qdpxOpen} onClose={() => setQdpxOpen(false)} />
      <SurveyImportDialog open={surveyOpen} onClose={() => setSurveyOpen(false)} />
      <SpeakerRolesDialog documentId={rolesOf} onClose={() => setRolesOf(null)} />
      {removing && <WithdrawDialog fallback={null} target={{ documentId: removing.id }} name={removing.name} onClose={() => setRemoving(null)} />}
    </div>
  );
}

