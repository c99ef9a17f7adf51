import { useLayoutEffect, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix } from '../../../shared/analysis.ts';
import { formatNumber } from '../../components/format.ts';
import { groupSpans, sameRange, visibleRange, WINDOW_ABOVE_CELLS, type Range } from './grid-window.ts';
import { heat } from './params.ts';

/** Sizes of a windowed table, in CSS pixels; the stylesheet's `.heat--windowed` rules keep to them. */
const CELL_WIDTH = 40;
const CORNER_WIDTH = 240;
const OCCURS_WIDTH = 150;
const TOTAL_WIDTH = 84;
const FALLBACK_ROW_HEIGHT = 31;

const cellStyle = (value: number): CSSProperties => ({ '--heat': value.toFixed(3) }) as CSSProperties;

interface View {
  rows: Range;
  columns: Range;
  rowHeight: number;
}

/**
 * The rows and columns in view of a windowed table, kept up to date on scroll and resize. Measured
 * once per animation frame at most, and a new window only when the drawn range changes.
 */
function useView(windowed: boolean, rowCount: number, columnCount: number) {
  const wrap = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [view, setView] = useState<View>(() => ({ rows: { start: 0, end: Math.min(rowCount, 40) }, columns: { start: 0, end: Math.min(columnCount, 40) }, rowHeight: FALLBACK_ROW_HEIGHT }));
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!windowed || !el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const headHeight = head.current?.getBoundingClientRect().height ?? 0;
      const row = el.querySelector('tbody tr:not(.heat__spacer)');
      const rowHeight = row?.getBoundingClientRect().height || FALLBACK_ROW_HEIGHT;
      const rows = visibleRange(rowCount, rowHeight, el.scrollTop, el.clientHeight - headHeight);
      const columns = visibleRange(columnCount, CELL_WIDTH, el.scrollLeft, el.clientWidth - CORNER_WIDTH - OCCURS_WIDTH - TOTAL_WIDTH);
      setView((v) => (sameRange(v.rows, rows) && sameRange(v.columns, columns) && v.rowHeight === rowHeight ? v : { rows, columns, rowHeight }));
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', later, { passive: true });
    const resize = new ResizeObserver(later);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', later);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [windowed, rowCount, columnCount]);
  return { wrap, head, view };
}

/**
 * The heat map as a real table: row and column headers, the count written in every cell (colour
 * only reinforces it). Cells with segments are buttons; one click handler serves them all. A large
 * matrix (labels × a thousand transcripts) is drawn as a window on what is in view, with spacers
 * for the rest, so that it opens and scrolls without freezing the page.
 */
