import { useEffect, useMemo, useRef, useState } from 'react';
import type { Matrix } from '../../../shared/analysis.ts';
import { useData, useRead } from '../../data/index.ts';
import { useTranslation } from 'react-i18next';
import { formatNumber, showValue } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';
import { attributeChoices } from '../retrieval/filters.ts';
import { QuoteCard } from '../rounds/QuoteCard.tsx';
import { WINDOW_ABOVE_CELLS } from './grid-window.ts';
import { HeatTable } from './HeatTable.tsx';
import { attributeParam, requestFromParams, type MatrixCellRequest } from './params.ts';
import { useConcepts, useParticipants } from '../../data/reads.ts';

/** Round 2's commonalities: what the interviews share, concept (or label) by participant (or document). */
export function MatrixView({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { participants, attributes } = useParticipants();
  const navigate = useStore((s) => s.navigate);
  const concepts = useConcepts();
  const choices = useMemo(() => attributeChoices(attributes, participants), [attributes, participants]);
  const request = useMemo(() => requestFromParams(params, choices), [params, choices]);
  const read = useRead('matrix/get', request);
  // The matrix shown stays (marked busy) while other settings are fetched.
  const last = useRef<Matrix | null>(null);
  if (read.data) last.current = read.data;
  const matrix = { result: read.data ?? last.current, busy: read.loading };
  const [cellRequest, setCellRequest] = useState<MatrixCellRequest | null>(null);
  const cell = { request: cellRequest, quotes: useData('matrix/cell', cellRequest, null) };

  const result = matrix.result;
  const shown = result && result.rows === request.rows && result.by === request.by ? result : null;
  const selectedColumn = shown && cell.request ? shown.columns.findIndex((c) => c.id === cell.request!.columnId) : -1;
  const selected = cell.request && selectedColumn >= 0 && cell.request.rows === request.rows ? { rowId: cell.request.rowId, column: selectedColumn } : null;

  // Other rows or columns: the open cell no longer belongs to what is shown.
  useEffect(() => {
    if (cell.request && (cell.request.rows !== request.rows || cell.request.by !== request.by)) setCellRequest(null);
    else if (cell.request && (cell.request.speakers ?? 'participants') !== (request.speakers ?? 'participants')) {
      setCellRequest({ ...cell.request, speakers: request.speakers ?? 'participants' });
    }
  }, [request.rows, request.by, request.speakers, cell.request, setCellRequest]);

  const set = (key: string, value: string | null) => {
    const next = { ...params };
    if (value === null || value === '') delete next[key];
    else next[key] = value;
    navigate({ name: 'matrix', params: next });
  };
  const openCell = (rowId: string, column: number) => {
    if (!shown) return;
    setCellRequest({ rows: shown.rows, rowId, by: shown.by, columnId: shown.columns[column]!.id, speakers: request.speakers ?? 'participants' });
  };
  const cellRow = shown?.items.find((r) => r.id === cell.request?.rowId);
  const cellColumn = selected && shown ? shown.columns[selected.column] : null;
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <div className={`matrix${cell.request ? ' has-panel' : ''}`}>
      <div className="matrix__main">
        <header className="matrix__header">
          <div>
            <h1>{t('matrix.title')}</h1>
            <p className="muted">{t('matrix.help')}</p>
          </div>
        </header>
        <div className="matrix__controls" role="group" aria-label={t('matrix.settings')}>
          <div className="matrix__control">
            <span>{t('matrix.rows')}</span>
            <div className="segmented">
              <button type="button" className={request.rows === 'concepts' ? 'is-active' : ''} aria-pressed={request.rows === 'concepts'} onClick={() => set('rows', null)}>
                {t('matrix.concepts')}
              </button>
              <button type="button" className={request.rows === 'labels' ? 'is-active' : ''} aria-pressed={request.rows === 'labels'} onClick={() => set('rows', 'labels')}>
                {t('matrix.labels')}
              </button>
            </div>
          </div>
          <div className="matrix__control">
            <span>{t('matrix.columns')}</span>
            <div className="segmented">
              <button type="button" className={request.by === 'participant' ? 'is-active' : ''} aria-pressed={request.by === 'participant'} onClick={() => set('by', null)}>
                {t('matrix.participants')}
              </button>
              <button type="button" className={request.by === 'document' ? 'is-active' : ''} aria-pressed={request.by === 'document'} onClick={() => set('by', 'document')}>
                {t('matrix.documents')}
              </button>
            </div>
          </div>
          <label className={`matrix__control matrix__control--switch${request.speakers === 'all' ? ' is-set' : ''}`}>
            <input type="checkbox" checked={request.speakers === 'all'} onChange={(e) => set('speakers', e.target.checked ? 'all' : null)} />
            <span>{t('matrix.includeInterviewer')}</span>
          </label>
          <label className="matrix__control">
            <span>{t('matrix.groupBy')}</span>
            <select value={request.groupBy ?? ''} onChange={(e) => set('group', e.target.value)}>
              <option value="">{t('matrix.noGrouping')}</option>
              {choices.map((c) => (
                <option key={c.attribute.name} value={c.attribute.name}>
                  {c.attribute.name}
                </option>
              ))}
            </select>
          </label>
          {choices.map((c) => {
            const value = params[attributeParam(c.attribute.name)] ?? '';
            return (
              <label key={c.attribute.name} className={`matrix__control${value ? ' is-set' : ''}`}>
                <span>{c.attribute.name}</span>
                <select value={value} onChange={(e) => set(attributeParam(c.attribute.name), e.target.value)}>
                  <option value="">{t('matrix.all')}</option>
                  {c.values.map((v) => (
                    <option key={String(v)} value={String(v)}>
                      {showValue(v, t('common.yes'), t('common.no'))}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
        </div>
        {shown && shown.items.length === 0 ? (
          <section className="empty-state">
            <h2>{t(request.rows === 'concepts' ? 'matrix.noConcepts' : 'matrix.noLabels')}</h2>
            <p>{t(request.rows === 'concepts' ? 'matrix.noConceptsHelp' : 'matrix.noLabelsHelp')}</p>
            {request.rows === 'concepts' && concepts.length === 0 && (
              <div className="button-row empty-state__action">
                <button type="button" className="button button--primary" onClick={() => navigate({ name: 'concepts', conceptId: null })}>
                  {t('matrix.makeConcepts')}
                </button>
                <button type="button" className="button" onClick={() => set('rows', 'labels')}>
                  {t('matrix.showLabels')}
                </button>
              </div>
            )}
          </section>
        ) : shown ? (
          <>
            <p className="matrix__summary muted small">
              {t('matrix.summary', { rows: n(shown.items.length), columns: n(shown.columns.length) })} · {t('matrix.clickHint')}
              {shown.items.length * shown.columns.length > WINDOW_ABOVE_CELLS && ` · ${t('matrix.scrollHint')}`}
            </p>
            <div className={matrix.busy ? 'is-busy' : undefined}>
              <HeatTable matrix={shown} selected={selected} onCell={openCell} />
            </div>
          </>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </div>
      {cell.request && (
        <aside className="matrix__panel" aria-label={t('matrix.cellQuotes')}>
          <div className="matrix__panel-head">
            <div>
              <h2>{cellRow?.name ?? '…'}</h2>
              <p className="muted small">
                {cellColumn ? (cellColumn.id === null ? t('matrix.unassigned') : cellColumn.name) : ''}
                {cell.quotes ? ` · ${t('matrix.quotesCount', { count: cell.quotes.length })}` : ''}
              </p>
            </div>
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => setCellRequest(null)}>
              ×
            </button>
          </div>
          {cell.quotes === null ? (
            <p className="muted">{t('common.loading')}</p>
          ) : (
            <ul className="quote-list">
              {cell.quotes.map((q) => (
                <li key={q.segmentId}>
                  <QuoteCard quote={q} colour={cellRow?.colour} showParticipant={request.by === 'document'} />
                </li>
              ))}
            </ul>
          )}
        </aside>
      )}
    </div>
  );
}
