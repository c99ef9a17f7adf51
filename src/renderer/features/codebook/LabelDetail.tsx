import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/model.ts';
import { LABEL_PALETTE } from '../../../shared/palette.ts';
import { formatDate } from '../../components/format.ts';
import { MemoPanel } from '../../components/rich-text/MemoPanel.tsx';
import { SavedTextarea } from '../../components/SavedTextarea.tsx';
import { SavedRichText } from '../../components/rich-text/SavedRichText.tsx';
import { useSavedDraft } from '../../components/saved-draft.ts';
import { lexicalFromPlainText } from '../../../shared/lexical-plain.ts';
import { useStore } from '../../store/index.ts';
import { ParentSelect } from './LabelSelect.tsx';
import { changes, indent, moveBy, outdent, pathOf, subtreeOf, type Move } from './tree.ts';
import { useLabels } from '../../data/reads.ts';

type TextField = 'inclusion' | 'exclusion' | 'example';

function NameField({ label, onSave }: { label: Label; onSave(name: string): void }) {
  const { t } = useTranslation();
  const field = useSavedDraft(label.name, onSave, { required: true, blurOnEscape: true });
  return <input className="codebook-detail__name" aria-label={t('codebook.name')} title={t('codebook.nameHelp')} maxLength={200} {...field} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="codebook-section">
      <h3 className="eyebrow">{title}</h3>
      {children}
    </section>
  );
}