export function HeatTable({ matrix, selected, onCell }: { matrix: Matrix; selected: { rowId: string; column: number } | null; onCell(rowId: string, column: number): void }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const rowCount = matrix.items.length;
  const columnCount = matrix.columns.length;
  const windowed = rowCount * columnCount > WINDOW_ABOVE_CELLS;
  const { wrap, head, view } = useView(windowed, rowCount, columnCount);
  const rows = windowed ? { start: Math.min(view.rows.start, rowCount), end: Math.min(view.rows.end, rowCount) } : { start: 0, end: rowCount };
  const columns = windowed ? { start: Math.min(view.columns.start, columnCount), end: Math.min(view.columns.end, columnCount) } : { start: 0, end: columnCount };
  const before = columns.start;
  const after = columnCount - columns.end;
  const spans = groupSpans(matrix.columns, columns);
  const shownColumns = matrix.columns.slice(columns.start, columns.end);
  const allCells = 1 + (before > 0 ? 1 : 0) + shownColumns.length + (after > 0 ? 1 : 0) + 2;
  const onClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-column]');
    if (cell?.dataset.row) onCell(cell.dataset.row, Number(cell.dataset.column));
  };
  const columnName = (i: number) => (matrix.columns[i]!.id === null ? t('matrix.unassigned') : matrix.columns[i]!.name);
  // One cell stands for all the columns left of the window, one for all right of it.
  const lead = before > 0 ? <td className="heat__gap" aria-hidden="true" /> : null;
  const trail = after > 0 ? <td className="heat__gap" aria-hidden="true" /> : null;
  return (
    <div className={`heat__wrap${windowed ? ' heat__wrap--windowed' : ''}`} ref={wrap}>
      <table className={`heat${windowed ? ' heat--windowed' : ''}`} style={windowed ? { width: CORNER_WIDTH + columnCount * CELL_WIDTH + OCCURS_WIDTH + TOTAL_WIDTH } : undefined}>
        <caption className="visually-hidden">{t(matrix.rows === 'concepts' ? 'matrix.captionConcepts' : 'matrix.captionLabels')}</caption>
        {windowed && (
          <colgroup>
            <col style={{ width: CORNER_WIDTH }} />
            {before > 0 && <col style={{ width: before * CELL_WIDTH }} />}
            {shownColumns.map((_, i) => (
              <col key={columns.start + i} style={{ width: CELL_WIDTH }} />
            ))}
            {after > 0 && <col style={{ width: after * CELL_WIDTH }} />}
            <col style={{ width: OCCURS_WIDTH }} />
            <col style={{ width: TOTAL_WIDTH }} />
          </colgroup>
        )}
        <thead ref={head}>
          {matrix.groupBy && (
            <tr className="heat__groups">
              <td className="heat__corner" />
              {lead}
              {spans.map((s) => (
                <th key={s.first} scope="colgroup" colSpan={s.span}>
                  {s.group ?? t('matrix.noValue')}
                </th>
              ))}
              {trail}
              <td className="heat__sum heat__sum--occurs" />
              <td className="heat__sum heat__sum--total" />
            </tr>
          )}
          <tr>
            <th scope="col" className="heat__corner">
              {t(matrix.rows === 'concepts' ? 'matrix.concept' : 'matrix.label')}
            </th>
            {lead}
            {shownColumns.map((column, i) => (
              <th key={column.id ?? `none-${columns.start + i}`} scope="col" className="heat__col" title={column.name}>
                <span>{columnName(columns.start + i)}</span>
              </th>
            ))}
            {trail}
            <th scope="col" className="heat__sum heat__sum--occurs" title={t('matrix.occursHelp')}>
              {t(matrix.by === 'participant' ? 'matrix.occursInInterviews' : 'matrix.occursInDocuments')}
            </th>
            <th scope="col" className="heat__sum heat__sum--total">
              {t('matrix.total')}
            </th>
          </tr>
        </thead>
        <tbody onClick={onClick}>
          {rows.start > 0 && (
            <tr className="heat__spacer" aria-hidden="true" style={{ height: rows.start * view.rowHeight }}>
              <td colSpan={allCells} />
            </tr>
          )}
          {matrix.items.slice(rows.start, rows.end).map((row) => (
            <tr key={row.id}>
              <th scope="row" className="heat__row" style={{ paddingLeft: 12 + row.depth * 14 }} title={row.name}>
                <span className="swatch" style={{ background: row.colour }} aria-hidden="true" />
                {row.name}
              </th>
              {lead}
              {row.cells.slice(columns.start, columns.end).map((count, j) => {
                const i = columns.start + j;
                return count > 0 ? (
                  <td key={i} className={`heat__cell${heat(count, matrix.max) > 0.6 ? ' is-dark' : ''}${selected?.rowId === row.id && selected.column === i ? ' is-selected' : ''}`} style={cellStyle(heat(count, matrix.max))}>
                    <button type="button" data-row={row.id} data-column={i} aria-label={t('matrix.cellLabel', { row: row.name, column: columnName(i), count })}>
                      {n(count)}
                    </button>
                  </td>
                ) : (
                  <td key={i} className="heat__cell is-zero">
                    0
                  </td>
                );
              })}
              {trail}
              <td className="heat__sum heat__sum--occurs">
                <span className="heat__occurs">
                  {n(row.occursIn)}
                  <span className="muted"> / {n(columnCount)}</span>
                </span>
                <span className="heat__bar" aria-hidden="true">
                  <span style={{ width: `${columnCount ? (100 * row.occursIn) / columnCount : 0}%` }} />
                </span>
              </td>
              <td className="heat__sum heat__sum--total">{n(row.total)}</td>
            </tr>
          ))}
          {rows.end < rowCount && (
            <tr className="heat__spacer" aria-hidden="true" style={{ height: (rowCount - rows.end) * view.rowHeight }}>
              <td colSpan={allCells} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
