import { useEffect, useState, type ReactNode } from 'react';
import { GroupedList, type GroupedItem } from './GroupedList.tsx';

/**
 * The screen of round 3's lists (learning questions, tensions): the items by group on the left, the
 * chosen one in the middle (the first when none is chosen), an empty state that teaches the first
 * step, and the dialog that makes a new one. An address naming an item that is gone (deleted, undone)
 * falls back to the list.
 */
export function ItemScreen<T extends { id: string }>(props: {
  items: T[];
  /** The list has been read: until then nothing is gone and nothing is empty. */
  loaded: boolean;
  id: string | null;
  choose(id: string | null): void;
  toItem(item: T): GroupedItem;
  onMove(id: string, index: number): void;
  text: { list: string; title: string; new: string; noGroup: string; emptyTitle: string; emptyHelp: string };
  page(item: T): ReactNode;
  newDialog(dialog: { open: boolean; onClose(): void; onCreated(item: T): void }): ReactNode;
}) {
  const { items, loaded, id, choose } = props;
  const [creating, setCreating] = useState(false);
  const selected = items.find((x) => x.id === id) ?? (id === null ? items[0] : undefined) ?? null;
  useEffect(() => {
    if (loaded && id && !items.some((x) => x.id === id)) choose(null);
  }, [loaded, id, items, choose]);
  return (
    <div className="split">
      <GroupedList
        label={props.text.list}
        title={props.text.title}
        items={items.map(props.toItem)}
        selectedId={selected?.id ?? null}
        onSelect={choose}
        onNew={() => setCreating(true)}
        newLabel={props.text.new}
        noGroup={props.text.noGroup}
        onMove={props.onMove}
      />
      <div className="split__main">
        <div className="split__inner">
          {selected ? (
            props.page(selected)
          ) : (
            loaded && (
              <section className="empty-state">
                <h1>{props.text.emptyTitle}</h1>
                <p>{props.text.emptyHelp}</p>
                <button type="button" className="button button--primary empty-state__action" onClick={() => setCreating(true)}>
                  + {props.text.new}
                </button>
              </section>
            )
          )}
        </div>
      </div>
      {props.newDialog({
        open: creating,
        onClose: () => setCreating(false),
        onCreated: (item) => {
          setCreating(false);
          choose(item.id);
        },
      })}
    </div>
  );
}
