import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NUMBERINGS, OUTLINE_TIE_KINDS, type Outline, type OutlineItem, type OutlineTieKind } from '../../../shared/analysis.ts';
import { useStore } from '../../store/index.ts';
import { SavedRichText } from '../../components/rich-text/SavedRichText.tsx';
import { richFromPlain } from '../../components/rich-text/plain-text.ts';
import { SavedInput } from '../rounds/fields.tsx';
import { QuotePicker } from '../rounds/QuotePicker.tsx';
import { itemDropIndex, sectionDrop, sectionStep, siblings, type Drop, type Section } from './moves.ts';
import { useConcepts, useLabels, useLearningQuestions, useTensions } from '../../data/reads.ts';
import { NumberingSelect } from './ReportLayout.tsx';
import { ChartPicker } from '../surveys/ChartPicker.tsx';
import { useData } from '../../data/index.ts';
import type { SurveyItem } from '../../../shared/surveys/model.ts';

const NO_SURVEY_ITEMS: SurveyItem[] = [];
import { QuoteItem } from './QuoteItem.tsx';

type DraftKind = 'finding' | 'implication' | 'paragraph';
type Dragging = { kind: 'item' | 'section'; id: string } | null;
type Target = { id: string; where: Drop } | null;

const whereIn = (event: DragEvent<HTMLElement>): Drop => {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY - box.top < box.height / 2 ? 'before' : 'after';
};

/** What a section is tied to: a learning question, tension, concept or label. */
function TieSelect({ section }: { section: Section }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateOutlineSection);
  const questions = useLearningQuestions();
  const tensions = useTensions();
  const concepts = useConcepts();
  const labels = useLabels();
  const options: Record<OutlineTieKind, Array<{ id: string; name: string }>> = {
    'learning-question': questions.map((q) => ({ id: q.id, name: q.question })),
    tension: tensions.map((x) => ({ id: x.id, name: x.title })),
    concept: concepts.map((c) => ({ id: c.id, name: c.name })),
    label: labels.map((l) => ({ id: l.id, name: l.name })),
  };
  const value = section.tie ? `${section.tie.kind}|${section.tie.id}` : '';
  return (
    <label className="outline-section__tie">
      <span>{t('outline.tie')}</span>
      <select
        value={value}
        onChange={(e) => {
          const [kind, id] = e.target.value.split('|') as [OutlineTieKind, string];
          void update({ id: section.id, tie: e.target.value ? { kind, id } : null });
        }}
      >
        <option value="">{t('outline.noTie')}</option>
        {OUTLINE_TIE_KINDS.map((kind) =>
          options[kind].length > 0 ? (
            <optgroup key={kind} label={t(`outline.tieKinds.${kind}`)}>
              {options[kind].map((o) => (
                <option key={o.id} value={`${kind}|${o.id}`}>
                  {o.name.length > 70 ? `${o.name.slice(0, 70)}…` : o.name}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
      </select>
    </label>
  );
}

/** Stored rich text, or the plain text as rich when only that is stored: a field never looks empty while its text prints. */
function richOf(rich: string | null, text: string): string | null {
  return rich ?? (text ? richFromPlain(text) : null);
}

/**
 * A finding's or implication's text, as many lines as it takes; saved when left and only when it
 * changed. Left empty it saves nothing: an existing item keeps its text, a new one is not made.
 */
function ItemText(props: { label: string; value: string; placeholder: string; autoFocus?: boolean; onSave(text: string): void }) {
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  const rows = Math.max(1, draft.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 60)), 0));
  return (
    <textarea
      className="outline-item__textarea"
      aria-label={props.label}
      value={draft}
      rows={rows}
      placeholder={props.placeholder}
      autoFocus={props.autoFocus}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        const text = draft.trim();
        if (!text) setDraft(props.value);
        else if (text !== props.value) props.onSave(text);
      }}
    />
  );
}

/**
 * A finding's bold title, printed by its bullet with the text as a paragraph under it. Shown while it
 * has one (or is being added, with "T+"); cleared, the finding is a plain bullet again.
 */
