import Fuse from 'fuse.js';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label, LabelSpread, Participant, RetrievalResult, RetrievedSegment } from '../../../shared/model.ts';
import { formatNumber, formatTimecode, showValue } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';
import { routeToHash } from '../../store/route.ts';
import { flattenTree } from '../codebook/tree.ts';
import { SegmentAnalysisActions } from '../rounds/SegmentAnalysisActions.tsx';
import { attributeChoices, attributeParam, filtersFromParams, hasFilters, participantMatches, valueKey } from './filters.ts';
import { useDocuments, useGuideSections, useLabels, useParticipants } from '../../data/reads.ts';
import { useData, useRead } from '../../data/index.ts';

const labelColour = (colour: string) => ({ '--label': colour }) as CSSProperties;

/** The labels to choose from: the codebook tree, or fuzzy matches of what is typed. */
function LabelPicker({ labels, selectedId, onSelect }: { labels: Label[]; selectedId: string | null; onSelect(id: string): void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const fuse = useMemo(() => new Fuse(labels, { keys: [{ name: 'name', weight: 3 }, 'definition'], threshold: 0.35, ignoreLocation: true }), [labels]);
  const typed = query.trim();
  const rows = typed ? fuse.search(typed, { limit: 50 }).map((r) => ({ label: r.item, depth: 0 })) : flattenTree(labels).map((r) => ({ label: r.label, depth: r.depth }));
  const n = (value: number) => formatNumber(value, i18n.language);

  const focusRow = (index: number) => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
    if (!buttons?.length) return;
    buttons[Math.max(0, Math.min(buttons.length - 1, index))]!.focus();
  };
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'Enter' && rows[0]) {
      event.preventDefault();
      onSelect(rows[0].label.id);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(at + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at <= 0) list.current?.parentElement?.querySelector('input')?.focus();
      else focusRow(at - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusRow(buttons.length - 1);
    }
  };

  return (
    <nav className="retrieval__labels" aria-label={t('retrieval.labels')}>
      <input
        type="search"
        className="retrieval__find"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onInputKey}
        placeholder={t('retrieval.filterLabelsPlaceholder')}
        aria-label={t('retrieval.filterLabels')}
      />
      <ul ref={list} className="retrieval__label-list" onKeyDown={onListKey}>
        {rows.map(({ label, depth }) => (
          <li key={label.id}>
            <button
              type="button"
              className={`retrieval__label${label.id === selectedId ? ' is-active' : ''}${label.segmentCount === 0 ? ' is-empty' : ''}`}
              style={{ paddingLeft: 10 + depth * 16 }}
              aria-current={label.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(label.id)}
            >
              <span className="swatch" style={{ background: label.colour }} aria-hidden="true" />
              <span className="retrieval__label-name">{label.name}</span>
              <span className="retrieval__label-count" aria-label={t('retrieval.segmentCount', { count: label.segmentCount })}>
                {n(label.segmentCount)}
              </span>
            </button>
          </li>
        ))}
        {typed && rows.length === 0 && <li className="muted small retrieval__none">{t('retrieval.noLabelMatch', { query: typed })}</li>}
      </ul>
    </nav>
  );
}