/** The selected label: name, colour, the four fields, origin and round, counts, its place in the tree. */
export function LabelDetail(props: { label: Label; onMove(id: string, move: Move): void; onMerge(): void; onDelete(): void }) {
  const { t, i18n } = useTranslation();
  const { label } = props;
  const labels = useLabels();
  const updateLabel = useStore((s) => s.updateLabel);
  const navigate = useStore((s) => s.navigate);
  const parentFieldId = useId();
  const path = pathOf(labels, label.id);
  const save = (patch: Parameters<typeof updateLabel>[1]) => void updateLabel(label.id, patch);
  const move = (m: Move | null) => m && changes(labels, label.id, m) && props.onMove(label.id, m);
  const textFields: Array<{ field: TextField; rows: number }> = [
    { field: 'inclusion', rows: 3 },
    { field: 'exclusion', rows: 3 },
    { field: 'example', rows: 2 },
  ];

  return (
    <article className="codebook-detail" aria-labelledby="codebook-detail-title">
      {path.length > 0 && (
        <nav className="codebook-detail__path muted small" aria-label={t('codebook.place')}>
          {path.map((p) => (
            <span key={p.id}>
              <button type="button" className="link-button link-button--quiet" onClick={() => navigate({ name: 'codebook', labelId: p.id })}>
                {p.name}
              </button>
              {' › '}
            </span>
          ))}
        </nav>
      )}
      <header className="codebook-detail__header">
        <span className="codebook-detail__swatch" style={{ background: label.colour }} aria-hidden="true" />
        <h2 id="codebook-detail-title" className="visually-hidden">
          {label.name}
        </h2>
        <NameField key={label.id} label={label} onSave={(name) => save({ name })} />
      </header>
      <div className="codebook-detail__meta">
        <span className={`origin-tag origin-tag--${label.origin}`} title={t(`codebook.originHelp.${label.origin}`)}>
          {t(`codebook.origin.${label.origin}`)}
        </span>
        <span>{t('codebook.round', { round: label.round })}</span>
        <span className="muted">{t('codebook.added', { coder: label.createdBy, date: formatDate(label.createdAt, i18n.language, { dateStyle: 'medium' }) })}</span>
        <span className="button-row">
          <button type="button" className="button button--small" onClick={props.onMerge} disabled={labels.length < 2}>
            {t('codebook.merge')}
          </button>
          <button type="button" className="button button--small button--danger-quiet" onClick={props.onDelete}>
            {t('codebook.delete')}
          </button>
        </span>
      </div>
      <div className="codebook-detail__usage">
        <span>
          {label.segmentCount === 0
            ? t(label.branchSegmentCount > 0 ? 'codebook.notUsedItself' : 'codebook.notUsed')
            : t('codebook.usedOn', {
                passages: t('codebook.passages', { count: label.segmentCount }),
                transcripts: t('codebook.transcripts', { count: label.documentCount }),
              })}
          {label.branchSegmentCount !== label.segmentCount && (
            <>
              {' '}
              {t('codebook.withSubLabels', {
                passages: t('codebook.passages', { count: label.branchSegmentCount }),
                transcripts: t('codebook.transcripts', { count: label.branchDocumentCount }),
              })}
            </>
          )}
        </span>
        <button type="button" className="button button--small" disabled={label.segmentCount === 0} onClick={() => navigate({ name: 'retrieval', labelId: label.id, params: {} })}>
          {t('codebook.showSegments')} →
        </button>
      </div>

      <Section title={t('codebook.colour')}>
        <div className="colour-picker" role="radiogroup" aria-label={t('codebook.colour')}>
          {LABEL_PALETTE.map((colour, i) => {
            const checked = label.colour.toUpperCase() === colour;
            return (
              <button
                key={colour}
                type="button"
                role="radio"
                aria-checked={checked}
                aria-label={`${t('codebook.colourOption', { n: i + 1 })} (${colour})`}
                title={colour}
                tabIndex={checked || (i === 0 && !LABEL_PALETTE.includes(label.colour.toUpperCase() as (typeof LABEL_PALETTE)[number])) ? 0 : -1}
                className={`colour-picker__swatch${checked ? ' is-checked' : ''}`}
                style={{ background: colour }}
                onClick={() => !checked && save({ colour })}
                onKeyDown={(e) => {
                  const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
                  if (!step) return;
                  e.preventDefault();
                  const next = LABEL_PALETTE[(i + step + LABEL_PALETTE.length) % LABEL_PALETTE.length]!;
                  save({ colour: next });
                  const group = e.currentTarget.parentElement;
                  requestAnimationFrame(() => group?.querySelector<HTMLElement>(`[title="${next}"]`)?.focus());
                }}
              />
            );
          })}
        </div>
      </Section>

      <Section title={t('codebook.definition')}>
        <SavedRichText
          key={label.id}
          className="codebook-definition"
          value={label.definitionRich ?? (label.definition.trim() ? lexicalFromPlainText(label.definition) : null)}
          label={t('codebook.definition')}
          placeholder={t('codebook.definitionPlaceholder')}
          onSave={(definitionRich, definition) => save({ definitionRich, definition })}
        />
      </Section>

      <div className="codebook-detail__criteria">
        {textFields.map(({ field, rows }) => (
          <SavedTextarea
            key={`${label.id}-${field}`}
            className="codebook-field"
            label={t(`codebook.${field}`)}
            placeholder={t(`codebook.${field}Placeholder`)}
            value={label[field]}
            rows={rows}
            onSave={(value) => save({ [field]: value })}
          />
        ))}
      </div>

      <div className="codebook-detail__memo">
        <MemoPanel key={label.id} target={{ kind: 'label', id: label.id }} />
      </div>

      <Section title={t('codebook.place')}>
        <div className="codebook-place">
          <label className="field field--inline" htmlFor={parentFieldId}>
            <span>{t('codebook.under')}</span>
          </label>
          <ParentSelect
            id={parentFieldId}
            labels={labels}
            value={label.parentId}
            exclude={subtreeOf(labels, label.id)}
            onChange={(parentId) => move({ parentId, index: labels.filter((l) => l.parentId === parentId && l.id !== label.id).length })}
          />
          <div className="button-row">
            <button type="button" className="button button--small" disabled={!moveBy(labels, label.id, -1)} onClick={() => move(moveBy(labels, label.id, -1))} title="Alt+↑">
              ↑ {t('codebook.moveUp')}
            </button>
            <button type="button" className="button button--small" disabled={!moveBy(labels, label.id, 1)} onClick={() => move(moveBy(labels, label.id, 1))} title="Alt+↓">
              ↓ {t('codebook.moveDown')}
            </button>
            <button type="button" className="button button--small" disabled={!indent(labels, label.id)} onClick={() => move(indent(labels, label.id))} title="Alt+→">
              → {t('codebook.indent')}
            </button>
            <button type="button" className="button button--small" disabled={!outdent(labels, label.id)} onClick={() => move(outdent(labels, label.id))} title="Alt+←">
              ← {t('codebook.outdent')}
            </button>
          </div>
        </div>
      </Section>

    </article>
  );
}