function FindingTitle(props: { value: string; autoFocus?: boolean; onSave?(title: string): void; onChange?(title: string): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  return (
    <input
      className="outline-item__title-input"
      aria-label={t('outline.findingTitle')}
      placeholder={t('outline.findingTitlePlaceholder')}
      value={draft}
      autoFocus={props.autoFocus}
      onChange={(e) => {
        setDraft(e.target.value);
        props.onChange?.(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
      }}
      onBlur={() => {
        props.onSave?.(draft.trim());
      }}
    />
  );
}

/** A chart item: what it shows, and the picker to change that; the picture itself is in the preview. */
function ChartItemBody({ item, outline }: { item: OutlineItem; outline: Outline }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateOutlineItem);
  const [editing, setEditing] = useState(false);
  const chart = item.chart!;
  const figures = outline.charts?.[item.id];
  return (
    <div className="outline-item__chart">
      <span className="outline-item__text">
        {chart.rows.join(', ')}
        {chart.by ? ` · ${t('outline.chartBy', { by: chart.by })}` : ''}
      </span>
      {figures && (figures.missing.length > 0 || figures.missingBy) && (
        <span className="bad small"> · {[...figures.missing, ...(figures.missingBy ? [figures.missingBy] : [])].join(', ')} ?</span>
      )}{' '}
      {!editing && (
        <button type="button" className="link-button small" onClick={() => setEditing(true)}>
          {t('outline.chartEdit')}
        </button>
      )}
      {editing && (
        <ChartPicker
          initial={chart}
          saveLabel={t('outline.chartSave')}
          onCancel={() => setEditing(false)}
          onSave={(next) => {
            setEditing(false);
            void update({ id: item.id, chart: next });
          }}
        />
      )}
    </div>
  );
}

function ItemBody({ item, outline, titling, onTitled }: { item: OutlineItem; outline: Outline; titling: boolean; onTitled(): void }) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateOutlineItem);
  switch (item.kind) {
    case 'chart':
      return <ChartItemBody item={item} outline={outline} />;
    case 'quote':
      return <QuoteItem item={item} outline={outline} />;
    case 'paragraph':
      return <SavedRichText label={t('outline.kinds.paragraph')} value={richOf(item.rich, item.text)} placeholder={t('outline.paragraphPlaceholder')} onSave={(rich, text) => void update({ id: item.id, rich, text })} />;
    case 'finding':
      return (
        <>
          {(item.title || titling) && (
            <FindingTitle
              value={item.title}
              autoFocus={titling}
              onSave={(title) => {
                onTitled();
                if (title !== item.title) void update({ id: item.id, title });
              }}
            />
          )}
          <ItemText label={t('outline.kinds.finding')} value={item.text} placeholder={t('outline.findingPlaceholder')} onSave={(text) => void update({ id: item.id, text })} />
        </>
      );
    default:
      return <ItemText label={t(`outline.kinds.${item.kind}`)} value={item.text} placeholder={t(`outline.${item.kind}Placeholder`)} onSave={(text) => void update({ id: item.id, text })} />;
  }
}

/**
 * A new item in place, with focus in it; saved as an item once something is typed (a finding: its
 * title or its text) when the focus leaves it, gone if left empty.
 */
function DraftItem({ kind, onSave, onLeave }: { kind: DraftKind; onSave(text: string, rich: string | null, title?: string): void; onLeave(): void }) {
  const { t } = useTranslation();
  const typed = useRef({ title: '', text: '' });
  return (
    <li
      className={`outline-item outline-item--${kind} is-draft`}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        const { title, text } = typed.current;
        if (kind !== 'paragraph' && (title.trim() || text.trim())) onSave(text.trim(), null, title.trim() || undefined);
        else onLeave();
      }}
    >
      <span className="drag-handle" aria-hidden>
        ⠿
      </span>
      <span className="outline-item__kind">{kind === 'implication' ? '-->' : t(`outline.kinds.${kind}`)}</span>
      <div className="outline-item__body">
        {kind === 'paragraph' ? (
          <SavedRichText label={t('outline.kinds.paragraph')} value={null} autoFocus placeholder={t('outline.paragraphPlaceholder')} onSave={(rich, text) => text.trim() && onSave(text, rich)} />
        ) : (
          <>
            {kind === 'finding' && <FindingTitle value="" onChange={(title) => (typed.current.title = title)} />}
            <textarea
              className="outline-item__textarea"
              aria-label={t(`outline.kinds.${kind}`)}
              rows={2}
              autoFocus
              placeholder={t(`outline.${kind}Placeholder`)}
              onChange={(e) => (typed.current.text = e.target.value)}
            />
          </>
        )}
      </div>
    </li>
  );
}

