import Fuse from 'fuse.js';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/model.ts';

export type PaletteChoice = { labelId: string } | { labelName: string; origin: 'emergent' | 'in-vivo' };

/**
 * The quick palette that opens on a selection: type to find a label (name and definition, fuzzy),
 * Enter applies it; a name that does not exist yet becomes a new emergent label; Ctrl+I makes an
 * in-vivo label of the selected words; with an empty field, 1–9 apply the recently used labels.
 */
export function CodingPalette(props: {
  position: { left: number; top: number };
  selectedText: string;
  labels: Label[];
  recentLabelIds: string[];
  onChoose(choice: PaletteChoice): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const fuse = useMemo(() => new Fuse(props.labels, { keys: [{ name: 'name', weight: 3 }, 'definition'], threshold: 0.35, ignoreLocation: true }), [props.labels]);
  const recent = props.recentLabelIds.map((id) => props.labels.find((l) => l.id === id)).filter((l): l is Label => l !== undefined);
  const typed = query.trim();
  const found = typed ? fuse.search(typed, { limit: 8 }).map((r) => r.item) : recent.length ? recent : props.labels.slice(0, 9);
  const exact = props.labels.some((l) => l.name.toLocaleLowerCase('nl') === typed.toLocaleLowerCase('nl'));
  const options: Array<{ key: string; choice: PaletteChoice; label?: Label; text: string }> = [
    ...found.map((label) => ({ key: label.id, choice: { labelId: label.id } as PaletteChoice, label, text: label.name })),
    ...(typed && !exact ? [{ key: 'new', choice: { labelName: typed, origin: 'emergent' } as PaletteChoice, text: t('coding.newLabel', { name: typed }) }] : []),
  ];
  const inVivo = props.selectedText.replace(/\s+/g, ' ').trim().slice(0, 80);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[active];
      if (option) props.onChoose(option.choice);
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'i') {
      event.preventDefault();
      if (inVivo) props.onChoose({ labelName: inVivo, origin: 'in-vivo' });
    } else if (!typed && /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey) {
      const label = recent[Number(event.key) - 1];
      if (label) {
        event.preventDefault();
        props.onChoose({ labelId: label.id });
      }
    }
  };

  return (
    <div className="palette" role="dialog" aria-label={t('coding.paletteLabel')} style={{ left: props.position.left, top: props.position.top }}>
      <input
        ref={input}
        className="palette__input"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKey}
        placeholder={t('coding.palettePlaceholder')}
        aria-label={t('coding.paletteLabel')}
        aria-controls="palette-options"
        aria-activedescendant={options[active] ? `palette-${options[active].key}` : undefined}
        role="combobox"
        aria-expanded="true"
      />
      <ul id="palette-options" className="palette__options" role="listbox">
        {options.map((option, i) => {
          const number = !typed ? recent.indexOf(option.label!) + 1 : 0;
          return (
            <li
              key={option.key}
              id={`palette-${option.key}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                props.onChoose(option.choice);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {option.label ? <span className="swatch" style={{ background: option.label.colour }} /> : <span className="swatch swatch--new">+</span>}
              <span className="palette__name">{option.text}</span>
              {number > 0 && <kbd>{number}</kbd>}
            </li>
          );
        })}
        {options.length === 0 && <li className="palette__empty">{t('coding.typeToCreate')}</li>}
      </ul>
      {inVivo && (
        <button
          className="palette__invivo"
          onMouseDown={(e) => {
            e.preventDefault();
            props.onChoose({ labelName: inVivo, origin: 'in-vivo' });
          }}
        >
          {t('coding.inVivo', { name: inVivo.length > 40 ? `${inVivo.slice(0, 40)}…` : inVivo })} <kbd>Ctrl+I</kbd>
        </button>
      )}
    </div>
  );
}
