import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface GroupedItem {
  id: string;
  title: string;
  group: string;
  /** Small text under the title (kind, counts). */
  meta?: ReactNode;
  /** Something is left to do for this item. */
  open?: boolean;
}

/**
 * The left-hand list of round 3: items under the headings of their group (level, tension group),
 * in the researcher's order. Alt+↑/↓ moves the focused item one place in the whole order.
 */
export function GroupedList(props: { label: string; title: string; items: GroupedItem[]; selectedId: string | null; onSelect(id: string): void; onNew(): void; newLabel: string; noGroup: string; onMove(id: string, index: number): void }) {
  const { t } = useTranslation();
  const groups: Array<{ name: string; items: Array<GroupedItem & { index: number }> }> = [];
  props.items.forEach((item, index) => {
    let group = groups.find((g) => g.name === item.group);
    if (!group) groups.push((group = { name: item.group, items: [] }));
    group.items.push({ ...item, index });
  });
  const onKey = (event: KeyboardEvent, index: number, id: string) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const to = index + (event.key === 'ArrowUp' ? -1 : 1);
    if (to >= 0 && to < props.items.length) props.onMove(id, to);
  };
  return (
    <nav className="side-list" aria-label={props.label}>
      <div className="side-list__head">
        <h2 className="eyebrow">{props.title}</h2>
        <button type="button" className="button button--small button--primary" onClick={props.onNew}>
          + {props.newLabel}
        </button>
      </div>
      {groups.map((group) => (
        <section key={group.name} className="side-list__group" aria-label={group.name || props.noGroup}>
          <h3 className="side-list__group-name">{group.name || props.noGroup}</h3>
          <ul className="side-list__items">
            {group.items.map((item) => (
              <li key={item.id} onKeyDown={(e) => onKey(e, item.index, item.id)}>
                <button
                  type="button"
                  className={`side-list__item side-list__item--long${item.id === props.selectedId ? ' is-active' : ''}`}
                  aria-current={item.id === props.selectedId ? 'true' : undefined}
                  title={t('rounds.moveHint')}
                  onClick={() => props.onSelect(item.id)}
                >
                  <span className="side-list__text">
                    <span className="side-list__name">{item.title}</span>
                    {item.meta && <span className="side-list__meta">{item.meta}</span>}
                  </span>
                  {item.open && (
                    <span className="side-list__open" title={t('rounds.itemOpen')}>
                      <span aria-hidden="true">•</span>
                      <span className="visually-hidden">{t('rounds.itemOpen')}</span>
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