/** One section: its title, tie, introduction and items, with drag and keyboard moves for both. */
function SectionCard(props: { section: Section; outline: Outline; dragging: Dragging; setDragging(d: Dragging): void; target: Target; setTarget(t: Target): void }) {
  const { t } = useTranslation();
  const { section, outline, dragging } = props;
  const updateSection = useStore((s) => s.updateOutlineSection);
  const moveSection = useStore((s) => s.moveOutlineSection);
  const deleteSection = useStore((s) => s.deleteOutlineSection);
  const addSection = useStore((s) => s.addOutlineSection);
  const addItem = useStore((s) => s.addOutlineItem);
  const moveItem = useStore((s) => s.moveOutlineItem);
  const deleteItem = useStore((s) => s.deleteOutlineItem);
  const [picking, setPicking] = useState(false);
  const [intro, setIntro] = useState(Boolean(section.rich || section.text));
  const [draft, setDraft] = useState<{ kind: DraftKind; index: number } | null>(null);
  // Where a new chart goes while its picker is open.
  const [chartDraft, setChartDraft] = useState<number | null>(null);
  const surveyItems = useData('surveys/items', {}, NO_SURVEY_ITEMS);
  // The finding whose new title is being typed.
  const [titling, setTitling] = useState<string | null>(null);
  // The item the researcher was last in: new items go right after it.
  const cursor = useRef<number | null>(null);
  const insertAt = () => (cursor.current === null ? section.items.length : Math.min(cursor.current + 1, section.items.length));

  const step = (s: 'up' | 'down' | 'in' | 'out') => {
    const to = sectionStep(outline, section.id, s);
    if (to) void moveSection({ id: section.id, ...to });
  };
  const onSectionKey = (event: KeyboardEvent) => {
    if (!event.altKey) return;
    const map: Record<string, 'up' | 'down' | 'in' | 'out'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'in', ArrowLeft: 'out' };
    const s = map[event.key];
    if (!s) return;
    event.preventDefault();
    step(s);
  };
  const onItemKey = (event: KeyboardEvent, item: OutlineItem, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    event.stopPropagation();
    const up = event.key === 'ArrowUp';
    if (up && index > 0) void moveItem({ id: item.id, sectionId: section.id, index: index - 1 });
    else if (!up && index < section.items.length - 1) void moveItem({ id: item.id, sectionId: section.id, index: index + 1 });
  };

  const onDropSection = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    props.setTarget(null);
    if (!dragging) return;
    if (dragging.kind === 'item') {
      void moveItem({ id: dragging.id, sectionId: section.id, index: itemDropIndex(outline, dragging.id, section.id, null, 'after') });
    } else if (dragging.id !== section.id) {
      const to = sectionDrop(outline, dragging.id, section.id, whereIn(event));
      if (to) void moveSection({ id: dragging.id, ...to });
    }
    props.setDragging(null);
  };
  const onDropItem = (event: DragEvent<HTMLElement>, item: OutlineItem) => {
    if (dragging?.kind !== 'item') return;
    event.preventDefault();
    event.stopPropagation();
    props.setTarget(null);
    if (dragging.id !== item.id) void moveItem({ id: dragging.id, sectionId: section.id, index: itemDropIndex(outline, dragging.id, section.id, item.id, whereIn(event)) });
    props.setDragging(null);
  };
  const withDraft = (nodes: ReactNode[]): ReactNode[] => {
    if (chartDraft !== null) {
      const out = [...nodes];
      out.splice(
        Math.min(chartDraft, out.length),
        0,
        <li key="chart-draft" className="outline-item outline-item--chart is-draft">
          <span className="drag-handle" aria-hidden>
            ⠿
          </span>
          <span className="outline-item__kind">{t('outline.kinds.chart')}</span>
          <div className="outline-item__body">
            <ChartPicker
              initial={{ rows: [], by: null }}
              saveLabel={t('outline.chartAdd')}
              onCancel={() => setChartDraft(null)}
              onSave={(chart) => {
                const index = chartDraft;
                setChartDraft(null);
                cursor.current = index;
                void addItem({ sectionId: section.id, kind: 'chart', index, chart });
              }}
            />
          </div>
        </li>,
      );
      return out;
    }
    if (!draft) return nodes;
    const out = [...nodes];
    out.splice(
      Math.min(draft.index, out.length),
      0,
      <DraftItem
        key="draft"
        kind={draft.kind}
        onSave={(text, rich, title) => {
          setDraft(null);
          cursor.current = draft.index;
          void addItem({ sectionId: section.id, kind: draft.kind, index: draft.index, text, ...(rich ? { rich } : {}), ...(title ? { title } : {}) });
        }}
        onLeave={() => setDraft(null)}
      />,
    );
    return out;
  };
  const sibs = siblings(outline, section.parentId);
  const at = sibs.findIndex((s) => s.id === section.id);
  const targetClass = (id: string) => (props.target?.id === id ? ` is-drop-${props.target.where}` : '');

  return (
    <section
      className={`outline-section outline-section--d${Math.min(section.depth, 3)}${targetClass(section.id)}${dragging?.id === section.id ? ' is-dragging' : ''}`}
      style={{ marginLeft: section.depth * 24 }}
      aria-label={section.title}
      data-section-id={section.id}
      onDragOver={(event) => {
        if (!dragging || dragging.id === section.id) return;
        event.preventDefault();
        if (dragging.kind === 'section') props.setTarget({ id: section.id, where: whereIn(event) });
        else if (props.target?.id !== section.id) props.setTarget({ id: section.id, where: 'after' });
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null) && props.target?.id === section.id) props.setTarget(null);
      }}
      onDrop={onDropSection}
    >
      <header className="outline-section__head" onKeyDown={onSectionKey}>
        <span
          className="drag-handle"
          draggable
          role="button"
          tabIndex={0}
          aria-label={t('outline.dragSection', { title: section.title })}
          title={t('outline.dragSectionHint')}
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', section.title);
            props.setDragging({ kind: 'section', id: section.id });
          }}
          onDragEnd={() => {
            props.setDragging(null);
            props.setTarget(null);
          }}
        >
          ⠿
        </span>
        <SavedInput className="outline-section__title" label={t('outline.sectionTitle')} hideLabel required value={section.title} onSave={(title) => void updateSection({ id: section.id, title })} />
        <span className="outline-section__tools">
          <button type="button" className="icon-button" disabled={at <= 0} aria-label={t('outline.sectionUp')} title={`${t('outline.sectionUp')} (Alt+↑)`} onClick={() => step('up')}>
            ↑
          </button>
          <button type="button" className="icon-button" disabled={at >= sibs.length - 1} aria-label={t('outline.sectionDown')} title={`${t('outline.sectionDown')} (Alt+↓)`} onClick={() => step('down')}>
            ↓
          </button>
          <button type="button" className="icon-button" disabled={at <= 0} aria-label={t('outline.sectionIn')} title={`${t('outline.sectionIn')} (Alt+→)`} onClick={() => step('in')}>
            →
          </button>
          <button type="button" className="icon-button" disabled={!section.parentId} aria-label={t('outline.sectionOut')} title={`${t('outline.sectionOut')} (Alt+←)`} onClick={() => step('out')}>
            ←
          </button>
          <button type="button" className="icon-button" aria-label={t('outline.deleteSection', { title: section.title })} title={t('outline.deleteSection', { title: section.title })} onClick={() => void deleteSection(section.id)}>
            ×
          </button>
        </span>
      </header>
      <div className="outline-section__meta">
        <TieSelect section={section} />
        {outline.sections.some((s) => s.parentId === section.id) && (
        <NumberingSelect
          className="outline-section__numbering"
          label={t('outline.subNumbering')}
          value={section.numbering}
          choices={NUMBERINGS}
          inherit={t('outline.numberingAuto')}
          onChange={(numbering) => void updateSection({ id: section.id, numbering })}
        />
        )}
        {section.items.some((item) => item.kind === 'finding') && (
        <NumberingSelect
          className="outline-section__points"
          label={t('outline.itemNumbering')}
          value={section.itemNumbering === 'bullet' ? null : section.itemNumbering}
          choices={NUMBERINGS}
          inherit={t('outline.bullets')}
          onChange={(itemNumbering) => void updateSection({ id: section.id, itemNumbering })}
        />
        )}
        {!intro && (
          <button type="button" className="link-button small" onClick={() => setIntro(true)}>
            + {t('outline.addIntro')}
          </button>
        )}
      </div>
      {intro && (
        <SavedRichText label={t('outline.intro')} value={richOf(section.rich, section.text)} placeholder={t('outline.introPlaceholder')} onSave={(rich, text) => void updateSection({ id: section.id, rich, text })} />
      )}
      <ol className="outline-items" aria-label={t('outline.itemsOf', { title: section.title })}>
        {withDraft(section.items.map((item, i) => (
          <li
            key={item.id}
            className={`outline-item outline-item--${item.kind}${targetClass(item.id)}${dragging?.id === item.id ? ' is-dragging' : ''}`}
            data-item-id={item.id}
            onFocus={() => (cursor.current = i)}
            onKeyDown={(e) => onItemKey(e, item, i)}
            onDragOver={(event) => {
              if (dragging?.kind !== 'item' || dragging.id === item.id) return;
              event.preventDefault();
              event.stopPropagation();
              props.setTarget({ id: item.id, where: whereIn(event) });
            }}
            onDrop={(e) => onDropItem(e, item)}
          >
            <span
              className="drag-handle"
              draggable
              role="button"
              tabIndex={0}
              aria-label={t('outline.dragItem', { kind: t(`outline.kinds.${item.kind}`), n: i + 1 })}
              title={t('outline.dragItemHint')}
              onDragStart={(event) => {
                event.stopPropagation();
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', item.text);
                props.setDragging({ kind: 'item', id: item.id });
              }}
              onDragEnd={() => {
                props.setDragging(null);
                props.setTarget(null);
              }}
            >
              ⠿
            </span>
            <span className="outline-item__kind">{item.kind === 'implication' ? '-->' : t(`outline.kinds.${item.kind}`)}</span>
            <div className="outline-item__body">
              <ItemBody item={item} outline={outline} titling={titling === item.id} onTitled={() => setTitling(null)} />
            </div>
            <span className="outline-item__tools">
              {item.kind === 'finding' && !item.title && titling !== item.id && (
                <button type="button" className="icon-button outline-item__add-title" aria-label={t('outline.addTitle')} title={t('outline.addTitle')} onClick={() => setTitling(item.id)}>
                  T+
                </button>
              )}
              <button type="button" className="icon-button" disabled={i === 0} aria-label={t('outline.itemUp')} title={`${t('outline.itemUp')} (Alt+↑)`} onClick={() => void moveItem({ id: item.id, sectionId: section.id, index: i - 1 })}>
                ↑
              </button>
              <button type="button" className="icon-button" disabled={i === section.items.length - 1} aria-label={t('outline.itemDown')} title={`${t('outline.itemDown')} (Alt+↓)`} onClick={() => void moveItem({ id: item.id, sectionId: section.id, index: i + 1 })}>
                ↓
              </button>
              <button type="button" className="icon-button" aria-label={t('outline.deleteItem')} title={t('outline.deleteItem')} onClick={() => void deleteItem(item.id)}>
                ×
              </button>
            </span>
          </li>
        )))}
      </ol>
      <div className="outline-section__add" role="group" aria-label={t('outline.addTo', { title: section.title })}>
        <button type="button" className="button button--small button--quiet" onClick={() => setPicking(true)}>
          + {t('outline.kinds.quote')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setDraft({ kind: 'finding', index: insertAt() })}>
          + {t('outline.kinds.finding')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setDraft({ kind: 'implication', index: insertAt() })}>
          + {t('outline.kinds.implication')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setDraft({ kind: 'paragraph', index: insertAt() })}>
          + {t('outline.kinds.paragraph')}
        </button>
        {surveyItems.length > 0 && (
          <button type="button" className="button button--small button--quiet" onClick={() => setChartDraft(insertAt())}>
            + {t('outline.kinds.chart')}
          </button>
        )}
        <button type="button" className="button button--small button--quiet" onClick={() => void addSection({ parentId: section.id, title: t('outline.newSubsection') })}>
          + {t('outline.subsection')}
        </button>
      </div>
      <QuotePicker
        open={picking}
        onClose={() => setPicking(false)}
        concepts={section.tie?.kind === 'concept' ? [section.tie.id] : undefined}
        exclude={section.items.flatMap((i) => (i.segmentId ? [i.segmentId] : []))}
        onPick={(ids) => {
          const at = insertAt();
          void (async () => {
            for (const [k, segmentId] of ids.entries()) await addItem({ sectionId: section.id, kind: 'quote', segmentId, index: at + k });
          })();
        }}
      />
    </section>
  );
}

export function OutlineEditor({ outline }: { outline: Outline }) {
  const [dragging, setDragging] = useState<Dragging>(null);
  const [target, setTarget] = useState<Target>(null);
  // A section added (by "+ Section", "+ Sub-section" or an undo) comes into view with its title ready to type.
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = outline.sections.map((s) => s.id);
    const fresh = known.current ? ids.filter((id) => !known.current!.has(id)) : [];
    known.current = new Set(ids);
    if (fresh.length !== 1) return;
    const card = document.querySelector<HTMLElement>(`[data-section-id="${fresh[0]}"]`);
    card?.scrollIntoView({ block: 'center' });
    card?.querySelector<HTMLInputElement>('.outline-section__title input')?.select();
  }, [outline]);
  return (
    <div className="outline-editor">
      {outline.sections.map((section) => (
        <SectionCard key={section.id} section={section} outline={outline} dragging={dragging} setDragging={setDragging} target={target} setTarget={setTarget} />
      ))}
    </div>
  );
}
