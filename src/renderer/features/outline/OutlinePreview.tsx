import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outline, OutlineItem } from '../../../shared/analysis.ts';
import { RichTextView } from '../../components/rich-text/RichTextView.tsx';
import { useStore } from '../../store/index.ts';
import { routeToHash } from '../../store/route.ts';
import { sourceRoute } from '../rounds/QuoteCard.tsx';

/**
 * The report as it will be exported: headings by depth, the introduction, then the items in order —
 * quotes as indented paragraphs (each a way back to its source), findings as bullets, implications
 * as `--> …`, paragraphs as written.
 */
export function OutlinePreview({ outline, title }: { outline: Outline; title: string }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const items = (list: OutlineItem[]) => {
    const out: ReactNode[] = [];
    let findings: OutlineItem[] = [];
    const flush = () => {
      if (findings.length === 0) return;
      out.push(
        <ul key={`f-${findings[0]!.id}`} className="report-preview__findings">
          {findings.map((f) => (
            <li key={f.id}>{f.text}</li>
          ))}
        </ul>,
      );
      findings = [];
    };
    for (const item of list) {
      if (item.kind === 'finding') {
        findings.push(item);
        continue;
      }
      flush();
      if (item.kind === 'implication') {
        out.push(
          <p key={item.id} className="report-preview__implication">
            --&gt; {item.text}
          </p>,
        );
      } else if (item.kind === 'paragraph') {
        out.push(<RichTextView key={item.id} className="report-preview__paragraph" value={item.rich} fallback={item.text} />);
      } else {
        const quote = item.segmentId ? outline.quotes[item.segmentId] : undefined;
        if (!quote) {
          out.push(
            <p key={item.id} className="report-preview__quote is-missing">
              {t('outline.quoteGone')}
            </p>,
          );
          continue;
        }
        const route = sourceRoute(quote);
        out.push(
          <blockquote key={item.id} className="report-preview__quote">
            <p>{quote.text}</p>
            <a
              className="report-preview__source"
              href={routeToHash(route)}
              title={t('rounds.toSourceLabel', { document: quote.documentName })}
              onClick={(event) => {
                event.preventDefault();
                navigate(route);
              }}
            >
              {quote.participant?.name ?? quote.documentName} ↗
            </a>
          </blockquote>,
        );
      }
    }
    flush();
    return out;
  };
  return (
    <article className="report-preview" aria-label={t('outline.preview')}>
      <h1 className="report-preview__title">{title}</h1>
      {outline.sections.length === 0 && <p className="muted">{t('outline.previewEmpty')}</p>}
      {outline.sections.map((section) => {
        const Heading = section.depth === 0 ? 'h2' : section.depth === 1 ? 'h3' : 'h4';
        return (
          <section key={section.id} className={`report-preview__section report-preview__section--d${Math.min(section.depth, 2)}`}>
            <Heading>{section.title}</Heading>
            {(section.rich || section.text) && <RichTextView className="report-preview__intro" value={section.rich} fallback={section.text} />}
            {items(section.items)}
          </section>
        );
      })}
    </article>
  );
}
