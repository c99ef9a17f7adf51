import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useAfterPaint } from '../../components/useAfterPaint.ts';
import { useTranslation } from 'react-i18next';
import type { GuideSpan, Segment, Turn } from '../../../shared/model.ts';
import { findTerms, type Range } from '../../../shared/text/highlight.ts';
import { moveEndByWord, moveStartByWord, snapToWords } from '../../../shared/text/words.ts';
import { formatDate, formatNumber, showValue } from '../../components/format.ts';
import { MemoPanel } from '../../components/rich-text/MemoPanel.tsx';
import { useStore } from '../../store/index.ts';
import { PENDING_PREFIX, withSegment } from '../../store/merge.ts';
import { useData } from '../../data/index.ts';
import { AutocodeDialog } from '../coding/AutocodeDialog.tsx';
import { CodingPalette, type PaletteChoice, type PaletteMode } from '../coding/CodingPalette.tsx';
import { useGuide, useMarkGuide } from '../coding/GuideMarks.tsx';
import { SegmentPanel } from '../coding/SegmentPanel.tsx';
import { selectionOffsets } from '../coding/selection.ts';
import { DocumentList } from './DocumentList.tsx';
import { TurnSection } from './TurnSection.tsx';
import { useTurnWindow } from './useTurnWindow.ts';
import { useDocuments, useLabels, useParticipants } from '../../data/reads.ts';

const SPEAKER_TINTS = 4;
const EMPTY: Segment[] = [];
const NO_TERMS: Range[] = [];
const NO_SPANS: GuideSpan[] = [];
const NO_TURNS: Turn[] = [];

interface PaletteState {
  start: number;
  end: number;
  left: number;
  top: number;
  mode: PaletteMode;
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
  const document = useData('documents/get', { id }, null);
  const documents = useDocuments();
  const participants = useParticipants().participants;
  const labels = useLabels();
  const storedSegments = useData('segments/list', { documentId: id }, EMPTY);
  const pendingCoding = useStore((s) => (s.pendingCoding?.documentId === id ? s.pendingCoding : null));
  // A coding drawn before the core has answered takes its segment's place until the answer does.
  const allSegments = useMemo(() => (pendingCoding ? withSegment(storedSegments, pendingCoding.pending) : storedSegments), [storedSegments, pendingCoding]);
  const selectedId = useStore((s) => s.selectedSegmentId);
  const recentLabelIds = useStore((s) => s.recentLabelIds);
  const coderFilter = useStore((s) => s.coderFilter);
  const selectSegment = useStore((s) => s.selectSegment);
  const applyLabel = useStore((s) => s.applyLabel);
  const removeCoding = useStore((s) => s.removeCoding);
  const resizeSegment = useStore((s) => s.resizeSegment);
  const setCoderFilter = useStore((s) => s.setCoderFilter);
  const navigate = useStore((s) => s.navigate);
  const reader = useRef<HTMLDivElement>(null);
  const turnCache = useRef(new Map<number, Segment[]>());
  const guideCache = useRef(new Map<number, { key: string; spans: GuideSpan[] }>());
  const [palette, setPalette] = useState<PaletteState | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [autocodeOpen, setAutocodeOpen] = useState(false);
  const [guideMenuTurn, setGuideMenuTurn] = useState<number | null>(null);
  const { guide, spans: guideSpans } = useGuide(id);
  const markGuide = useMarkGuide();
  const turnWindow = useTurnWindow(reader, document?.turns ?? NO_TURNS);
  const { reveal } = turnWindow;

  useEffect(() => {
    turnCache.current.clear();
    guideCache.current.clear();
    selectSegment(null);
    setPalette(null);
  }, [id, selectSegment]);

  useEffect(() => {
    if (!document || turn === null) return;
    const index = document.turns.findIndex((item) => item.position === turn);
    if (index >= 0) reveal(index, (target) => target.focus({ preventScroll: true }));
  }, [document, turn, reveal]);

