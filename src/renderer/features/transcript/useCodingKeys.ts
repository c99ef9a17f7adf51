import { useEffect, type RefObject } from 'react';
import type { DocumentDetail, Segment } from '../../../shared/model.ts';
import { moveEndByWord, moveStartByWord } from '../../../shared/text/words.ts';
import { useStore } from '../../store/index.ts';
import type { PaletteMode } from '../coding/CodingPalette.tsx';

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);
}

/**
 * Keyboard coding on the selected segment: Escape lets it go, 1–9 add a recent label, Delete removes
 * its only label, L and G open the palette (labels, guide), M opens its memo, Alt+arrows widen or narrow it by a word
 * (with Shift, at its start). Quiet while the palette is open or the user types. They act only on a
 * segment in view: one scrolled away is brought into view first.
 */
export function useCodingKeys(props: {
  reader: RefObject<HTMLElement | null>;
  document: DocumentDetail | null;
  selected: Segment | null;
  paletteOpen: boolean;
  openPaletteFor(start: number, end: number, rect: DOMRect, mode?: PaletteMode): void;
  openMemo(segmentId: string): void;
  reveal(index: number, then?: (element: HTMLElement) => void): void;
}) {
  const { reader, document, selected, paletteOpen, openPaletteFor, openMemo, reveal } = props;
  const recentLabelIds = useStore((s) => s.recentLabelIds);
  const selectSegment = useStore((s) => s.selectSegment);
  const applyLabel = useStore((s) => s.applyLabel);
  const removeCoding = useStore((s) => s.removeCoding);
  const resizeSegment = useStore((s) => s.resizeSegment);
  useEffect(() => {
    // The selected segment's highlight when it lies (at least partly) in the reader's view, else null.
    const shown = (): HTMLElement | null => {
      const el = reader.current?.querySelector<HTMLElement>('.coded.is-selected');
      if (!el || !reader.current) return null;
      const view = reader.current.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return box.bottom > view.top + 4 && box.top < view.bottom - 4 ? el : null;
    };
    const onKey = (event: KeyboardEvent) => {
      if (paletteOpen || typingIn(event.target) || !selected || !document) return;
      const text = document.text;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      const key = event.key.toLowerCase();
      let act: ((el: HTMLElement) => void) | null = null;
      if (event.key === 'Escape') {
        selectSegment(null);
        event.preventDefault();
        return;
      } else if (/^[1-9]$/.test(event.key) && plain) {
        const labelId = recentLabelIds[Number(event.key) - 1];
        if (labelId) act = () => void applyLabel({ documentId: document.id, start: selected.start, end: selected.end, labelId });
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selected.codings.length === 1) {
        act = () => void removeCoding(selected.id, selected.codings[0]!.labelId);
      } else if ((key === 'l' || key === 'g') && plain) {
        act = (el) => openPaletteFor(selected.start, selected.end, el.getBoundingClientRect(), key === 'g' ? 'guide' : 'label');
      } else if (key === 'm' && plain) {
        act = () => openMemo(selected.id);
      } else if (event.altKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
        const widen = event.key === 'ArrowRight' ? !event.shiftKey : event.shiftKey;
        const start = event.shiftKey ? moveStartByWord(text, selected.start, selected.end, widen ? 'widen' : 'narrow') : selected.start;
        const end = event.shiftKey ? selected.end : moveEndByWord(text, selected.start, selected.end, widen ? 'widen' : 'narrow');
        if (start !== selected.start || end !== selected.end) act = () => void resizeSegment(selected.id, start, end);
      } else return;
      event.preventDefault();
      if (!act) return;
      const el = shown();
      if (el) return act(el);
      // A key acts only on a segment the researcher can see: one scrolled out of view is brought
      // back first. Delete stops there (a second press removes what is now in sight); the others
      // act on it once it is shown. "L" once opened the palette for a segment off-screen (issue 21).
      const destructive = event.key === 'Delete' || event.key === 'Backspace';
      const then = (found: HTMLElement | null) => {
        if (found && !destructive) act(found);
      };
      const drawn = reader.current?.querySelector<HTMLElement>('.coded.is-selected');
      if (drawn) {
        drawn.scrollIntoView({ block: 'center' });
        then(drawn);
      } else {
        const index = document.turns.findIndex((turn) => selected.start >= turn.start && selected.start < turn.end);
        if (index >= 0) reveal(index, () => then(reader.current?.querySelector<HTMLElement>('.coded.is-selected') ?? null));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paletteOpen, selected, document, recentLabelIds, applyLabel, removeCoding, resizeSegment, selectSegment, openPaletteFor, openMemo, reader, reveal]);
}
