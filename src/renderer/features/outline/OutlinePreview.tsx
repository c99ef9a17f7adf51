import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outline } from '../../../shared/analysis.ts';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../shared/report-document.ts';
import { reportElements } from '../../../shared/report-elements.ts';
import { reportFromOutline } from '../../../shared/report-from-outline.ts';
import { useStore } from '../../store/index.ts';
import { routeToHash } from '../../store/route.ts';
import { sourceRoute } from '../rounds/QuoteCard.tsx';
import { ReportElementsView } from './ReportElementsView.tsx';

/**
 * The report as it will be exported: the same report document and the same layout the .docx, .html
 * and .md writers read, with each quote a way back to its source.
 */
export function OutlinePreview({ outline, title, options = DEFAULT_REPORT_OPTIONS }: { outline: Outline; title: string; options?: ReportOptions }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const elements = useMemo(() => reportElements(reportFromOutline(outline, { concepts: [], labels: [] }, title, options), options), [outline, title, options]);
  return (
    <article className="report-preview" aria-label={t('outline.preview')}>
      {outline.sections.length === 0 && <p className="muted">{t('outline.previewEmpty')}</p>}
      <ReportElementsView
        elements={elements}
        quoteLink={(element) => {
          const quote = element.segmentId ? outline.quotes[element.segmentId] : undefined;
          if (!quote) return null;
          const route = sourceRoute(quote);
          return (
            <a
              className="report-preview__source"
              href={routeToHash(route)}
              title={t('rounds.toSourceLabel', { document: quote.documentName })}
              onClick={(event) => {
                event.preventDefault();
                navigate(route);
              }}
            >
              ↗
            </a>
          );
        }}
      />
    </article>
  );
}