  // Rebuilt only when a label's look changes, so that recounting labels repaints no turn.
  const labelsKey = labels.map((l) => `${l.id}:${l.colour}:${l.name}`).join('|');
  const labelsById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labelsKey]);
  const coders = useMemo(() => [...new Set(allSegments.flatMap((s) => s.codings.map((c) => c.coder)))].sort(), [allSegments]);
  // All coders' codings show unless the user filters, and the filter says so on the page. A segment
  // filtered once stays the same object while it is, so that a coding repaints its own turn only.
  const filtered = useMemo(() => new WeakMap<Segment, Segment>(), [coderFilter]);
  const segments = useMemo(() => {
    if (coderFilter === null) return allSegments;
    const shown: Segment[] = [];
    for (const s of allSegments) {
      let own = filtered.get(s);
      if (!own) {
        own = { ...s, codings: s.codings.filter((c) => c.coder === coderFilter) };
        filtered.set(s, own);
      }
      if (own.codings.length > 0) shown.push(own);
    }
    return shown;
  }, [allSegments, coderFilter, filtered]);
  const selected = segments.find((s) => s.id === selectedId) ?? null;
  // The details pane (segment panel, its memo editor) follows in a render of its own, after the
  // highlight of a new coding has been painted: a deferred value could still render before that
  // frame, and mounting the memo editor cost a keypress 20–40 ms.
  const panelSegment = useAfterPaint(selected);

  // Segments per turn in one sweep (both lists are sorted by start). A write replaces only the
  // segments it touched, so a turn whose segments are the very same objects keeps its array, and its
  // memoised text is not rendered again.
  const segmentsByTurn = useMemo(() => {
    const map = new Map<number, Segment[]>();
    const cache = turnCache.current;
    let next = 0;
    let active: Segment[] = [];
    for (const item of document?.turns ?? []) {
      // Every segment taken in starts before this turn ends; those that ended before it go.
      while (next < segments.length && segments[next]!.start < item.end) active.push(segments[next++]!);
      if (active.some((s) => s.end <= item.start)) active = active.filter((s) => s.end > item.start);
      const cached = cache.get(item.position);
      const same = cached !== undefined && cached.length === active.length && cached.every((s, i) => s === active[i]);
      const list = same ? cached : active.length ? active.slice() : EMPTY;
      cache.set(item.position, list);
      map.set(item.position, list);
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

  const openPaletteFor = useCallback((start: number, end: number, rect: DOMRect, mode: PaletteMode = 'label') => {
    const left = Math.min(Math.max(12, rect.left), window.innerWidth - 340);
    const top = rect.bottom + 300 > window.innerHeight ? Math.max(12, rect.top - 300) : rect.bottom + 8;
    setPalette({ start, end, left, top, mode });
  }, []);

  // Turns that (partly) answer a marked guide section carry a quiet bar beside their text.
  const guidedTurns = useMemo(() => {
    const marked = new Set<number>();
    for (const item of document?.turns ?? []) if (guideSpans.some((g) => g.start < item.end && g.end > item.start)) marked.add(item.position);
    return marked;
  }, [document, guideSpans]);

  // The guide marks starting in each turn. The spans are fetched again after every write, so a turn
  // keeps its previous array while its marks are the same, as its memo needs.
  const guideByTurn = useMemo(() => {
    const map = new Map<number, GuideSpan[]>();
    const cache = guideCache.current;
    for (const item of document?.turns ?? []) {
      const here = guideSpans.filter((g) => g.start >= item.start && g.start < item.end);
      if (here.length === 0) continue;
      const key = here.map((g) => `${g.id}:${g.start}-${g.end}:${g.sectionTitle}:${g.questionText ?? ''}`).join('|');
      const cached = cache.get(item.position);
      if (cached && cached.key === key) map.set(item.position, cached.spans);
      else {
        cache.set(item.position, { key, spans: here });
        map.set(item.position, here);
      }
    }
    return map;
  }, [document, guideSpans]);

  const toggleGuideMenu = useCallback((position: number) => setGuideMenuTurn((open) => (open === position ? null : position)), []);
  const closeGuideMenu = useCallback(() => setGuideMenuTurn(null), []);

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
    const under = segments.filter((s) => ids.includes(s.id) && !s.id.startsWith(PENDING_PREFIX)).sort((a, b) => a.end - a.start - (b.end - b.start));
    const at = under.findIndex((s) => s.id === selectedId);
    selectSegment(under[(at + 1) % under.length]?.id ?? null);
  };

  const choose = (choice: PaletteChoice) => {
    if (!palette || !document) return;
    window.getSelection()?.removeAllRanges();
    void applyLabel({ documentId: document.id, start: palette.start, end: palette.end, ...choice });
    setPalette(null);
  };

  const markChosen = (sectionId: string, questionId: string | null) => {
    if (!palette || !document) return;
    window.getSelection()?.removeAllRanges();
    void markGuide({ documentId: document.id, start: palette.start, end: palette.end, sectionId, questionId });
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
      } else if ((event.key.toLowerCase() === 'l' || event.key.toLowerCase() === 'g') && !event.ctrlKey && !event.metaKey && !event.altKey) {
        const el = reader.current?.querySelector<HTMLElement>('.coded.is-selected');
        if (el) openPaletteFor(selected.start, selected.end, el.getBoundingClientRect(), event.key.toLowerCase() === 'g' ? 'guide' : 'label');
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

  // The turn list only changes with what its turns show: opening the palette, the details pane or
  // the guide marks fetched after a write re-render the reader without walking a thousand turns.
  // A long transcript draws only the turns around the view (useTurnWindow).
  const { start: firstDrawn, end: pastDrawn } = turnWindow;
  const turnSections = useMemo(
    () =>
      (document?.turns ?? NO_TURNS).slice(firstDrawn, pastDrawn).map((item, i) => {
        const inTurn = segmentsByTurn.get(item.position) ?? EMPTY;
        return (
          <TurnSection
            key={item.position}
            index={firstDrawn + i}
            item={item}
            documentId={document!.id}
            documentText={document!.text}
            segments={inTurn}
            terms={termsByTurn.get(item.position) ?? NO_TERMS}
            labelsById={labelsById}
            selectedId={selectedId !== null && inTurn.some((s) => s.id === selectedId) ? selectedId : null}
            hoveredId={hoveredId !== null && inTurn.some((s) => s.id === hoveredId) ? hoveredId : null}
            guideSpans={guideByTurn.get(item.position) ?? NO_SPANS}
            menuGuide={guideMenuTurn === item.position ? guide : null}
            tint={item.speaker ? tints.get(item.speaker) : undefined}
            isTarget={item.position === turn}
            isGuided={guidedTurns.has(item.position)}
            onToggleMenu={toggleGuideMenu}
            onCloseMenu={closeGuideMenu}
            onHover={setHoveredId}
            onSelect={selectSegment}
            t={t}
          />
        );
      }),
    [document, firstDrawn, pastDrawn, segmentsByTurn, termsByTurn, labelsById, selectedId, hoveredId, guideByTurn, guideMenuTurn, guide, tints, turn, guidedTurns, toggleGuideMenu, closeGuideMenu, selectSegment, t],
  );
  return (
    <div className="reader-layout">
      <DocumentList documents={documents} currentId={id} navigate={navigate} />

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
            <div ref={turnWindow.list} className={turnWindow.windowed ? 'turns turns--windowed' : 'turns'}>
              {turnWindow.before > 0 && <div className="turns__spacer" style={{ height: turnWindow.before }} aria-hidden="true" />}
              {turnSections}
              {turnWindow.after > 0 && <div className="turns__spacer" style={{ height: turnWindow.after }} aria-hidden="true" />}
            </div>
          </>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </article>

      <aside className="details" aria-label={t('transcript.details')}>
        {document && panelSegment && (
          <>
          <SegmentPanel
            segment={panelSegment}
            text={document.text}
            labelsById={labelsById}
            onAddLabel={() => {
              const el = reader.current?.querySelector<HTMLElement>('.coded.is-selected');
              openPaletteFor(panelSegment.start, panelSegment.end, (el ?? reader.current!).getBoundingClientRect());
            }}
            onMarkGuide={() => {
              const el = reader.current?.querySelector<HTMLElement>('.coded.is-selected');
              openPaletteFor(panelSegment.start, panelSegment.end, (el ?? reader.current!).getBoundingClientRect(), 'guide');
            }}
          />
          <div className="segment-panel__memo">
            <MemoPanel key={panelSegment.id} target={{ kind: 'segment', id: panelSegment.id }} />
          </div>
          </>
        )}
        {document && (
          <>
            {!panelSegment && <MemoPanel key={document.id} target={{ kind: 'document', id: document.id }} heading={t('memos.onTranscript')} />}
            <h2 className="eyebrow">{t('transcript.participant')}</h2>
            {participant ? (
              <>
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
                <button className="link-button small details__more" onClick={() => navigate({ name: 'participants', id: participant.id })}>
                  {t('memos.participantLink', { name: participant.name })} →
                </button>
              </>
            ) : (
              <p className="muted small">{t('transcript.noParticipantHelp')}</p>
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
          key={`${palette.start}-${palette.end}-${palette.mode}`}
          position={{ left: palette.left, top: palette.top }}
          selectedText={document.text.slice(palette.start, palette.end)}
          labels={labels}
          recentLabelIds={recentLabelIds}
          guide={guide}
          initialMode={palette.mode}
          onChoose={choose}
          onMarkGuide={markChosen}
          onClose={() => setPalette(null)}
        />
      )}
      <AutocodeDialog open={autocodeOpen} onClose={() => setAutocodeOpen(false)} speakers={document?.speakers ?? []} />
    </div>
  );
}
