import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, Turn } from '../../../shared/model.ts';
import { findTerms, type Range } from '../../../shared/text/highlight.ts';
import { moveEndByWord, moveStartByWord, snapToWords } from '../../../shared/text/words.ts';
import { formatDate, formatNumber, formatTimecode, showValue } from '../../components/format.ts';
import { MemoPanel } from '../../components/rich-text/MemoPanel.tsx';
import { useStore } from '../../store/index.ts';
import { AutocodeDialog } from '../coding/AutocodeDialog.tsx';
import { CodedTurnText } from '../coding/CodedTurnText.tsx';
import { CodingPalette, type PaletteChoice } from '../coding/CodingPalette.tsx';
import { GuideMenu, GuideTags, useGuide } from '../coding/GuideMarks.tsx';
import { SegmentPanel } from '../coding/SegmentPanel.tsx';
import { selectionOffsets } from '../coding/selection.ts';

const SPEAKER_TINTS = 4;
const EMPTY: Segment[] = [];
const NO_TERMS: Range[] = [];

interface PaletteState {
  start: number;
  end: number;
  left: number;
  top: number;
}

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);
}

/**
 * The coded transcript: the page reads as before (speaker and time quiet in the margin, the words at
 * a reading measure), with every coded passage underlined in its labels' colours and the labels named
 * in the margin. Select words to code them; click a coded passage to work on its segment.
 */
