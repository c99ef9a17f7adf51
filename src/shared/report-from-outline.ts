/**
 * The researcher's outline as a report document: what the live preview renders and what every
 * writer reads, so that the two cannot drift. Pure: the data comes in, the document goes out.
 */
import type { Concept, Numbering, Outline, Quote, TitleLine } from './analysis.ts';
import { lexicalBlocks } from './lexical-blocks.ts';
import type { Label } from './model.ts';
import { numberLabel, type ReportDocument, type ReportItem, type ReportLanguage, type ReportOptions, type ReportSection, type ReportTitleBlock, type QuoteSource } from './report-document.ts';

export function quoteSource(quote: Quote): QuoteSource {
  return {
    participant: quote.participant?.name ?? null,
    ...(quote.speakerRole !== 'participant' && !quote.participant ? { role: quote.speakerRole } : {}),
    attributes: quote.participant?.attributes ?? {},
    document: quote.documentName,
    startMs: quote.startMs,
    paragraph: quote.turnPosition === null ? null : quote.turnPosition + 1,
    ...(quote.page !== undefined ? { page: quote.page, lastPage: quote.lastPage ?? quote.page } : {}),
    ...(quote.citation !== undefined ? { citation: quote.citation } : {}),
  };
}

export function quoteItem(quote: Quote): Extract<ReportItem, { kind: 'quote' }> {
  return { kind: 'quote', text: quote.text, source: quoteSource(quote), segmentId: quote.segmentId };
}

/** Who a quote speaks for: its participant, or its document when it has none. */
function interviewKey(source: QuoteSource): string {
  return source.participant !== null ? `p:${source.participant}` : `d:${source.document}`;
}

/**
 * Fills in each section's counts over itself and its sub-sections: distinct quotes (by text and
 * source) and distinct interviews.
 */
export function withCounts(sections: ReportSection[], quoteKeys: Map<ReportItem, string>): ReportSection[] {
  return sections.map((section, index) => {
    const quotes = new Set<string>();
    const interviews = new Set<string>();
    for (let i = index; i < sections.length && (i === index || sections[i]!.depth > section.depth); i++) {
      for (const item of sections[i]!.items) {
        if (item.kind !== 'quote') continue;
        quotes.add(quoteKeys.get(item) ?? `${item.source.document}\u0000${item.text}`);
        interviews.add(interviewKey(item.source));
      }
    }
    return { ...section, counts: { quotes: quotes.size, interviews: interviews.size } };
  });
}

/**
 * The sub-sections of a section are numbered "1)", "2)"… when it groups two or more sections that
 * each hold tensions — the appendix's "Spanningsvelden" with "1) Zelfopvatting…", "2) Personeelsbeleid".
 */
function numberedParents(outline: Outline): Set<string> {
  const children = new Map<string | null, Outline['sections']>();
  for (const section of outline.sections) children.set(section.parentId, [...(children.get(section.parentId) ?? []), section]);
  const parents = new Set<string>();
  for (const [parentId, kids] of children) {
    if (parentId === null || kids.length < 2) continue;
    if (kids.every((kid) => kid.tie?.kind !== 'tension' && (children.get(kid.id) ?? []).some((grandchild) => grandchild.tie?.kind === 'tension'))) {
      parents.add(parentId);
    }
  }
  return parents;
}

export interface DefinitionSource {
  concepts: Concept[];
  labels: Label[];
}

function definitionOf(tie: Outline['sections'][number]['tie'], sources: DefinitionSource) {
  if (tie?.kind === 'concept') {
    const concept = sources.concepts.find((c) => c.id === tie.id);
    return concept ? lexicalBlocks(concept.definitionRich, concept.definition) : [];
  }
  if (tie?.kind === 'label') {
    const label = sources.labels.find((l) => l.id === tie.id);
    return label ? lexicalBlocks(label.definitionRich, label.definition) : [];
  }
  return [];
}

/** The title block a project has before the researcher sets one: its title and the default subtitle. */
export function defaultTitleLines(projectTitle: string, language: ReportLanguage): TitleLine[] {
  return [
    { kind: 'title', text: projectTitle },
    { kind: 'subtitle', text: language === 'nl' ? 'Overzicht thema’s met citaten' : 'Theme overview with quotes' },
  ];
}

