import Fuse from 'fuse.js';
import { useMemo, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSection } from '../../../shared/model.ts';
import { PaletteCombobox, type PaletteAnchor } from './PaletteCombobox.tsx';

/** A section or one of its questions, as the palette lists them. */
interface GuideItem {
  key: string;
  sectionId: string;
  questionId: string | null;
  section: string;
  text: string;
}

function guideItems(guide: GuideSection[]): GuideItem[] {
  return guide.flatMap((s) => [
    { key: s.id, sectionId: s.id, questionId: null, section: s.title, text: s.title },
    ...s.questions.map((q) => ({ key: q.id, sectionId: s.id, questionId: q.id, section: s.title, text: q.text })),
  ]);
}

/** The palette's second face: the interview guide, filtered by what is typed; Enter marks. */
export function GuidePalette(props: {
  anchor: PaletteAnchor;
  guide: GuideSection[];
  query: string;
  onQuery(value: string): void;
  onMark(sectionId: string, questionId: string | null): void;
  onBack(): void;
  onClose(): void;
  input: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const items = useMemo(() => guideItems(props.guide), [props.guide]);
  const fuse = useMemo(() => new Fuse(items, { keys: [{ name: 'text', weight: 2 }, 'section'], threshold: 0.35, ignoreLocation: true }), [items]);
  const typed = props.query.trim();
  const shown = typed ? fuse.search(typed, { limit: 12 }).map((r) => r.item) : items;

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'g') || (event.key === 'Backspace' && props.query === '')) {
      event.preventDefault();
      props.onBack();
    }
  };

  return (
    <PaletteCombobox
      className="palette palette--guide"
      label={t('coding.guidePaletteLabel')}
      placeholder={t('coding.guidePlaceholder')}
      anchor={props.anchor}
      input={props.input}
      query={props.query}
      onQuery={props.onQuery}
      options={shown}
      keyOf={(item) => item.key}
      optionClass={(item) => (item.questionId ? 'palette__question' : 'palette__section')}
      renderOption={(item) => (
        <>
          <span className="palette__name">{item.questionId ? item.text : `§ ${item.text}`}</span>
          {item.questionId && typed ? <span className="muted small">{item.section}</span> : null}
        </>
      )}
      onPick={(item) => props.onMark(item.sectionId, item.questionId)}
      onClose={props.onClose}
      onKey={onKey}
      empty={
        items.length === 0 ? <li className="palette__empty">{t('coding.noGuide')}</li>
        : shown.length === 0 ? <li className="palette__empty">{t('coding.noGuideMatch')}</li>
        : null
      }
    >
      <button
        className="palette__invivo"
        onMouseDown={(e) => {
          e.preventDefault();
          props.onBack();
        }}
      >
        ← {t('coding.backToLabels')} <kbd>Ctrl+G</kbd>
      </button>
    </PaletteCombobox>
  );
}
