import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type SetStateAction, type ReactNode, type RefObject } from 'react';
import { listKey } from './palette-keys.ts';

/**
 * The shell both faces of the coding palette share (labels, interview guide): a floating dialog
 * with a combobox over a list of options, the active one followed by the arrows and the mouse,
 * Enter or a click taking it, Escape closing. What an option shows, the keys of its own and the
 * buttons below the list are the face's.
 */
export interface PaletteAnchor {
  left: number;
  top: number;
  bottom: number;
}

const EDGE = 8;

/**
 * Where a palette of this size lies: below the anchor, else above it, else as low as the window
 * allows; never past an edge. It was once placed from a guessed height and opened with its input
 * above the window's top edge (issue 21).
 */
export function placePalette(anchor: PaletteAnchor, width: number, height: number, view: { width: number; height: number }): { left: number; top: number } {
  const left = Math.max(EDGE, Math.min(anchor.left, view.width - width - EDGE));
  const below = anchor.bottom + EDGE;
  const above = anchor.top - EDGE - height;
  const top = below + height <= view.height - EDGE ? below : above >= EDGE ? above : Math.max(EDGE, view.height - height - EDGE);
  return { left, top };
}

export function PaletteCombobox<T>(props: {
  className: string;
  label: string;
  placeholder: string;
  /** What the palette belongs to, in the window's coordinates: it opens below it, or above it when there is no room. */
  anchor: PaletteAnchor;
  input: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery(value: string): void;
  options: T[];
  /** The row active when the query changes (-1: none, until an arrow moves to one). */
  startActive?: number;
  keyOf(option: T): string;
  optionClass?(option: T): string;
  renderOption(option: T, index: number): ReactNode;
  onPick(option: T): void;
  onClose(): void;
  /** A face's own keys, after the list's (arrows, Enter, Escape); `active` is the option they would take. */
  onKey?(event: KeyboardEvent<HTMLInputElement>, active: T | undefined): void;
  /** Shown under the options when there are none (or none that match). */
  empty: ReactNode;
  children?: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const start = props.startActive ?? 0;
  // The highlight belongs to the query it was moved under: a new query starts at `start` in the same
  // render. Reset in an effect, an Enter pressed right after typing still saw the old row (-1: none).
  const [moved, setMoved] = useState<{ query: string; active: number } | null>(null);
  const active = moved && moved.query === props.query ? moved.active : start;
  const setActive = (next: SetStateAction<number>) => setMoved({ query: props.query, active: typeof next === 'function' ? next(active) : next });
  const { options, keyOf } = props;
  const activeKey = options[active] ? keyOf(options[active]) : undefined;
  useEffect(() => {
    if (activeKey) document.getElementById(`palette-${activeKey}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeKey]);

  // After every render: the list grows and shrinks as the researcher types.
  const { left: anchorLeft, top: anchorTop, bottom: anchorBottom } = props.anchor;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const place = placePalette({ left: anchorLeft, top: anchorTop, bottom: anchorBottom }, el.offsetWidth, el.offsetHeight, { width: window.innerWidth, height: window.innerHeight });
    el.style.left = `${place.left}px`;
    el.style.top = `${place.top}px`;
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const option = options[active];
    if (listKey(event, options.length, setActive, () => option !== undefined && props.onPick(option), props.onClose)) return;
    props.onKey?.(event, option);
  };

  return (
    <div ref={box} className={props.className} role="dialog" aria-label={props.label}>
      <input
        ref={props.input}
        className="palette__input"
        value={props.query}
        onChange={(e) => props.onQuery(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={props.placeholder}
        aria-label={props.label}
        aria-controls="palette-options"
        aria-activedescendant={activeKey ? `palette-${activeKey}` : undefined}
        role="combobox"
        aria-expanded="true"
      />
      <ul id="palette-options" className="palette__options" role="listbox">
        {options.map((option, i) => (
          <li
            key={keyOf(option)}
            id={`palette-${keyOf(option)}`}
            role="option"
            aria-selected={i === active}
            className={[i === active ? 'is-active' : '', props.optionClass?.(option) ?? ''].filter(Boolean).join(' ')}
            onMouseDown={(e) => {
              e.preventDefault();
              props.onPick(option);
            }}
            onMouseEnter={() => setActive(i)}
          >
            {props.renderOption(option, i)}
          </li>
        ))}
        {props.empty}
      </ul>
      {props.children}
    </div>
  );
}