/** One select per participant attribute, the coder and the guide section; all kept in the address. */
function FilterBar({ params, onChange }: { params: Record<string, string>; onChange(key: string, value: string | null): void }) {
  const { t } = useTranslation();
  const { attributes, participants } = useParticipants();
  const coders = useData('retrieval/coders', {}, NO_CODERS);
  const guide = useGuideSections();
  const choices = useMemo(() => attributeChoices(attributes, participants), [attributes, participants]);
  const active = hasFilters(params);

  return (
    <div className="retrieval-filters" role="group" aria-label={t('retrieval.filters')}>
      {choices.map(({ attribute, values }) => {
        const key = attributeParam(attribute.name);
        const value = params[key] ?? '';
        return (
          <label key={attribute.id} className={`retrieval-filter${value ? ' is-set' : ''}`}>
            <span>{attribute.name}</span>
            <select value={value} onChange={(e) => onChange(key, e.target.value || null)}>
              <option value="">{t('retrieval.any')}</option>
              {values.map((v) => (
                <option key={valueKey(v)} value={valueKey(v)}>
                  {showValue(v, t('common.yes'), t('common.no'))}
                </option>
              ))}
              {/* A value in the address that no participant has (any more) stays visible, so it can be cleared. */}
              {value && !values.some((v) => valueKey(v) === value) && <option value={value}>{value}</option>}
            </select>
          </label>
        );
      })}
      <label className={`retrieval-filter${params.coder ? ' is-set' : ''}`}>
        <span>{t('retrieval.coder')}</span>
        <select value={params.coder ?? ''} onChange={(e) => onChange('coder', e.target.value || null)}>
          <option value="">{t('retrieval.anyCoder')}</option>
          {coders.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          {params.coder && !coders.includes(params.coder) && <option value={params.coder}>{params.coder}</option>}
        </select>
      </label>
      <label className={`retrieval-filter retrieval-filter--wide${params.section ? ' is-set' : ''}`}>
        <span>{t('retrieval.guideSection')}</span>
        <select value={params.section ?? ''} onChange={(e) => onChange('section', e.target.value || null)} disabled={guide.length === 0 && !params.section}>
          <option value="">{guide.length === 0 ? t('retrieval.noGuide') : t('retrieval.anySection')}</option>
          {guide.map((section) => (
            <option key={section.id} value={section.id}>
              {section.title}
            </option>
          ))}
        </select>
      </label>
      {active && (
        <button type="button" className="button button--quiet button--small retrieval-filters__clear" onClick={() => onChange('*', null)}>
          {t('retrieval.clearFilters')}
        </button>
      )}
    </div>
  );
}

/** A label's segments per participant (all of them, no filters); participants outside the attribute filter are dimmed. */
function SpreadTable({ spread, participants, filtered, documentCount }: { spread: LabelSpread | undefined; participants: Participant[]; filtered: (p: Participant) => boolean; documentCount: number }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  if (!spread || participants.length === 0 || (spread.participants.length === 0 && spread.withoutParticipant === 0)) return null;
  const counts = new Map(spread.participants.map((p) => [p.participantId, p.segments]));
  const max = Math.max(1, spread.withoutParticipant, ...spread.participants.map((p) => p.segments));
  const cell = (count: number, dim: boolean, key: string) => (
    <td key={key} className={`num${dim ? ' is-dim' : ''}${count === 0 ? ' is-zero' : ''}`}>
      <span className="spread__count">{count === 0 ? '—' : n(count)}</span>
      <span className="spread__bar" aria-hidden="true">
        <span style={{ width: `${(count / max) * 100}%` }} />
      </span>
    </td>
  );
  return (
    <section className="spread" aria-labelledby="spread-title">
      <div className="spread__head">
        <h2 id="spread-title" className="eyebrow">
          {t('retrieval.spread')}
        </h2>
        <span className="muted small">
          {t('retrieval.spreadDocuments', { count: spread.documents, total: documentCount })} · {t('retrieval.spreadHelp')}
        </span>
      </div>
      <div className="spread__wrap">
        <table className="spread__table">
          <thead>
            <tr>
              <th scope="col">{t('retrieval.participant')}</th>
              {participants.map((p) => (
                <th key={p.id} scope="col" className={filtered(p) ? '' : 'is-dim'}>
                  {p.name}
                </th>
              ))}
              {spread.withoutParticipant > 0 && <th scope="col">{t('retrieval.spreadNoParticipant')}</th>}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('retrieval.spreadSegments')}</th>
              {participants.map((p) => cell(counts.get(p.id) ?? 0, !filtered(p), p.id))}
              {spread.withoutParticipant > 0 && cell(spread.withoutParticipant, false, 'none')}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Quote({ item, colour, showCoders, onOpen, onLabel }: { item: RetrievedSegment; colour: string; showCoders: boolean; onOpen(): void; onLabel(id: string): void }) {
  const { t } = useTranslation();
  const href = routeToHash({ name: 'document', id: item.documentId, turn: item.turnPosition, query: '' });
  return (
    <li className="quote" style={labelColour(colour)}>
      <div className="quote__meta">
        {item.speaker && <span className="quote__speaker">{item.speaker}</span>}
        {item.startMs !== null && <time className="quote__time">{formatTimecode(item.startMs)}</time>}
        {item.guideSections.map((title) => (
          <span key={title} className="quote__section" title={t('retrieval.sections')}>
            {title}
          </span>
        ))}
        {showCoders && <span className="quote__coders">{t('retrieval.codedBy', { coders: item.coders.join(', ') })}</span>}
        <a
          className="quote__open"
          href={href}
          aria-label={t('retrieval.openTranscriptLabel', { document: item.documentName })}
          onClick={(e) => {
            e.preventDefault();
            onOpen();
          }}
        >
          {t('retrieval.openTranscript')} →
        </a>
      </div>
      <blockquote className="quote__text">
        {item.beforeCut && <span className="quote__context">…</span>}
        <span className="quote__context">{item.before}</span>
        <mark className="quote__mark">{item.segment.text}</mark>
        <span className="quote__context">{item.after}</span>
        {item.afterCut && <span className="quote__context">…</span>}
      </blockquote>
      {item.otherLabels.length > 0 && (
        <ul className="quote__labels" aria-label={t('retrieval.otherLabels')}>
          {item.otherLabels.map((l) => (
            <li key={l.id}>
              <button type="button" className="chip" style={{ borderLeftColor: l.colour }} title={t('retrieval.showOtherLabel', { label: l.name })} onClick={() => onLabel(l.id)}>
                {l.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="quote__actions">
        <SegmentAnalysisActions segmentId={item.segment.id} question={false} />
      </div>
    </li>
  );
}

/** The quotes of one transcript under its name, participant and attributes. */
function DocumentGroup({ items, children }: { items: RetrievedSegment[]; children: ReactNode }) {
  const { t } = useTranslation();
  const first = items[0]!;
  const participant = first.participant;
  return (
    <section className="quote-group" aria-labelledby={`quote-group-${first.documentId}`}>
      {/* The heading stays in view while its quotes scroll by; the attributes scroll with them. */}
      <h2 className="quote-group__head" id={`quote-group-${first.documentId}`}>
        {participant ? <span className="quote-group__participant">{participant.name}</span> : <span className="muted">{t('retrieval.noParticipant')}</span>}
        <span className="quote-group__document">{first.documentName}</span>
        <span className="quote-group__count">{t('retrieval.segmentCount', { count: items.length })}</span>
      </h2>
      {participant && Object.keys(participant.attributes).length > 0 && (
        <dl className="quote-group__attributes">
          {Object.entries(participant.attributes).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{showValue(value, t('common.yes'), t('common.no'))}</dd>
            </div>
          ))}
        </dl>
      )}
      <ol className="quote-list">{children}</ol>
    </section>
  );
}

/**
 * Retrieval: pick a label (left) and read every passage coded with it across all transcripts, grouped
 * by transcript with the participant and their attributes, each in its context; filter by
 * participant attribute, coder and interview-guide section (kept in the address); see the label's
 * spread over participants; open any passage in its transcript.
 */
const NO_CODERS: string[] = [];
const NO_SPREADS: LabelSpread[] = [];

export function RetrievalView({ labelId, params }: { labelId: string | null; params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const participants = useParticipants().participants;
  const documents = useDocuments();
  const spreads = useData('progress/labels', {}, NO_SPREADS);
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
      navigate({ name: 'retrieval', labelId, params: {} });
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
                    <Quote
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
