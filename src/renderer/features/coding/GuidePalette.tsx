import Fuse from 'fuse.js';
import { useEffect, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSection } from '../../../shared/model.ts';
import { listKey } from './palette-keys.ts';

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
  position: { left: number; top: number };
  guide: GuideSection[];
  query: string;
  onQuery(value: string): void;
  onMark(sectionId: string, questionId: string | null): void;
  onBack(): void;
  onClose(): void;
  input: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const items = useMemo(() => guideItems(props.guide), [props.guide]);
  const fuse = useMemo(() => new Fuse(items, { keys: [{ name: 'text', weight: 2 }, 'section'], threshold: 0.35, ignoreLocation: true }), [items]);
  const typed = props.query.trim();
  const shown = typed ? fuse.search(typed, { limit: 12 }).map((r) => r.item) : items;
  useEffect(() => setActive(0), [typed]);
  useEffect(() => {
    document.getElementById(`palette-${shown[active]?.key}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, shown]);

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const item = shown[active];
    if (listKey(event, shown.length, setActive, () => item && props.onMark(item.sectionId, item.questionId), props.onClose)) return;
    if (((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'g') || (event.key === 'Backspace' && props.query === '')) {
      event.preventDefault();
      props.onBack();
    }
  };

  return (
    <div className="palette palette--guide" role="dialog" aria-label={t('coding.guidePaletteLabel')} style={{ left: props.position.left, top: props.position.top }}>
      <input
        ref={props.input}
        className="palette__input"
        value={props.query}
        onChange={(e) => props.onQuery(e.target.value)}
        onKeyDown={onKey}
        placeholder={t('coding.guidePlaceholder')}
        aria-label={t('coding.guidePaletteLabel')}
        aria-controls="palette-options"
        aria-activedescendant={shown[active] ? `palette-${shown[active].key}` : undefined}
        role="combobox"
        aria-expanded="true"
      />
      <ul id="palette-options" className="palette__options" role="listbox">
        {shown.map((item, i) => (
          <li
            key={item.key}
            id={`palette-${item.key}`}
            role="option"
            aria-selected={i === active}
            className={`${i === active ? 'is-active' : ''} ${item.questionId ? 'palette__question' : 'palette__section'}`}
            onMouseDown={(e) => {
              e.preventDefault();
              props.onMark(item.sectionId, item.questionId);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="palette__name">{item.questionId ? item.text : `§ ${item.text}`}</span>
            {item.questionId && typed ? <span className="muted small">{item.section}</span> : null}
          </li>
        ))}
        {items.length === 0 && <li className="palette__empty">{t('coding.noGuide')}</li>}
        {items.length > 0 && shown.length === 0 && <li className="palette__empty">{t('coding.noGuideMatch')}</li>}
      </ul>
      <button
        className="palette__invivo"
        onMouseDown={(e) => {
          e.preventDefault();
          props.onBack();
        }}
      >
        ← {t('coding.backToLabels')} <kbd>Ctrl+G</kbd>
      </button>
    </div>
  );
}
