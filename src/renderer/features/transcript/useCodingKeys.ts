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
 * its only label, L and G open the palette (labels, guide), Alt+arrows widen or narrow it by a word
 * (with Shift, at its start). Quiet while the palette is open or the user types.
 */
export function useCodingKeys(props: {
  reader: RefObject<HTMLElement | null>;
  document: DocumentDetail | null;
  selected: Segment | null;
  paletteOpen: boolean;
  openPaletteFor(start: number, end: number, rect: DOMRect, mode?: PaletteMode): void;
}) {
  const { reader, document, selected, paletteOpen, openPaletteFor } = props;
  const recentLabelIds = useStore((s) => s.recentLabelIds);
  const selectSegment = useStore((s) => s.selectSegment);
  const applyLabel = useStore((s) => s.applyLabel);
  const removeCoding = useStore((s) => s.removeCoding);
  const resizeSegment = useStore((s) => s.resizeSegment);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (paletteOpen || typingIn(event.target) || !selected || !document) return;
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
  }, [paletteOpen, selected, document, recentLabelIds, applyLabel, removeCoding, resizeSegment, selectSegment, openPaletteFor, reader]);
}
