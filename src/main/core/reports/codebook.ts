/** The codebook: labels in tree order, as a table (CSV, Excel) and as a document (Word, HTML, Markdown). */
import { lexicalBlocks, plainBlocks } from '../../../shared/lexical-blocks.ts';
import type { Label, LabelOrigin } from '../../../shared/model.ts';
import type { ReportDocument, ReportLanguage, ReportSection, RichBlock } from '../../../shared/report-document.ts';
import type { Table } from './table.ts';

/** Labels depth-first in codebook order, each with its depth and path of names. */
export function labelTree(labels: Label[]): Array<{ label: Label; depth: number; path: string[] }> {
  const children = new Map<string | null, Label[]>();
  const ids = new Set(labels.map((l) => l.id));
  for (const label of labels) {
    // A parent that is not in the list (should not happen) puts the label at the top rather than losing it.
    const parent = label.parentId !== null && ids.has(label.parentId) ? label.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), label]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const out: Array<{ label: Label; depth: number; path: string[] }> = [];
  const walk = (parent: string | null, depth: number, path: string[]) => {
    for (const label of children.get(parent) ?? []) {
      out.push({ label, depth, path: [...path, label.name] });
      walk(label.id, depth + 1, [...path, label.name]);
    }
  };
  walk(null, 0, []);
  return out;
}

const TEXTS = {
  nl: {
    sheet: 'Codeboek',
    title: 'Codeboek',
    headers: ['Niveau', 'Pad', 'Label', 'Definitie', 'Inclusiecriteria', 'Exclusiecriteria', 'Voorbeeld', 'Herkomst', 'Ronde', 'Segmenten', 'Documenten', 'Kleur'],
    origin: { 'a-priori': 'a priori', emergent: 'emergent', 'in-vivo': 'in vivo' } satisfies Record<LabelOrigin, string>,
    inclusion: 'Inclusie',
    exclusion: 'Exclusie',
    example: 'Voorbeeld',
    meta: (origin: string, round: number, segments: number, documents: number) =>
      `${origin} · ronde ${round} · ${segments} ${segments === 1 ? 'segment' : 'segmenten'} in ${documents} ${documents === 1 ? 'document' : 'documenten'}`,
  },
  en: {
    sheet: 'Codebook',
    title: 'Codebook',
    headers: ['Level', 'Path', 'Label', 'Definition', 'Inclusion criteria', 'Exclusion criteria', 'Example', 'Origin', 'Round', 'Segments', 'Documents', 'Colour'],
    origin: { 'a-priori': 'a priori', emergent: 'emergent', 'in-vivo': 'in vivo' } satisfies Record<LabelOrigin, string>,
    inclusion: 'Inclusion',
    exclusion: 'Exclusion',
    example: 'Example',
    meta: (origin: string, round: number, segments: number, documents: number) =>
      `${origin} · round ${round} · ${segments} ${segments === 1 ? 'segment' : 'segments'} in ${documents} ${documents === 1 ? 'document' : 'documents'}`,
  },
} as const;

export function codebookTable(labels: Label[], language: ReportLanguage): Table {
  const texts = TEXTS[language];
  const tree = labelTree(labels);
  const widths = [7, 30, 28, 50, 40, 40, 40, 11, 7, 11, 11, 9];
  return {
    name: texts.sheet,
    columns: texts.headers.map((header, i) => ({ header, width: widths[i], wrap: i >= 3 && i <= 6, indent: i === 2 ? tree.map((t) => t.depth) : undefined })),
    rows: tree.map(({ label, depth, path }) => [
      depth + 1,
      path.join(' > '),
      label.name,
      label.definition,
      label.inclusion,
      label.exclusion,
      label.example,
      texts.origin[label.origin],
      label.round,
      label.segmentCount,
      label.documentCount,
      label.colour,
    ]),
  };
}

function labelled(label: string, text: string): RichBlock[] {
  return plainBlocks(text).map((block, index) =>
    index === 0 && block.kind === 'paragraph' ? { kind: 'paragraph', runs: [{ text: `${label}: `, bold: true }, ...block.runs] } : block,
  );
}

export function codebookDocument(labels: Label[], projectTitle: string, language: ReportLanguage): ReportDocument {
  const texts = TEXTS[language];
  const sections: ReportSection[] = labelTree(labels).map(({ label, depth }) => {
    const blocks: RichBlock[] = [
      { kind: 'paragraph', runs: [{ text: texts.meta(texts.origin[label.origin], label.round, label.segmentCount, label.documentCount), italic: true }] },
      ...lexicalBlocks(label.definitionRich, label.definition),
      ...labelled(texts.inclusion, label.inclusion),
      ...labelled(texts.exclusion, label.exclusion),
    ];
    if (label.example.trim()) blocks.push({ kind: 'paragraph', runs: [{ text: `${texts.example}:`, bold: true }] }, { kind: 'quote', runs: [{ text: label.example }] });
    return { title: label.name, number: null, depth: Math.min(depth + 1, 9), intro: [], definition: [], counts: null, items: [{ kind: 'paragraph', blocks }] };
  });
  return { titleBlock: { lines: [{ kind: 'title', text: projectTitle }, { kind: 'subtitle', text: texts.title }] }, sections };
}