/** The stored lines (blank ones dropped), or the default block while none are stored. */
export function titleBlock(projectTitle: string, language: ReportLanguage, lines: TitleLine[] | undefined): ReportTitleBlock {
  const kept = (lines ?? []).map((line) => ({ kind: line.kind, text: line.text.trim() })).filter((line) => line.text !== '');
  return { lines: kept.length ? kept : defaultTitleLines(projectTitle, language) };
}

/**
 * The title block of one export: each kind that `overrides` names (the CLI's --title, --subtitle,
 * --authors) replaces the stored lines of that kind. The overriding lines keep the order they were
 * given, and stand together where the first replaced line stood (a block without such lines gets
 * them at its end). A blank override removes its kind.
 */
export function mergeTitleLines(stored: TitleLine[], overrides: TitleLine[]): TitleLine[] {
  if (!overrides.length) return stored;
  const kinds = new Set(overrides.map((line) => line.kind));
  const given = overrides.filter((line) => line.text.trim() !== '');
  const at = stored.findIndex((line) => kinds.has(line.kind));
  const kept = stored.filter((line) => !kinds.has(line.kind));
  const before = at < 0 ? kept.length : stored.slice(0, at).filter((line) => !kinds.has(line.kind)).length;
  return [...kept.slice(0, before), ...given, ...kept.slice(before)];
}

/**
 * The outline as a report document, sections and items in the researcher's order. A heading's number
 * follows its parent's choice for its sub-sections, else its level's, else the automatic rule ("1)"
 * on groups of tensions); sections are counted among their siblings.
 */
export function reportFromOutline(outline: Outline, sources: DefinitionSource, projectTitle: string, options: ReportOptions): ReportDocument {
  const numbered = numberedParents(outline);
  const byId = new Map(outline.sections.map((section) => [section.id, section]));
  const counters = new Map<string | null, number>();
  const quoteKeys = new Map<ReportItem, string>();
  const sections: ReportSection[] = outline.sections.map((section) => {
    const parent = section.parentId === null ? undefined : byId.get(section.parentId);
    const numbering: Numbering =
      parent?.numbering ?? options.levelNumbering?.[section.depth] ?? (section.parentId !== null && numbered.has(section.parentId) ? '1)' : 'none');
    let number: string | null = null;
    if (numbering !== 'none') {
      const n = (counters.get(section.parentId) ?? 0) + 1;
      counters.set(section.parentId, n);
      number = numberLabel(numbering, n);
    }
    const items: ReportItem[] = [];
    for (const item of [...section.items].sort((a, b) => a.position - b.position)) {
      if (item.kind === 'quote') {
        const quote = item.segmentId ? outline.quotes[item.segmentId] : undefined;
        // A quote whose segment was deleted since has nothing verbatim left to show.
        if (!quote) continue;
        const edit = outline.edits?.[item.id];
        const entry: ReportItem = edit ? { ...quoteItem(quote), text: edit.text, verbatim: quote.text } : quoteItem(quote);
        quoteKeys.set(entry, quote.segmentId);
        items.push(entry);
      } else if (item.kind === 'finding') items.push({ kind: 'finding', text: item.text, ...(item.title ? { title: item.title } : {}) });
      else if (item.kind === 'implication') items.push({ kind: 'implication', text: item.text });
      else if (item.kind === 'chart') {
        // The figures come with the outline, computed at its read; without them there is nothing true to draw.
        const figures = outline.charts?.[item.id];
        if (figures) items.push({ kind: 'chart', figures });
      } else items.push({ kind: 'paragraph', blocks: lexicalBlocks(item.rich, item.text) });
    }
    return {
      title: section.title,
      number,
      depth: section.depth + 1,
      intro: lexicalBlocks(section.rich, section.text),
      definition: definitionOf(section.tie, sources),
      counts: null,
      itemNumbering: section.itemNumbering ?? 'bullet',
      items,
    };
  });
  return { titleBlock: titleBlock(projectTitle, options.language, options.titleLines), sections: withCounts(sections, quoteKeys) };
}
