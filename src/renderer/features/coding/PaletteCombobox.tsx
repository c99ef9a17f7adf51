import { useEffect, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { listKey } from './palette-keys.ts';

/**
 * The shell both faces of the coding palette share (labels, interview guide): a floating dialog
 * with a combobox over a list of options, the active one followed by the arrows and the mouse,
 * Enter or a click taking it, Escape closing. What an option shows, the keys of its own and the
 * buttons below the list are the face's.
 */
export function PaletteCombobox<T>(props: {
  className: string;
  label: string;
  placeholder: string;
  position: { left: number; top: number };
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
  const start = props.startActive ?? 0;
  const [active, setActive] = useState(start);
  const { options, keyOf } = props;
  useEffect(() => setActive(start), [props.query, start]);
  const activeKey = options[active] ? keyOf(options[active]) : undefined;
  useEffect(() => {
    if (activeKey) document.getElementById(`palette-${activeKey}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const option = options[active];
    if (listKey(event, options.length, setActive, () => option !== undefined && props.onPick(option), props.onClose)) return;
    props.onKey?.(event, option);
  };

  return (
    <div className={props.className} role="dialog" aria-label={props.label} style={{ left: props.position.left, top: props.position.top }}>
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
