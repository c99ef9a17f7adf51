import type { ReactNode } from 'react';
import type { RichRun } from '../../../shared/report-document.ts';
import type { ReportElement } from '../../../shared/report-elements.ts';

function runs(list: RichRun[]): ReactNode[] {
  return list.map((run, index) => {
    let out: ReactNode = run.text;
    if (run.underline) out = <u>{out}</u>;
    if (run.italic) out = <em>{out}</em>;
    if (run.bold) out = <strong>{out}</strong>;
    if (run.link) out = <a href={run.link}>{out}</a>;
    return <span key={index}>{out}</span>;
  });
}

/**
 * The laid-out report as HTML, element for element what the .docx holds: each paragraph carries
 * its kind, its Word style and its number label, so what the researcher sees is what Word gets.
 * `quoteLink` renders the way back to a quote's source (the app; none in a test).
 */
export function ReportElementsView({ elements, quoteLink }: { elements: ReportElement[]; quoteLink?(element: ReportElement): ReactNode }) {
  return (
    <>
      {elements.map((element, index) => {
        const data = { 'data-kind': element.kind, 'data-style': element.style, 'data-label': element.label ?? undefined };
        const className = `report-el report-el--${element.style}`;
        const label = element.label && element.kind !== 'heading' ? <span className="report-el__label">{element.label}</span> : null;
        if (element.kind === 'title') return <h1 key={index} className={className} {...data}>{runs(element.runs)}</h1>;
        if (element.kind === 'heading' || element.kind === 'text-heading') {
          const depth = Math.min(element.depth ?? 1, 4);
          const Heading = (['h2', 'h3', 'h4', 'h5'] as const)[depth - 1]!;
          return <Heading key={index} className={className} {...data}>{runs(element.runs)}</Heading>;
        }
        if (element.kind === 'quote') {
          return (
            <blockquote key={index} className={className} {...data}>
              <span className="report-el__text">{runs(element.runs)}</span>
              {element.attribution && <span className="report-el__attribution"> ({element.attribution})</span>}
              {quoteLink?.(element)}
            </blockquote>
          );
        }
        if (element.kind === 'chart' && element.chart) {
          return (
            <figure key={index} className={className} {...data} aria-label={element.runs.map((r) => r.text).join('')}>
              {/* Built by the shared chart code from numbers and escaped text only: the same SVG the .html holds. */}
              <div className="report-el__chart" dangerouslySetInnerHTML={{ __html: element.chart.svg }} />
              {element.chart.note && <figcaption className="report-el__note">{element.chart.note}</figcaption>}
            </figure>
          );
        }
        const indent = element.list ? { paddingLeft: `${1.6 + element.list.level * 1.2}em` } : undefined;
        return (
          <p key={index} className={className} style={indent} {...data}>
            {label}
            {runs(element.runs)}
          </p>
        );
      })}
    </>
  );
}
