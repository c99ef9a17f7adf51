import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Memo, Segment, Turn } from '../../../shared/model.ts';
import type { Range } from '../../../shared/text/highlight.ts';
import { snapToWords } from '../../../shared/text/words.ts';
import { useAfterPaint } from '../../components/useAfterPaint.ts';
import { useData } from '../../data/index.ts';
import { useDocuments, useLabels } from '../../data/reads.ts';
import { useStore } from '../../store/index.ts';
import { PENDING_PREFIX } from '../../store/merge.ts';
import { AutocodeDialog } from '../coding/AutocodeDialog.tsx';
import { CodingPalette, type PaletteChoice, type PaletteMode } from '../coding/CodingPalette.tsx';
import { useGuide, useMarkGuide, type TurnGuideSpan } from '../coding/GuideMarks.tsx';
import { selectionOffsets } from '../coding/selection.ts';
import { FlaggedPassages } from '../transcript-edit/FlaggedPassages.tsx';
import { DocumentList } from './DocumentList.tsx';
import { ReaderHeader } from './ReaderHeader.tsx';
import { TranscriptDetails } from './TranscriptDetails.tsx';
import { TurnSection } from './TurnSection.tsx';
import { useGuideByTurn, useMemosByTurn, useSegmentsByTurn, useSpeakerTints, useTermsByTurn } from './turn-maps.ts';
import { useCodingKeys } from './useCodingKeys.ts';
import { useTranscriptSegments } from './useTranscriptSegments.ts';
import { useReadingCursor } from './useReadingCursor.ts';
import { useTextMark } from './useTextMark.ts';
import { useTurnWindow } from './useTurnWindow.ts';

const EMPTY: Segment[] = [];
const NO_TERMS: Range[] = [];
const NO_SPANS: TurnGuideSpan[] = [];
const NO_TURNS: Turn[] = [];
const NO_MEMOS: Memo[] = [];
const NO_MEMO_MAP: ReadonlyMap<string, string> = new Map();

interface PaletteState {
  start: number;
  end: number;
  /** The passage's box in the window when the palette opened. */
  left: number;
  top: number;
  bottom: number;
  mode: PaletteMode;
}

/**
 * The coded transcript: the page reads as before (speaker and time quiet in the margin, the words at
 * a reading measure), with every coded passage underlined in its labels' colours and the labels named
 * in the margin. Select words to code them; click a coded passage to work on its segment.
 */