export function TranscriptView({ id, turn, query }: { id: string; turn: number | null; query: string }) {
  const { t, i18n } = useTranslation();
  const document = useStore((s) => (s.document?.id === id ? s.document : null));
  const documents = useStore((s) => s.documents);
  const participants = useStore((s) => s.participants);
  const labels = useStore((s) => s.labels);
  const allSegments = useStore((s) => (s.segmentsOf === id ? s.segments : EMPTY));
  const selectedId = useStore((s) => s.selectedSegmentId);
  const recentLabelIds = useStore((s) => s.recentLabelIds);
  const coderFilter = useStore((s) => s.coderFilter);
  const loadDocument = useStore((s) => s.loadDocument);
  const loadSegments = useStore((s) => s.loadSegments);
  const selectSegment = useStore((s) => s.selectSegment);
  const applyLabel = useStore((s) => s.applyLabel);
  const removeCoding = useStore((s) => s.removeCoding);
  const resizeSegment = useStore((s) => s.resizeSegment);
  const setCoderFilter = useStore((s) => s.setCoderFilter);
  const navigate = useStore((s) => s.navigate);
  const reader = useRef<HTMLDivElement>(null);
  const turnCache = useRef(new Map<number, { key: string; segments: Segment[] }>());
  const [palette, setPalette] = useState<PaletteState | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [autocodeOpen, setAutocodeOpen] = useState(false);
  const [guideMenuTurn, setGuideMenuTurn] = useState<number | null>(null);
  const { guide, spans: guideSpans } = useGuide(id);

  useEffect(() => {
    turnCache.current.clear();
    void loadDocument(id);
    void loadSegments(id);
    selectSegment(null);
    setPalette(null);
  }, [id, loadDocument, loadSegments, selectSegment]);

  useEffect(() => {
    if (!document || turn === null) return;
    const target = reader.current?.querySelector<HTMLElement>(`[data-turn="${turn}"]`);
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [document, turn]);

  // Rebuilt only when a label's look changes, so that recounting labels repaints no turn.
  const labelsKey = labels.map((l) => `${l.id}:${l.colour}:${l.name}`).join('|');
  const labelsById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labelsKey]);
  const coders = useMemo(() => [...new Set(allSegments.flatMap((s) => s.codings.map((c) => c.coder)))].sort(), [allSegments]);
  // All coders' codings show unless the user filters, and the filter says so on the page.
  const segments = useMemo(
    () =>
      coderFilter === null
        ? allSegments
        : allSegments.map((s) => ({ ...s, codings: s.codings.filter((c) => c.coder === coderFilter) })).filter((s) => s.codings.length > 0),
    [allSegments, coderFilter],
  );
  const selected = segments.find((s) => s.id === selectedId) ?? null;

  // Segments per turn in one sweep (both lists are sorted by start). A turn whose segments did not
  // change keeps the very same array, so its memoised text is not rendered again.
  const segmentsByTurn = useMemo(() => {
    const map = new Map<number, Segment[]>();
    const cache = turnCache.current;
    let next = 0;
    let active: Segment[] = [];
    for (const item of document?.turns ?? []) {
      while (next < segments.length && segments[next]!.start < item.end) active.push(segments[next++]!);
      active = active.filter((s) => s.end > item.start);
      const inTurn = active.filter((s) => s.start < item.end);
      const key = inTurn.map((s) => `${s.id}:${s.start}-${s.end}:${s.codings.map((c) => c.labelId + c.coder).join(',')}`).join('|');
      const cached = cache.get(item.position);
      if (cached && cached.key === key) map.set(item.position, cached.segments);
      else {
        const list = inTurn.length ? inTurn : EMPTY;
        cache.set(item.position, { key, segments: list });
        map.set(item.position, list);
      }
    }
    return map;
  }, [document, segments]);

  const termsByTurn = useMemo(() => {
    const map = new Map<number, Range[]>();
    if (!query) return map;
    for (const item of document?.turns ?? []) {
      const found = findTerms(item.text, query).map((r) => ({ start: r.start + item.start, end: r.end + item.start }));
      if (found.length) map.set(item.position, found);
    }
    return map;
  }, [document, query]);

  const tints = useMemo(() => {
    const map = new Map<string, number>();
    for (const item of document?.turns ?? []) if (item.speaker && !map.has(item.speaker)) map.set(item.speaker, map.size % SPEAKER_TINTS);
    return map;
  }, [document]);

  const openPaletteFor = useCallback((start: number, end: number, rect: DOMRect) => {
    const left = Math.min(Math.max(12, rect.left), window.innerWidth - 340);
    const top = rect.bottom + 300 > window.innerHeight ? Math.max(12, rect.top - 300) : rect.bottom + 8;
    setPalette({ start, end, left, top });
  }, []);

  const onMouseUp = () => {
    if (!document || !reader.current) return;
    const found = selectionOffsets(reader.current);
    if (!found) return;
    const snapped = snapToWords(document.text, found.start, found.end);
    if (!snapped) return;
    openPaletteFor(snapped.start, snapped.end, found.rect);
  };

  const onClick = (event: MouseEvent) => {
    if (window.getSelection()?.isCollapsed === false) return;
    const run = (event.target as HTMLElement).closest<HTMLElement>('[data-segments]');
    if (!run) return;
    const ids = run.dataset.segments!.split(' ');
    // The innermost (shortest) segment under the pointer; clicking again moves to the next one out.
    const under = segments.filter((s) => ids.includes(s.id)).sort((a, b) => a.end - a.start - (b.end - b.start));
    const at = under.findIndex((s) => s.id === selectedId);
    selectSegment(under[(at + 1) % under.length]?.id ?? null);
  };

  const choose = (choice: PaletteChoice) => {
    if (!palette || !document) return;
    window.getSelection()?.removeAllRanges();
    void applyLabel({ documentId: document.id, start: palette.start, end: palette.end, ...choice });
    setPalette(null);
  };

  // Keyboard coding on the selected segment.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (palette || typingIn(event.target) || !selected || !document) return;
      const text = document.text;
      if (event.key === 'Escape') {
        selectSegment(null);
      } else if (/^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
        const labelId = recentLabelIds[Number(event.key) - 1];
        if (labelId) void applyLabel({ documentId: document.id, start: selected.start, end: selected.end, labelId });
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selected.codings.length === 1) {
        void removeCoding(selected.id, selected.codings[0]!.labelId);
      } else if (event.key.toLowerCase() === 'l' && !event.ctrlKey && !event.metaKey) {
        const el = reader.current?.querySelector<HTMLElement>('.coded.is-selected');
        if (el) openPaletteFor(selected.start, selected.end, el.getBoundingClientRect());
      } else if (event.altKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
        const widen = event.key === 'ArrowRight' ? !event.shiftKey : event.shiftKey;
        const start = event.shiftKey ? moveStartByWord(text, selected.start, selected.end, widen ? 'widen' : 'narrow') : selected.start;
        const end = event.shiftKey ? selected.end : moveEndByWord(text, selected.start, selected.end, widen ? 'widen' : 'narrow');
        if (start !== selected.start || end !== selected.end) void resizeSegment(selected.id, start, end);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [palette, selected, document, recentLabelIds, applyLabel, removeCoding, resizeSegment, selectSegment, openPaletteFor]);

  const participant = participants.find((p) => p.id === document?.participantId);
  const marginFor = (item: Turn) =>
    (segmentsByTurn.get(item.position) ?? EMPTY).filter((s) => s.start >= item.start && s.start < item.end);

  return (
    <div className="reader-layout">
      <nav className="doclist" aria-label={t('documents.title')}>
        <h2 className="eyebrow">{t('documents.title')}</h2>
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <button className={d.id === id ? 'is-active' : ''} aria-current={d.id === id ? 'page' : undefined} onClick={() => navigate({ name: 'document', id: d.id, turn: null, query: '' })}>
                <span>{d.name}</span>
                <span className="muted small">{d.participantName ?? t('documents.noParticipant')}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>

      <article className="reader" ref={reader} aria-busy={!document} onMouseUp={onMouseUp} onClick={onClick}>
        {document ? (
          <>
            <header className="reader__header">
              <h1>{document.name}</h1>
              <p className="muted">
                {[document.participantName, t(`kind.${document.kind}`), t('documents.wordsCount', { words: formatNumber(document.wordCount, i18n.language) }), t('documents.turnsCount', { turns: formatNumber(document.turns.length, i18n.language) }), t('coding.segmentsCount', { count: allSegments.length })]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <div className="reader__tools">
                <button className="button button--small" onClick={() => setAutocodeOpen(true)}>
                  {t('coding.autocode')}
                </button>
                {coders.length > 1 || coderFilter ? (
                  <label className="field field--inline small">
                    <span>{t('coding.coders')}</span>
                    <select value={coderFilter ?? ''} onChange={(e) => setCoderFilter(e.target.value || null)}>
                      <option value="">{t('coding.allCoders')}</option>
                      {coders.map((c) => (
                        <option key={c} value={c}>{c}</option>
                      ))}
                    </select>
                  </label>
                ) : null}
                <span className="muted small">{t('coding.hint')}</span>
              </div>
              {coderFilter && (
                <p className="reader__query" role="status">
                  {t('coding.filtered', { coder: coderFilter, shown: segments.length, total: allSegments.length })}{' '}
                  <button className="link-button" onClick={() => setCoderFilter(null)}>
                    {t('coding.showAll')}
                  </button>
                </p>
              )}
              {query && (
                <p className="reader__query">
                  {t('transcript.marked', { query })}{' '}
                  <button className="link-button" onClick={() => navigate({ name: 'document', id, turn, query: '' })}>
                    {t('transcript.clearMarks')}
                  </button>{' '}
                  <button className="link-button" onClick={() => navigate({ name: 'search', query })}>
                    {t('transcript.backToResults')}
                  </button>
                </p>
              )}
            </header>
            {document.turns.map((item) => (
              <section key={item.position} className={`turn${item.position === turn ? ' turn--target' : ''}`} data-turn={item.position} tabIndex={-1} aria-label={t('transcript.turnLabel', { n: item.position + 1, speaker: item.speaker ?? t('transcript.noSpeaker') })}>
                <div className="turn__meta">
                  {item.speaker && <span className={`turn__speaker tint-${tints.get(item.speaker)}`}>{item.speaker}</span>}
                  {item.startMs !== null && <time className="turn__time">{formatTimecode(item.startMs)}</time>}
                  <GuideTags spans={guideSpans.filter((g) => g.start >= item.start && g.start < item.end)} />
                  <button
                    className="turn__guide"
                    aria-label={t('coding.markTurn', { n: item.position + 1 })}
                    title={t('coding.markTurn', { n: item.position + 1 })}
                    aria-expanded={guideMenuTurn === item.position}
                    onClick={(e) => {
                      e.stopPropagation();
                      setGuideMenuTurn(guideMenuTurn === item.position ? null : item.position);
                    }}
                  >
                    §
                  </button>
                  {guideMenuTurn === item.position && (
                    <GuideMenu documentId={document.id} start={item.start} end={item.end} guide={guide} onDone={() => setGuideMenuTurn(null)} />
                  )}
                  {marginFor(item).map((s) => (
                    <span key={s.id} className="margin-labels">
                      {s.codings.map((c) => {
                        const label = labelsById.get(c.labelId);
                        return label ? (
                          <button
                            key={`${c.labelId}-${c.coder}`}
                            className={`chip${s.id === selectedId ? ' is-selected' : ''}`}
                            style={{ borderLeftColor: label.colour }}
                            onMouseEnter={() => setHoveredId(s.id)}
                            onMouseLeave={() => setHoveredId(null)}
                            onClick={(e) => {
                              e.stopPropagation();
                              selectSegment(s.id);
                            }}
                            title={`${label.name} · ${c.coder}`}
                          >
                            {label.name}
                          </button>
                        ) : null;
                      })}
                    </span>
                  ))}
                </div>
                <CodedTurnText
                  text={item.text}
                  turnStart={item.start}
                  turnEnd={item.end}
                  segments={segmentsByTurn.get(item.position) ?? EMPTY}
                  labelsById={labelsById}
                  terms={termsByTurn.get(item.position) ?? NO_TERMS}
                  selectedId={(segmentsByTurn.get(item.position) ?? EMPTY).some((s) => s.id === selectedId) ? selectedId : null}
                  hoveredId={(segmentsByTurn.get(item.position) ?? EMPTY).some((s) => s.id === hoveredId) ? hoveredId : null}
                />
              </section>
            ))}
          </>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </article>

      <aside className="details" aria-label={t('transcript.details')}>
        {document && selected && (
          <>
          <SegmentPanel
            segment={selected}
            text={document.text}
            labelsById={labelsById}
            onAddLabel={() => {
              const el = reader.current?.querySelector<HTMLElement>('.coded.is-selected');
              openPaletteFor(selected.start, selected.end, (el ?? reader.current!).getBoundingClientRect());
            }}
          />
          <div className="segment-panel__memo">
            <MemoPanel key={selected.id} target={{ kind: 'segment', id: selected.id }} />
          </div>
          </>
        )}
        {document && (
          <>
            <h2 className="eyebrow">{t('transcript.participant')}</h2>
            {participant ? (
              <dl className="facts">
                <dt>{t('participants.name')}</dt>
                <dd>{participant.name}</dd>
                {Object.entries(participant.attributes).map(([key, value]) => (
                  <div key={key} className="facts__row">
                    <dt>{key}</dt>
                    <dd>{showValue(value, t('common.yes'), t('common.no'))}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted small">{t('transcript.noParticipantHelp')}</p>
            )}
            {!selected && (
              <>
                <MemoPanel key={document.id} target={{ kind: 'document', id: document.id }} />
              </>
            )}
            <h2 className="eyebrow">{t('transcript.source')}</h2>
            <dl className="facts">
              <dt>{t('transcript.file')}</dt>
              <dd>{document.sourceName}</dd>
              <dt>{t('transcript.importer')}</dt>
              <dd>{document.importer}</dd>
              <dt>{t('transcript.imported')}</dt>
              <dd>
                {formatDate(document.importedAt, i18n.language)} · {document.importedBy}
              </dd>
              <dt>{t('documents.speakers')}</dt>
              <dd>{document.speakers.join(', ') || '—'}</dd>
            </dl>
          </>
        )}
      </aside>

      {palette && document && (
        <CodingPalette
          position={{ left: palette.left, top: palette.top }}
          selectedText={document.text.slice(palette.start, palette.end)}
          labels={labels}
          recentLabelIds={recentLabelIds}
          onChoose={choose}
          onClose={() => setPalette(null)}
        />
      )}
      <AutocodeDialog open={autocodeOpen} onClose={() => setAutocodeOpen(false)} speakers={document?.speakers ?? []} />
    </div>
  );
}
