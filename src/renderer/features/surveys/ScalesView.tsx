import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scalesChartSvg } from '../../../shared/surveys/chart.ts';
import type { CodedAnswers, ScaleRow, ScalesResult, Summary, SurveyItem } from '../../../shared/surveys/model.ts';
import { downloadBase64 } from '../../components/download.ts';
import { formatNumber } from '../../components/format.ts';
import { ask, useData, write } from '../../data/index.ts';
import { useParticipants } from '../../data/reads.ts';
import { useStore } from '../../store/index.ts';
import { describeSurveyError } from './SurveyImportDialog.tsx';
import { ChartPicker } from './ChartPicker.tsx';
import type { OutlineChart } from '../../../shared/analysis.ts';

const NO_ITEMS: SurveyItem[] = [];

/**
 * The joint display of a questionnaire: per dimension and numeric question the n, mean, median and
 * spread, overall and by the chosen attribute, with the diverging bar chart; beside it what each
 * group's respondents wrote, as coded. The chart is the same SVG the export writes.
 */
export function ScalesView({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const { attributes } = useParticipants();
  const by = params.by ?? null;
  const scales = useData('surveys/scales', { by }, null);
  const coded = useData('surveys/codedAnswers', { by, quotes: 2 }, null);
  const items = useData('surveys/items', {}, NO_ITEMS);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [adding, setAdding] = useState(false);
  const number = (v: number | null) => (v === null ? '–' : formatNumber(Math.round(v * 100) / 100, i18n.language));

  const svg = useMemo(
    () => (scales ? scalesChartSvg(scales, { title: scales.by ? t('surveys.chartTitle', { by: scales.by }) : t('surveys.chart'), all: t('surveys.all'), n: (n) => `n = ${n}` }) : ''),
    [scales, t],
  );

  const download = async (format: 'xlsx' | 'svg') => {
    setMessage(null);
    try {
      const result = await ask('surveys/export', { format, by, language: i18n.language.startsWith('en') ? 'en' : 'nl' });
      downloadBase64(result.fileName, result.mimeType, result.base64!);
      setMessage({ text: t('surveys.downloaded', { file: result.fileName }), bad: false });
    } catch (error) {
      setMessage({ text: describeSurveyError(t, error), bad: true });
    }
  };

  if (scales && scales.items.length === 0) {
    return (
      <div className="scales">
        <section className="empty-state">
          <h2>{t('surveys.empty')}</h2>
          <p>{t('surveys.emptyHelp')}</p>
          <div className="button-row empty-state__action">
            <button type="button" className="button button--primary" onClick={() => navigate({ name: 'documents' })}>
              {t('nav.documents')}
            </button>
          </div>
        </section>
      </div>
    );
  }

  const summaryCells = (s: Summary) => (
    <>
      <td className="num">{s.n}</td>
      <td className="num">{number(s.mean)}</td>
      <td className="num">{number(s.median)}</td>
      <td className="num">{number(s.sd)}</td>
      <td className="num">{s.min === null ? '–' : `${number(s.min)}–${number(s.max)}`}</td>
    </>
  );

  return (
    <div className="scales">
      <div className="scales__main">
        <header className="matrix__header">
          <h1>{t('surveys.title')}</h1>
          <p className="muted">{t('surveys.help')}</p>
        </header>
        <div className="matrix__controls" role="group">
          <label className="matrix__control">
            <span>{t('surveys.groupBy')}</span>
            <select value={by ?? ''} onChange={(e) => navigate({ name: 'scales', params: e.target.value ? { by: e.target.value } : {} })} data-testid="scales-by">
              <option value="">{t('surveys.noGrouping')}</option>
              {attributes.map((a) => (
                <option key={a.id} value={a.name}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <div className="button-row scales__exports">
            <button type="button" className="button" onClick={() => void download('xlsx')}>
              {t('surveys.exportXlsx')}
            </button>
            <button type="button" className="button" onClick={() => void download('svg')}>
              {t('surveys.exportSvg')}
            </button>
            <button type="button" className="button" aria-expanded={adding} onClick={() => setAdding((was) => !was)} data-testid="scales-add-to-report">
              {t('surveys.addToReport')}
            </button>
          </div>
        </div>
        {adding && scales && (
          <AddToReport
            initial={{ rows: scales.items.map((r) => r.name), by }}
            onDone={(text) => {
              setAdding(false);
              if (text) setMessage({ text, bad: false });
            }}
            onError={(error) => setMessage({ text: describeSurveyError(t, error), bad: true })}
          />
        )}
        {message && (
          <p className={message.bad ? 'bad' : 'ok'} role={message.bad ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        {scales ? (
          <>
            <div className="table-wrap">
              <table className="table table--compact scales__table" data-testid="scales-table">
                <thead>
                  <tr>
                    <th scope="col">{t('surveys.name')}</th>
                    <th scope="col" className="num">{t('surveys.n')}</th>
                    <th scope="col" className="num">{t('surveys.mean')}</th>
                    <th scope="col" className="num">{t('surveys.median')}</th>
                    <th scope="col" className="num">{t('surveys.sd')}</th>
                    <th scope="col" className="num">{t('surveys.range')}</th>
                  </tr>
                </thead>
                <tbody>
                  {scales.items.map((row: ScaleRow) => [
                    <tr key={row.name} className="scales__row">
                      <th scope="row" title={row.items.join('\n')}>
                        {row.name} <span className="muted small">· {row.kind === 'dimension' ? t('surveys.dimensionKind') : t('surveys.numericKind')}</span>
                      </th>
                      {summaryCells(row)}
                    </tr>,
                    ...scales.groupValues.map((value) => (
                      <tr key={`${row.name}\u0000${value}`} className="scales__group">
                        <td>{value}</td>
                        {summaryCells(row.groups[value]!)}
                      </tr>
                    )),
                  ])}
                </tbody>
              </table>
            </div>
            {scales.items.length > 0 && (
              <figure className="scales__chart" aria-label={t('surveys.chart')}>
                {/* Built by the shared chart code from numbers and escaped text only. */}
                <div dangerouslySetInnerHTML={{ __html: svg }} />
              </figure>
            )}
            <ItemsEditor items={items} />
          </>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </div>
      <aside className="scales__coded" aria-label={t('surveys.coded')}>
        <h2>{t('surveys.coded')}</h2>
        <p className="muted small">{t('surveys.codedHelp')}</p>
        {coded && <CodedGroups coded={coded} scales={scales} />}
      </aside>
    </div>
  );
}

function CodedGroups({ coded, scales }: { coded: CodedAnswers; scales: ScalesResult | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  return (
    <div className="stack" data-testid="coded-answers">
      {coded.groups.map((group) => (
        <section key={group.value ?? ''} className="scales__coded-group">
          <h3>{t('surveys.group', { value: group.value ?? (coded.by ? t('surveys.noValue') : t('surveys.all')), count: group.respondents })}</h3>
          {scales?.by && group.value !== null && (
            <p className="muted small">
              {scales.items
                .filter((r) => r.groups[group.value!]?.mean !== null && r.groups[group.value!] !== undefined)
                .slice(0, 4)
                .map((r) => `${r.name} ${formatNumber(Math.round(r.groups[group.value!]!.mean! * 100) / 100, i18n.language)}`)
                .join(' · ')}
            </p>
          )}
          {group.labels.length === 0 ? (
            <p className="muted small">{t('surveys.noCodings')}</p>
          ) : (
            <ul className="scales__labels">
              {group.labels.map((label) => (
                <li key={label.labelId}>
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'retrieval', labelId: label.labelId, params: {} })}>
                    <span className="scales__swatch" style={{ background: label.colour ?? undefined }} aria-hidden="true" />
                    {label.name}
                  </button>{' '}
                  <span className="muted small">
                    {t('surveys.passages', { count: label.segments })} · {t('surveys.people', { count: label.respondents })}
                  </span>
                  {label.quotes.map((q) => (
                    <blockquote key={q.segmentId} className="scales__quote">
                      “{q.text}” <span className="muted small">— {q.participant}{q.question ? `, ${q.question}` : ''}</span>
                    </blockquote>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** Regrouping by hand and reversed items: each change one undoable write. */
function ItemsEditor({ items }: { items: SurveyItem[] }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const update = async (id: string, patch: { dimension?: string; reversed?: boolean }) => {
    setProblem(null);
    try {
      await write('surveys/updateItem', { id, ...patch });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const scaleItems = items.filter((i) => i.kind === 'scale');
  if (scaleItems.length === 0) return null;
  return (
    <details className="scales__items">
      <summary>{t('surveys.items', { count: scaleItems.length })}</summary>
      <p className="muted small">{t('surveys.itemsHelp')}</p>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('surveys.header')}</th>
            <th scope="col">{t('surveys.dimension')}</th>
            <th scope="col">{t('surveys.reversed')}</th>
          </tr>
        </thead>
        <tbody>
          {scaleItems.map((item) => (
            <tr key={item.id}>
              <td>{item.header}</td>
              <td>
                <input
                  key={item.dimension}
                  type="text"
                  size={10}
                  defaultValue={item.dimension}
                  aria-label={`${t('surveys.dimension')}: ${item.header}`}
                  onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== item.dimension && void update(item.id, { dimension: e.target.value.trim() })}
                />
              </td>
              <td>
                <input type="checkbox" checked={item.reversed} aria-label={`${t('surveys.reversed')}: ${item.header}`} onChange={(e) => void update(item.id, { reversed: e.target.checked })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem && (
        <p className="bad" role="alert">
          {problem}
        </p>
      )}
    </details>
  );
}

/**
 * "Add to report": the chart as an item of the report outline, in a section chosen here (or a new
 * one when the outline has none or the researcher asks for it). Its figures are not stored: the
 * outline computes them at every read, so the report follows the answers.
 */
function AddToReport(props: { initial: OutlineChart; onDone(message: string | null): void; onError(error: unknown): void }) {
  const { t } = useTranslation();
  const outline = useData('outline/get', {}, null);
  const sections = outline?.sections ?? [];
  const NEW = '';
  const [section, setSection] = useState<string | null>(null);
  const chosen = section ?? sections[sections.length - 1]?.id ?? NEW;
  const newTitle = t('surveys.title');
  return (
    <section className="scales__add panel" aria-label={t('surveys.addToReportTitle')}>
      <h2 className="small-heading">{t('surveys.addToReportTitle')}</h2>
      <p className="muted small">{t('surveys.addToReportHelp')}</p>
      <ChartPicker
        initial={props.initial}
        saveLabel={t('surveys.add')}
        onCancel={() => props.onDone(null)}
        onSave={async (chart) => {
          try {
            let sectionId = chosen;
            let title = sections.find((s) => s.id === chosen)?.title ?? newTitle;
            if (sectionId === NEW) {
              const before = new Set(sections.map((s) => s.id));
              const next = await write('outline/addSection', { parentId: null, title: newTitle });
              sectionId = next.sections.find((s) => !before.has(s.id))!.id;
              title = newTitle;
            }
            await write('outline/addItem', { sectionId, kind: 'chart', chart });
            props.onDone(t('surveys.added', { section: title }));
          } catch (error) {
            props.onError(error);
          }
        }}
      >
        <label className="chart-picker__section">
          <span>{t('surveys.section')}</span>
          <select value={chosen} onChange={(e) => setSection(e.target.value)} data-testid="chart-section">
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {'\u00a0\u00a0'.repeat(s.depth)}
                {s.title}
              </option>
            ))}
            <option value={NEW}>{t('surveys.newSection', { title: newTitle })}</option>
          </select>
        </label>
      </ChartPicker>
    </section>
  );
}
