import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutlineChart } from '../../../shared/analysis.ts';
import { useData } from '../../data/index.ts';
import { useParticipants } from '../../data/reads.ts';

/**
 * What a scales chart in the report shows: which dimensions and numeric questions (ticked, in the
 * scales view's order) and by which attribute. Used by "Add to report" in the scales view and by a
 * chart item in the outline editor.
 */
export function ChartPicker(props: { initial: OutlineChart; saveLabel: string; onSave(chart: OutlineChart): void; onCancel(): void; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const { attributes } = useParticipants();
  const scales = useData('surveys/scales', { by: null }, null);
  const [rows, setRows] = useState<string[]>(props.initial.rows);
  const [by, setBy] = useState<string | null>(props.initial.by);
  const names = scales?.items ?? [];
  const toggle = (name: string, on: boolean) => setRows((was) => (on ? names.map((r) => r.name).filter((n) => n === name || was.includes(n)) : was.filter((n) => n !== name)));
  return (
    <form
      className="chart-picker"
      aria-label={t('surveys.chartPicker')}
      onSubmit={(event) => {
        event.preventDefault();
        if (rows.length) props.onSave({ rows, by });
      }}
    >
      {scales && names.length === 0 && <p className="muted small">{t('surveys.chartNoRows')}</p>}
      <fieldset className="chart-picker__rows">
        <legend>{t('surveys.chartRows')}</legend>
        {names.map((row) => (
          <label key={row.name} className="chart-picker__row">
            <input type="checkbox" checked={rows.includes(row.name)} onChange={(e) => toggle(row.name, e.target.checked)} />
            {row.name} <span className="muted small">· {row.kind === 'dimension' ? t('surveys.dimensionKind') : t('surveys.numericKind')}</span>
          </label>
        ))}
        {props.initial.rows.filter((name) => scales && !names.some((r) => r.name === name)).map((name) => (
          <p key={name} className="bad small">{t('surveys.chartRowGone', { name })}</p>
        ))}
      </fieldset>
      <label className="chart-picker__by">
        <span>{t('surveys.groupBy')}</span>
        <select value={by ?? ''} onChange={(e) => setBy(e.target.value || null)} data-testid="chart-by">
          <option value="">{t('surveys.noGrouping')}</option>
          {attributes.map((a) => (
            <option key={a.id} value={a.name}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      {props.children}
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={rows.length === 0}>
          {props.saveLabel}
        </button>
        <button type="button" className="button button--small" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