export function TranscriptView({ id, turn, query }: { id: string; turn: number | null; query: string }) {
  const { t } = useTranslation();
  const document = useData('documents/get', { id }, null);
  const documents = useDocuments();
  const labels = useLabels();
  const { allSegments, segments, coders } = useTranscriptSegments(id);
  const loadCoderId = useStore((s) => s.loadCoderId);
  // The coder key is the open project's: asked again for each transcript (blind coding filters by it).
  useEffect(() => {
    void loadCoderId();
  }, [id, loadCoderId]);
  const selectedId = useStore((s) => s.selectedSegmentId);
  const recentLabelIds = useStore((s) => s.recentLabelIds);
  const selectSegment = useStore((s) => s.selectSegment);
  const applyLabel = useStore((s) => s.applyLabel);
  const navigate = useStore((s) => s.navigate);
  const reader = useRef<HTMLDivElement>(null);
  const [palette, setPalette] = useState<PaletteState | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [autocodeOpen, setAutocodeOpen] = useState(false);
  const [guideMenuTurn, setGuideMenuTurn] = useState<number | null>(null);
  const [editingTurn, setEditingTurn] = useState<number | null>(null);
  // A memo marker (or M) selects its passage and puts the caret in the passage's memo once the pane shows it.
  const [memoFocus, setMemoFocus] = useState<string | null>(null);
  const allMemos = useData('memos/list', {}, NO_MEMOS);
  const { guide, spans: guideSpans } = useGuide(id);
  const markGuide = useMarkGuide();
  const turnWindow = useTurnWindow(reader, document?.turns ?? NO_TURNS);
  const { reveal } = turnWindow;

  useEffect(() => {
    selectSegment(null);
    setPalette(null);
    setEditingTurn(null);
  }, [id, selectSegment]);

  // The turn the address asks for is shown once per transcript and turn asked: a correction gives
  // the transcript anew, and must not take the reader away from the turn just corrected.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (!document || turn === null) return;
    const key = `${document.id}:${turn}`;
    if (revealed.current === key) return;
    const index = document.turns.findIndex((item) => item.position === turn);
    if (index < 0) return;
    revealed.current = key;
    reveal(index, (target) => target.focus({ preventScroll: true }));
  }, [document, turn, reveal]);

  // Rebuilt only when a label's look changes, so that recounting labels repaints no turn.
  const labelsKey = labels.map((l) => `${l.id}:${l.colour}:${l.name}`).join('|');
  const labelsById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labelsKey]);
  const selected = segments.find((s) => s.id === selectedId) ?? null;
  // The details pane (segment panel, its memo editor) follows in a render of its own, after the
  // highlight of a new coding has been painted: a deferred value could still render before that
  // frame, and mounting the memo editor cost a keypress 20–40 ms.
  const panelSegment = useAfterPaint(selected);

  const segmentsByTurn = useSegmentsByTurn(document, segments);
  const memosByTurn = useMemosByTurn(document, segmentsByTurn, allMemos);
  const openMemo = useCallback(
    (segmentId: string) => {
      selectSegment(segmentId);
      setMemoFocus(segmentId);
    },
    [selectSegment],
  );
  const memoFocused = useCallback(() => setMemoFocus(null), []);
  const termsByTurn = useTermsByTurn(document, query);
  const tints = useSpeakerTints(document);
  const { guidedTurns, guideByTurn } = useGuideByTurn(document, guideSpans);

  const openPaletteFor = useCallback((start: number, end: number, rect: DOMRect, mode: PaletteMode = 'label') => {
    setPalette({ start, end, left: rect.left, top: rect.top, bottom: rect.bottom, mode });
  }, []);
  const openPaletteOn = (segment: Segment, mode: PaletteMode) => {
    const el = reader.current?.querySelector<HTMLElement>('.coded.is-selected');
    openPaletteFor(segment.start, segment.end, (el ?? reader.current!).getBoundingClientRect(), mode);
  };

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

  const selectionInReader = () => {
    if (!document || !reader.current) return null;
    const found = selectionOffsets(reader.current);
    return found ? snapToWords(document.text, found.start, found.end) : null;
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
    readingCursor.moveOnFrom(palette.end);
  };

  const markChosen = (sectionId: string, questionId: string | null) => {
    if (!palette || !document) return;
    window.getSelection()?.removeAllRanges();
    void markGuide({ documentId: document.id, start: palette.start, end: palette.end, sectionId, questionId });
    setPalette(null);
  };

  useCodingKeys({ reader, document, selected, paletteOpen: palette !== null, openPaletteFor, openMemo, reveal });
  const readingCursor = useReadingCursor({ reader, document, segments, selected, paletteOpen: palette !== null, openPaletteFor, reveal, editTurn: setEditingTurn });
  const cursorTurn = readingCursor.cursor && document ? document.turns.find((item) => readingCursor.cursor!.start >= item.start && readingCursor.cursor!.start < item.end) : undefined;

  // The turn list only changes with what its turns show: opening the palette, the details pane or
  // the guide marks fetched after a write re-render the reader without walking a thousand turns.
  // A long transcript draws only the turns around the view (useTurnWindow).
  const { start: firstDrawn, end: pastDrawn } = turnWindow;
  // A new object whenever the turns' spans may have been redrawn, so that the marks follow them.
  const drawn = useMemo(() => ({ firstDrawn, pastDrawn, segmentsByTurn, selectedId, hoveredId }), [firstDrawn, pastDrawn, segmentsByTurn, selectedId, hoveredId]);
  useTextMark(reader, 'palette-selection', palette, drawn);
  useTextMark(reader, 'reading-cursor', palette ? null : readingCursor.cursor, drawn);
  // Each turn's section carries its place in the document (`data-start`, through which the reader
  // maps selections and marks); what the turn draws inside it is relative to that place, so a
  // correction renders the corrected turn's TurnSection only (issue 28).
  const turnSections = useMemo(
    () =>
      (document?.turns ?? NO_TURNS).slice(firstDrawn, pastDrawn).map((item, i) => {
        const inTurn = segmentsByTurn.get(item.position) ?? EMPTY;
        const index = firstDrawn + i;
        const menuOpen = guideMenuTurn === item.position;
        return (
          <section
            key={item.position}
            className={`turn${item.position === turn ? ' turn--target' : ''}${guidedTurns.has(item.position) ? ' turn--guide' : ''}${menuOpen ? ' turn--menu' : ''}`}
            data-turn={item.position}
            data-index={index}
            data-start={item.start}
            tabIndex={-1}
            aria-label={t('transcript.turnLabel', { n: item.position + 1, speaker: item.speaker ?? t('transcript.noSpeaker') })}
          >
            <TurnSection
              position={item.position}
              speaker={item.speaker}
              startMs={item.startMs}
              page={item.page}
              text={item.text}
              documentId={document!.id}
              segments={inTurn}
              terms={termsByTurn.get(item.position) ?? NO_TERMS}
              labelsById={labelsById}
              selectedId={selectedId !== null && inTurn.some((s) => s.id === selectedId) ? selectedId : null}
              hoveredId={hoveredId !== null && inTurn.some((s) => s.id === hoveredId) ? hoveredId : null}
              memos={memosByTurn.get(item.position) ?? NO_MEMO_MAP}
              guideSpans={guideByTurn.get(item.position) ?? NO_SPANS}
              menu={menuOpen ? { guide, start: item.start, end: item.end } : null}
              tint={item.speaker ? tints.get(item.speaker) : undefined}
              editing={editingTurn === item.position ? { turn: item, speakers: document!.speakers, isLast: index === document!.turns.length - 1 } : null}
              onEdit={setEditingTurn}
              onToggleMenu={toggleGuideMenu}
              onCloseMenu={closeGuideMenu}
              onHover={setHoveredId}
              onSelect={selectSegment}
              onOpenMemo={openMemo}
              t={t}
            />
          </section>
        );
      }),
    [document, firstDrawn, pastDrawn, segmentsByTurn, termsByTurn, labelsById, selectedId, hoveredId, memosByTurn, openMemo, guideByTurn, guideMenuTurn, guide, tints, turn, guidedTurns, toggleGuideMenu, closeGuideMenu, selectSegment, editingTurn, t],
  );
  return (
    <div className="reader-layout">
      <DocumentList documents={documents} currentId={id} navigate={navigate} />

      <article className="reader" ref={reader} tabIndex={0} aria-busy={!document} aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Enter E" aria-description={t('transcript.cursorHint')} onMouseUp={onMouseUp} onClick={onClick}>
        <p className="visually-hidden" aria-live="polite" data-testid="cursor-position">
          {cursorTurn && readingCursor.cursor && document
            ? t('transcript.cursorAt', { speaker: cursorTurn.speaker ?? t('transcript.noSpeaker'), n: cursorTurn.position + 1, words: document.text.slice(readingCursor.cursor.start, Math.min(readingCursor.cursor.end, readingCursor.cursor.start + 120)) })
            : ''}
        </p>
        {document ? (
          <>
            <ReaderHeader document={document} turn={turn} query={query} coders={coders} shown={segments.length} total={allSegments.length} onAutocode={() => setAutocodeOpen(true)} />
            <FlaggedPassages segments={allSegments} labelsById={labelsById} selectionInReader={selectionInReader} />
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

      <TranscriptDetails document={document} segment={document ? panelSegment : null} labelsById={labelsById} onAddLabel={(s) => openPaletteOn(s, 'label')} onMarkGuide={(s) => openPaletteOn(s, 'guide')} focusMemoOf={memoFocus} onMemoFocused={memoFocused} />

      {palette && document && (
        <CodingPalette
          key={`${palette.start}-${palette.end}-${palette.mode}`}
          anchor={palette}
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
