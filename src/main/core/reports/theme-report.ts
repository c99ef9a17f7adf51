/**
 * The theme report as a document: from the researcher's outline (src/shared/report-from-outline.ts,
 * shared with the live preview), or, while there is none, a default one (concepts → their labels →
 * quotes, then the labels in no concept, as MAXQDA's Smart Publisher does). Pure.
 */
import type { Quote } from '../../../shared/analysis.ts';
import { lexicalBlocks } from '../../../shared/lexical-blocks.ts';
import type { Label } from '../../../shared/model.ts';
import { reportTexts, type ReportDocument, type ReportItem, type ReportOptions, type ReportSection } from '../../../shared/report-document.ts';
import { quoteItem, titleBlock, withCounts, type DefinitionSource } from '../../../shared/report-from-outline.ts';

export { quoteSource, reportFromOutline, titleBlock, type DefinitionSource } from '../../../shared/report-from-outline.ts';

export interface DefaultReportSources extends DefinitionSource {
  /** Quotes of a label's own segments (not its sub-labels'), in document order. */
  labelQuotes(labelId: string): Quote[];
  /** Quotes of a concept's direct segments. */
  conceptQuotes(conceptId: string): Quote[];
}

/**
 * With no outline yet: one section per concept (its definition, its direct quotes), its labels as
 * sub-sections with their quotes and sub-labels, then the labels in no concept. Labels without any
 * quote below them are left out, as are empty concepts: a heading with nothing under it is noise.
 */
export function defaultReport(sources: DefaultReportSources, projectTitle: string, options: ReportOptions): ReportDocument {
  const texts = reportTexts(options.language);
  const childrenOf = new Map<string | null, Label[]>();
  for (const label of [...sources.labels].sort((a, b) => a.position - b.position)) {
    childrenOf.set(label.parentId, [...(childrenOf.get(label.parentId) ?? []), label]);
  }
  const quoteKeys = new Map<ReportItem, string>();
  const quotesAsItems = (quotes: Quote[]) =>
    quotes.map((quote) => {
      const item = quoteItem(quote);
      quoteKeys.set(item, quote.segmentId);
      return item;
    });

  /** A label's section and its sub-labels' below it; `skip` leaves out labels already shown elsewhere. */
  const labelTree = (label: Label, depth: number, shown: Set<string>, skip: Set<string>): ReportSection[] => {
    if (skip.has(label.id)) return [];
    shown.add(label.id);
    const below = (childrenOf.get(label.id) ?? []).flatMap((child) => labelTree(child, depth + 1, shown, skip));
    const items = quotesAsItems(sources.labelQuotes(label.id));
    if (!items.length && !below.length) return [];
    const own: ReportSection = {
      title: label.name,
      number: null,
      depth,
      intro: [],
      definition: lexicalBlocks(label.definitionRich, label.definition),
      counts: null,
      items,
    };
    return [own, ...below];
  };

  const sections: ReportSection[] = [];
  const inConcept = new Set<string>();
  const none = new Set<string>();
  for (const concept of [...sources.concepts].sort((a, b) => a.position - b.position)) {
    const labels = concept.labelIds.map((id) => sources.labels.find((l) => l.id === id)).filter((l): l is Label => l !== undefined);
    const below = labels.flatMap((label) => labelTree(label, 2, inConcept, none));
    const items = quotesAsItems(sources.conceptQuotes(concept.id));
    if (!items.length && !below.length) continue;
    sections.push(
      { title: concept.name, number: null, depth: 1, intro: [], definition: lexicalBlocks(concept.definitionRich, concept.definition), counts: null, items },
      ...below,
    );
  }
  // Every label under a concept (with its sub-labels) was shown there; the rest keep their tree here.
  for (const concept of sources.concepts) for (const id of concept.labelIds) inConcept.add(id);
  const looseSections = (childrenOf.get(null) ?? []).flatMap((label) => labelTree(label, 2, new Set(), inConcept));
  if (looseSections.length) {
    sections.push({ title: texts.labelsInNoConcept, number: null, depth: 1, intro: [], definition: [], counts: null, items: [] }, ...looseSections);
  }
  return { titleBlock: titleBlock(projectTitle, options.language, options.titleLines), sections: withCounts(sections, quoteKeys) };
}
