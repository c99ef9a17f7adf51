import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concept } from '../../../shared/analysis.ts';
import { formatNumber } from '../../components/format.ts';
import { useStore } from '../../store/index.ts';
import { SavedRichText } from '../../components/rich-text/SavedRichText.tsx';
import { FuzzyPick, SavedInput } from '../rounds/fields.tsx';
import { QuoteCard } from '../rounds/QuoteCard.tsx';
import { DeleteConceptDialog, NewConceptDialog } from './ConceptDialogs.tsx';
import { NO_CONCEPTS, NO_LABELS } from '../../data/reads.ts';
import { useData, useRead } from '../../data/index.ts';
import { supportCounts } from './support-counts.ts';

/** The concepts in their order; Alt+↑/↓ moves the chosen one. */
function ConceptList({ concepts, selectedId, onSelect, onNew }: { concepts: Concept[]; selectedId: string | null; onSelect(id: string): void; onNew(): void }) {
  const { t, i18n } = useTranslation();
  const moveConcept = useStore((s) => s.moveConcept);
  const onKey = (event: KeyboardEvent, index: number, id: string) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const to = index + (event.key === 'ArrowUp' ? -1 : 1);
      if (to >= 0 && to < concepts.length) void moveConcept(id, to);
    }
  };
  return (
    <nav className="side-list" aria-label={t('concepts.list')}>
      <div className="side-list__head">
        <h2 className="eyebrow">{t('concepts.countTitle', { count: concepts.length })}</h2>
        <button type="button" className="button button--small button--primary" onClick={onNew}>
          + {t('concepts.new')}
        </button>
      </div>
      <ul className="side-list__items">
        {concepts.map((c, i) => (
          <li key={c.id} onKeyDown={(e) => onKey(e, i, c.id)}>
            <button
              type="button"
              className={`side-list__item${c.id === selectedId ? ' is-active' : ''}`}
              aria-current={c.id === selectedId ? 'true' : undefined}
              title={t('concepts.moveHint')}
              onClick={() => onSelect(c.id)}
            >
              <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
              <span className="side-list__name">{c.name}</span>
              <span className="side-list__count" title={t('concepts.countHint', supportCounts(t, i18n.language, { segments: c.segmentCount, participants: c.participantCount }))}>
                {formatNumber(c.segmentCount, i18n.language)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One concept: name, definition, its labels, its own segments, and all its quotes by participant. */
function ConceptPage({ concept, onDelete }: { concept: Concept; onDelete(): void }) {
  const { t, i18n } = useTranslation();
  const speakers = useStore((s) => s.listSpeakers);
  // The labels' counts beside their names follow the same switch.
  const labels = useData('labels/list', speakers === 'all' ? { speakers } : {}, NO_LABELS);
  const updateConcept = useStore((s) => s.updateConcept);
  const addConceptLabels = useStore((s) => s.addConceptLabels);
  const removeConceptLabel = useStore((s) => s.removeConceptLabel);
  const removeConceptSegment = useStore((s) => s.removeConceptSegment);
  const quotes = useData('concepts/quotes', speakers === 'all' ? { id: concept.id, speakers } : { id: concept.id }, null);
  const navigate = useStore((s) => s.navigate);
  const setListSpeakers = useStore((s) => s.setListSpeakers);
  const [adding, setAdding] = useState(false);
  const n = (value: number) => formatNumber(value, i18n.language);

  const labelsById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const mine = quotes?.concept.id === concept.id ? quotes : null;
  const direct = new Set(concept.segmentIds);
  const directQuotes = mine ? mine.groups.flatMap((g) => g.quotes).filter((q) => direct.has(q.segmentId)) : [];
  const viaLabel = (labelIds: string[]) => labelIds.filter((id) => concept.labelIds.includes(id)).map((id) => labelsById.get(id)?.name).filter(Boolean);

  return (
    <article className="concept-page" aria-labelledby="concept-name">
      <header className="concept-page__header">
        <span className="concept-page__swatch" style={{ background: concept.colour }} aria-hidden="true" />
        <div className="concept-page__title">
          <h1 id="concept-name" className="visually-hidden">
            {concept.name}
          </h1>
          <SavedInput className="concept-page__name" label={t('concepts.name')} hideLabel required value={concept.name} onSave={(name) => void updateConcept({ id: concept.id, name })} />
          <p className="muted">
            {t('concepts.support', supportCounts(t, i18n.language, { segments: concept.segmentCount, participants: concept.participantCount, documents: concept.documentCount }))}
          </p>
          <label className={`codebook__switch concept-page__switch${speakers === 'all' ? ' is-set' : ''}`}>
            <input type="checkbox" checked={speakers === 'all'} onChange={(e) => setListSpeakers(e.target.checked ? 'all' : 'participants')} />
            <span>{t('concepts.includeInterviewer')}</span>
          </label>
        </div>
        <div className="button-row">
          <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'matrix', params: {} })}>
            {t('concepts.inMatrix')}
          </button>
          <button type="button" className="button button--danger-quiet" onClick={onDelete}>
            {t('concepts.delete')}
          </button>
        </div>
      </header>

      <section className="concept-page__section">
        <h2 className="eyebrow">{t('concepts.definition')}</h2>
        <SavedRichText
          key={concept.id}
          label={t('concepts.definition')}
          placeholder={t('concepts.definitionPlaceholder')}
          value={concept.definitionRich}
          onSave={(json, text) => void updateConcept({ id: concept.id, definition: text, definitionRich: json })}
        />
      </section>

      <section className="concept-page__section" aria-labelledby="concept-labels">
        <h2 id="concept-labels" className="eyebrow">
          {t('concepts.labels', { count: concept.labelIds.length })}
        </h2>
        <ul className="pills" aria-label={t('concepts.labelsOf', { name: concept.name })}>
          {concept.labelIds.map((id) => {
            const label = labelsById.get(id);
            if (!label) return null;
            return (
              <li key={id} className="pill">
                <span className="swatch" style={{ background: label.colour }} aria-hidden="true" />
                <button type="button" className="link-button pill__name" onClick={() => navigate({ name: 'retrieval', labelId: id, params: {} })}>
                  {label.name}
                </button>
                <span className="muted small">{n(label.segmentCount)}</span>
                <button type="button" className="pill__remove" aria-label={t('concepts.removeLabel', { name: label.name })} onClick={() => void removeConceptLabel(concept.id, id)}>
                  ×
                </button>
              </li>
            );
          })}
          {concept.labelIds.length === 0 && <li className="muted small">{t('concepts.noLabels')}</li>}
        </ul>
        {adding ? (
          <div className="concept-page__pick" onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}>
            <FuzzyPick
              autoFocus
              items={labels.filter((l) => !concept.labelIds.includes(l.id)).map((l) => ({ id: l.id, name: l.name, colour: l.colour, hint: n(l.segmentCount) }))}
              label={t('concepts.findLabel')}
              placeholder={t('concepts.findLabelPlaceholder')}
              onPick={(id) => void addConceptLabels(concept.id, [id])}
            />
            <button type="button" className="button button--small button--quiet" onClick={() => setAdding(false)}>
              {t('common.done')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            + {t('concepts.addLabel')}
          </button>
        )}
      </section>

      {concept.segmentIds.length > 0 && (
        <section className="concept-page__section" aria-labelledby="concept-direct">
          <h2 id="concept-direct" className="eyebrow">
            {t('concepts.direct', { count: concept.segmentIds.length })}
          </h2>
          <ul className="quote-list">
            {directQuotes.map((q) => (
              <li key={q.segmentId}>
                <QuoteCard quote={q} colour={concept.colour}>
                  <button type="button" className="button button--small button--quiet" onClick={() => void removeConceptSegment(concept.id, q.segmentId)}>
                    {t('concepts.removeSegment')}
                  </button>
                </QuoteCard>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="concept-page__section" aria-labelledby="concept-quotes">
        <h2 id="concept-quotes" className="eyebrow">
          {t('concepts.quotesByParticipant')}
        </h2>
        {!mine && <p className="muted">{t('common.loading')}</p>}
        {mine && mine.groups.length === 0 && <p className="empty-state">{t('concepts.noQuotes')}</p>}
        {mine?.groups.map((group) => (
          <section key={group.participant?.id ?? 'none'} className="quote-group" aria-label={group.participant?.name ?? t('rounds.unassigned')}>
            <h3 className="quote-group__head">
              <span className="quote-group__participant">{group.participant?.name ?? t('rounds.unassigned')}</span>
              <span className="quote-group__count">{t('concepts.quotesCount', { count: group.quotes.length })}</span>
            </h3>
            <ul className="quote-list">
              {group.quotes.map((q) => {
                const via = viaLabel(q.labelIds);
                return (
                  <li key={q.segmentId}>
                    <QuoteCard quote={q} colour={concept.colour} showParticipant={false}>
                      <span className="muted small">{via.length > 0 ? t('concepts.via', { labels: via.join(', ') }) : t('concepts.addedDirectly')}</span>
                    </QuoteCard>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </section>
    </article>
  );
}

/** Round 2: concepts on the left, the chosen concept in the middle. */
export function ConceptsView({ conceptId }: { conceptId: string | null }) {
  const { t } = useTranslation();
  // The counts and quotes follow whose speech counts (one switch with the codebook's).
  const speakers = useStore((s) => s.listSpeakers);
  const listRead = useRead('concepts/list', speakers === 'all' ? { speakers } : {});
  const concepts = listRead.data ?? NO_CONCEPTS;
  const loaded = listRead.data !== undefined;
  const navigate = useStore((s) => s.navigate);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Concept | null>(null);
  const selected = concepts.find((c) => c.id === conceptId) ?? (conceptId === null ? concepts[0] : undefined) ?? null;
  const select = (id: string) => navigate({ name: 'concepts', conceptId: id });

  useEffect(() => {
    if (loaded && conceptId && !concepts.some((c) => c.id === conceptId)) navigate({ name: 'concepts', conceptId: null });
  }, [loaded, conceptId, concepts, navigate]);

  return (
    <div className="split">
      <ConceptList concepts={concepts} selectedId={selected?.id ?? null} onSelect={select} onNew={() => setCreating(true)} />
      <div className="split__main">
        <div className="split__inner">
          {selected ? (
            <ConceptPage key={selected.id} concept={selected} onDelete={() => setDeleting(selected)} />
          ) : (
            loaded && (
              <section className="empty-state">
                <h1>{t('concepts.emptyTitle')}</h1>
                <p>{t('concepts.emptyHelp')}</p>
                <button type="button" className="button button--primary empty-state__action" onClick={() => setCreating(true)}>
                  + {t('concepts.new')}
                </button>
              </section>
            )
          )}
        </div>
      </div>
      <NewConceptDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(concept) => {
          setCreating(false);
          select(concept.id);
        }}
      />
      <DeleteConceptDialog concept={deleting} onClose={() => setDeleting(null)} onDeleted={() => setDeleting(null)} />
    </div>
  );
}
