import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelSpread, RetrievalResult, RetrievedSegment } from '../../../shared/model.ts';
import { formatNumber } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';
import { filtersFromParams, hasFilters, participantMatches } from './filters.ts';
import { NO_LABELS, useDocuments, useParticipants } from '../../data/reads.ts';
import { useData, useRead } from '../../data/index.ts';
import { labelColour } from './label-colour.ts';
import { LabelPicker } from './LabelPicker.tsx';
import { FilterBar } from './FilterBar.tsx';
import { SpreadTable } from './SpreadTable.tsx';
import { RetrievedQuote } from './RetrievedQuote.tsx';
import { DocumentGroup } from './DocumentGroup.tsx';

/**
 * Retrieval: pick a label (left) and read every passage coded with it across all transcripts, grouped
 * by transcript with the participant and their attributes, each in its context; filter by
 * participant attribute, coder and interview-guide section (kept in the address); see the label's
 * spread over participants; open any passage in its transcript.
 */
const NO_CODERS: Array<{ id: string; name: string }> = [];
const NO_SPREADS: LabelSpread[] = [];

export function RetrievalView({ labelId, params }: { labelId: string | null; params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  // Whose speech: the participants' unless the switch adds the interviewer's; the label's counts,
  // the spread and the passages all follow it.
  const scope = params.speakers === 'all' ? { speakers: 'all' as const } : {};
  const labels = useData('labels/list', scope, NO_LABELS);
  const participants = useParticipants().participants;
  const documents = useDocuments();
  const spreads = useData('progress/labels', scope, NO_SPREADS);
  const coders = useData('retrieval/coders', {}, NO_CODERS);
  const navigate = useStore((s) => s.navigate);
  const main = useRef<HTMLDivElement>(null);
  const n = (value: number) => formatNumber(value, i18n.language);

  const paramsKey = JSON.stringify(params);
  const filters = useMemo(() => filtersFromParams(JSON.parse(paramsKey) as Record<string, string>), [paramsKey]);
  const label = labels.find((l) => l.id === labelId) ?? null;

  const read = useRead('retrieval/segments', label ? { labelId: label.id, filters } : null);
  // Other filters on the same label: the passages shown stay (marked busy) until the new ones come.
  const last = useRef<RetrievalResult | null>(null);
  if (read.data) last.current = read.data;
  const retrieval = { result: read.data ?? last.current, busy: read.loading };

  // Another label: start reading at the top.
  useEffect(() => {
    main.current?.scrollTo({ top: 0 });
  }, [labelId]);

  const select = (id: string) => navigate({ name: 'retrieval', labelId: id, params });
  const setParam = (key: string, value: string | null) => {
    if (key === '*') {
      // Clearing the filters keeps the choice of whose speech counts.
      navigate({ name: 'retrieval', labelId, params: params.speakers ? { speakers: params.speakers } : {} });
      return;
    }
    const next = { ...params };
    if (value === null) delete next[key];
    else next[key] = value;
    navigate({ name: 'retrieval', labelId, params: next });
  };

  const result = retrieval.result && label && retrieval.result.label.id === label.id ? retrieval.result : null;
  const groups = useMemo(() => {
    const list: RetrievedSegment[][] = [];
    for (const item of result?.items ?? []) {
      const last = list[list.length - 1];
      if (last && last[0]!.documentId === item.documentId) last.push(item);
      else list.push([item]);
    }
    return list;
  }, [result]);

  if (labels.length === 0) {
    return (
      <div className="page page--narrow">
        <h1>{t('retrieval.title')}</h1>
        <div className="empty-state" style={{ marginTop: 16 }}>
          <h2>{t('retrieval.noLabelsTitle')}</h2>
          <p>{t('retrieval.noLabelsHelp')}</p>
          <div className="button-row" style={{ marginTop: 14 }}>
            <button type="button" className="button button--primary" onClick={() => navigate({ name: 'codebook', labelId: null })}>
              {t('retrieval.toCodebook')}
            </button>
            <button type="button" className="button" onClick={() => navigate({ name: 'documents' })}>
              {t('retrieval.toTranscripts')}
            </button>
          </div>
        </div>
      </div>
    );
  }

  const filtered = hasFilters(params);
  const documentCount = new Set(result?.items.map((i) => i.documentId)).size;

  return (
    <div className="retrieval">
      <LabelPicker labels={labels} selectedId={label?.id ?? null} onSelect={select} />
      <div className="retrieval__main" ref={main}>
        {!label ? (
          <div className="retrieval__inner">
            <h1>{t('retrieval.title')}</h1>
            <div className="empty-state" style={{ marginTop: 16 }}>
              <h2>{t('retrieval.chooseTitle')}</h2>
              <p>{t('retrieval.chooseHelp')}</p>
            </div>
          </div>
        ) : (
          <div className="retrieval__inner" style={labelColour(label.colour)}>
            <header className="retrieval__header">
              <div className="retrieval__title">
                <span className="retrieval__swatch" style={{ background: label.colour }} aria-hidden="true" />
                <h1>{label.name}</h1>
                <button type="button" className="link-button link-button--quiet small" onClick={() => navigate({ name: 'codebook', labelId: label.id })}>
                  {t('retrieval.inCodebook')}
                </button>
              </div>
              <p className="retrieval__count" role="status" aria-live="polite">
                {result ? (
                  <>
                    <strong>{t('retrieval.count', { count: result.total, documents: t('retrieval.documentsCount', { count: documentCount }) })}</strong>
                    {filtered && label.segmentCount !== result.total && <span className="muted"> {t('retrieval.ofTotal', { total: n(label.segmentCount) })}</span>}
                  </>
                ) : (
                  <span className="muted">{t('retrieval.loading')}</span>
                )}
              </p>
              {label.definition && <p className="retrieval__definition">{label.definition}</p>}
            </header>

            <FilterBar params={params} onChange={setParam} />

            <SpreadTable
              spread={spreads.find((s) => s.labelId === label.id)}
              participants={participants}
              filtered={(p) => participantMatches(p, filters.attributes)}
              documentCount={documents.length}
            />

            {result && result.total === 0 && (
              <div className="empty-state">
                <h2>{filtered && label.segmentCount > 0 ? t('retrieval.emptyFilteredTitle') : t('retrieval.emptyLabelTitle')}</h2>
                <p>{filtered && label.segmentCount > 0 ? t('retrieval.emptyFilteredHelp', { count: label.segmentCount }) : t('retrieval.emptyLabelHelp')}</p>
                {filtered && (
                  <button type="button" className="button" style={{ marginTop: 12 }} onClick={() => setParam('*', null)}>
                    {t('retrieval.clearFilters')}
                  </button>
                )}
              </div>
            )}

            <div className={`quote-groups${retrieval.busy ? ' is-busy' : ''}`}>
              {groups.map((items) => (
                <DocumentGroup key={items[0]!.documentId} items={items}>
                  {items.map((item) => (
                    <RetrievedQuote
                      key={item.segment.id}
                      item={item}
                      colour={label.colour}
                      showCoders={coders.length > 1}
                      onOpen={() => navigate({ name: 'document', id: item.documentId, turn: item.turnPosition, query: '' })}
                      onLabel={select}
                    />
                  ))}
                </DocumentGroup>
              ))}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
