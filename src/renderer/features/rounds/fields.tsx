import Fuse from 'fuse.js';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavedDraft } from '../../components/saved-draft.ts';

/** Fields of the round 2/3 pages; each saves when it is left (see saved-draft.ts). */
export function SavedInput(props: { label: string; value: string; onSave(value: string): void; placeholder?: string; className?: string; required?: boolean; hideLabel?: boolean; list?: string }) {
  const id = useId();
  const field = useSavedDraft(props.value, props.onSave, { required: props.required });
  return (
    <div className={`field saved-field${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input id={id} list={props.list} placeholder={props.placeholder} {...field} />
    </div>
  );
}

/**
 * Short statements in order (findings, implications): edit in place, add at the end, remove, move
 * up and down. The whole list is saved at once.
 */
export function LineList(props: { label: string; lines: string[]; onSave(lines: string[]): void; addLabel: string; placeholder: string; prefix?: string }) {
  const { t } = useTranslation();
  const [fresh, setFresh] = useState('');
  const { lines } = props;
  const save = (next: string[]) => props.onSave(next.map((l) => l.trim()).filter(Boolean));
  const move = (i: number, by: number) => {
    const next = [...lines];
    const [line] = next.splice(i, 1);
    next.splice(i + by, 0, line!);
    save(next);
  };
  const add = () => {
    if (!fresh.trim()) return;
    save([...lines, fresh]);
    setFresh('');
  };
  return (
    <fieldset className="line-list">
      <legend>{props.label}</legend>
      <ol className="line-list__items">
        {lines.map((line, i) => (
          <li key={`${i}:${line}`} className="line-list__item">
            {props.prefix && <span className="line-list__prefix" aria-hidden="true">{props.prefix}</span>}
            <SavedInput label={t('rounds.lineN', { what: props.label, n: i + 1 })} hideLabel value={line} onSave={(value) => save(lines.map((l, j) => (j === i ? value : l)))} />
            <span className="line-list__tools">
              <button type="button" className="icon-button" disabled={i === 0} aria-label={t('rounds.moveUp')} title={t('rounds.moveUp')} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" className="icon-button" disabled={i === lines.length - 1} aria-label={t('rounds.moveDown')} title={t('rounds.moveDown')} onClick={() => move(i, 1)}>
                ↓
              </button>
              <button type="button" className="icon-button" aria-label={t('rounds.removeLine', { text: line })} title={t('rounds.remove')} onClick={() => save(lines.filter((_, j) => j !== i))}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="line-list__add">
        {props.prefix && <span className="line-list__prefix" aria-hidden="true">{props.prefix}</span>}
        <input
          value={fresh}
          aria-label={props.addLabel}
          placeholder={props.placeholder}
          onChange={(e) => setFresh(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--small" disabled={!fresh.trim()} onClick={add}>
          + {props.addLabel}
        </button>
      </div>
    </fieldset>
  );
}

export interface PickItem {
  id: string;
  name: string;
  colour?: string;
  hint?: string;
}

/** A fuzzy search over a short list (labels, concepts): type, arrows, Enter picks. */
export function FuzzyPick(props: { items: PickItem[]; label: string; placeholder: string; onPick(id: string): void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const fuse = useMemo(() => new Fuse(props.items, { keys: ['name'], threshold: 0.4, ignoreLocation: true }), [props.items]);
  const typed = query.trim();
  const rows = (typed ? fuse.search(typed, { limit: 30 }).map((r) => r.item) : props.items).slice(0, 60);
  const listId = useId();
  const pick = (id: string) => {
    props.onPick(id);
    setQuery('');
    setActive(0);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(rows.length - 1, a + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Enter' && rows[active]) {
      event.preventDefault();
      pick(rows[active].id);
    }
  };
  return (
    <div className="fuzzy-pick">
      <input
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={rows[active] ? `${listId}-${rows[active].id}` : undefined}
        aria-label={props.label}
        placeholder={props.placeholder}
        value={query}
        autoFocus={props.autoFocus}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label={props.label} className="fuzzy-pick__list">
        {rows.length === 0 && <li className="muted small fuzzy-pick__none">{t('rounds.noMatch')}</li>}
        {rows.map((item, i) => (
          <li
            key={item.id}
            id={`${listId}-${item.id}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(item.id)}
          >
            {item.colour && <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />}
            <span className="fuzzy-pick__name">{item.name}</span>
            {item.hint && <span className="muted small">{item.hint}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The concepts an item connects: removable chips and a picker for more. */
export function ConceptChips(props: { conceptIds: string[]; concepts: PickItem[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const byId = new Map(props.concepts.map((c) => [c.id, c]));
  const rest = props.concepts.filter((c) => !props.conceptIds.includes(c.id));
  return (
    <div className="concept-chips">
      <ul className="pills" aria-label={t('rounds.concepts')}>
        {props.conceptIds.map((id) => {
          const concept = byId.get(id);
          if (!concept) return null;
          return (
            <li key={id} className="pill">
              <span className="swatch" style={{ background: concept.colour }} aria-hidden="true" />
              {concept.name}
              <button type="button" className="pill__remove" aria-label={t('rounds.removeConcept', { name: concept.name })} onClick={() => props.onChange(props.conceptIds.filter((x) => x !== id))}>
                ×
              </button>
            </li>
          );
        })}
        {props.conceptIds.length === 0 && <li className="muted small">{t('rounds.noConcepts')}</li>}
      </ul>
      {adding ? (
        <div className="concept-chips__pick" onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}>
          <FuzzyPick
            items={rest}
            label={t('rounds.addConcept')}
            placeholder={t('rounds.findConcept')}
            autoFocus
            onPick={(id) => {
              props.onChange([...props.conceptIds, id]);
              setAdding(false);
            }}
          />
          <button type="button" className="button button--small button--quiet" onClick={() => setAdding(false)}>
            {t('common.close')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--small" disabled={rest.length === 0} onClick={() => setAdding(true)}>
          + {t('rounds.addConcept')}
        </button>
      )}
    </div>
  );
}
