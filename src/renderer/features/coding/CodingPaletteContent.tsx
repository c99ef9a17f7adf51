import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSection, Label } from '../../../shared/model.ts';
import { GuidePalette } from './GuidePalette.tsx';
import { PaletteCombobox, type PaletteAnchor } from './PaletteCombobox.tsx';
import { inVivoName } from './in-vivo.ts';
import { createLabelSearch, labelNamed, searchLabels } from './label-search.ts';

export type PaletteChoice = { labelId: string } | { labelName: string; origin: 'emergent' | 'in-vivo' };
export type PaletteMode = 'label' | 'guide';

/**
 * The quick palette that opens on a selection: type to find a label (name and definition, fuzzy),
 * Enter applies it; a name that does not exist yet becomes a new emergent label; Ctrl+I makes an
 * in-vivo label of the selected words; with an empty field, 1–9 apply the recently used labels.
 * Ctrl+G (or typing § first) turns it into a list of the interview guide's sections and questions:
 * Enter marks the selection as answering the chosen one.
 */
export function CodingPaletteContent(props: {
  anchor: PaletteAnchor;
  selectedText: string;
  labels: Label[];
  recentLabelIds: string[];
  guide: GuideSection[];
  initialMode?: PaletteMode;
  onChoose(choice: PaletteChoice): void;
  onMarkGuide(sectionId: string, questionId: string | null): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<PaletteMode>(props.initialMode ?? 'label');
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const fuse = useMemo(() => createLabelSearch(props.labels), [props.labels]);
  const recent = props.recentLabelIds.map((id) => props.labels.find((l) => l.id === id)).filter((l): l is Label => l !== undefined);
  const typed = query.trim();
  const found = typed ? searchLabels(fuse, typed) : recent.length ? recent : props.labels.slice(0, 9);
  const exact = typed ? labelNamed(fuse, typed) : undefined;
  // The top row is what Enter takes without a move: the label of exactly that name, or else a new
  // label of the typed name, never a merely close one (those follow, to be chosen with the arrows).
  const top = typed
    ? exact
      ? [{ key: exact.id, choice: { labelId: exact.id } as PaletteChoice, label: exact, text: exact.name }]
      : [{ key: 'new', choice: { labelName: typed, origin: 'emergent' } as PaletteChoice, label: undefined, text: t('coding.newLabel', { name: typed }) }]
    : [];
  const options: Array<{ key: string; choice: PaletteChoice; label?: Label; text: string }> = [
    ...top,
    ...found.filter((label) => label !== exact).map((label) => ({ key: label.id, choice: { labelId: label.id } as PaletteChoice, label, text: label.name })),
  ];
  const inVivo = inVivoName(props.selectedText);

  useEffect(() => input.current?.focus(), [mode]);

  const switchMode = (next: PaletteMode) => {
    setMode(next);
    setQuery('');
  };
  const onQuery = (value: string) => {
    if (mode === 'label' && value.startsWith('§')) {
      setMode('guide');
      setQuery(value.slice(1).trimStart());
    } else setQuery(value);
  };

  if (mode === 'guide') {
    return (
      <GuidePalette
        anchor={props.anchor}
        guide={props.guide}
        query={query}
        onQuery={onQuery}
        onMark={props.onMarkGuide}
        onBack={() => switchMode('label')}
        onClose={props.onClose}
        input={input}
      />
    );
  }

  type Option = (typeof options)[number];
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'g') {
      event.preventDefault();
      switchMode('guide');
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
    <PaletteCombobox<Option>
      className="palette"
      label={t('coding.paletteLabel')}
      placeholder={t('coding.palettePlaceholder')}
      anchor={props.anchor}
      input={input}
      query={query}
      onQuery={onQuery}
      options={options}
      // With nothing typed no row is taken by Enter until the arrows move to one (the number keys apply the recent ones).
      startActive={typed ? 0 : -1}
      keyOf={(option) => option.key}
      renderOption={(option) => {
        const number = !typed ? recent.indexOf(option.label!) + 1 : 0;
        return (
          <>
            {option.label ? <span className="swatch" style={{ background: option.label.colour }} /> : <span className="swatch swatch--new">+</span>}
            <span className="palette__name">{option.text}</span>
            {number > 0 && <kbd>{number}</kbd>}
          </>
        );
      }}
      onPick={(option) => props.onChoose(option.choice)}
      onClose={props.onClose}
      onKey={onKey}
      empty={options.length === 0 ? <li className="palette__empty">{t('coding.typeToCreate')}</li> : null}
    >
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
      <button
        className="palette__invivo palette__guide"
        onMouseDown={(e) => {
          e.preventDefault();
          switchMode('guide');
        }}
      >
        § {t('coding.toGuide')} <kbd>Ctrl+G</kbd>
      </button>
    </PaletteCombobox>
  );
}
