/**
 * A Lexical editor state (serialized JSON) reduced to the rich-text blocks the exporters write.
 * Pure: reads the JSON tree without the Lexical runtime, so the core can export without a DOM.
 */
import type { RichBlock, RichRun } from './report-document.ts';
import { isSafeLink } from './lexical-validate.ts';

interface LexicalNode {
  type?: string;
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  url?: string;
  children?: LexicalNode[];
}

// Lexical's text format bit flags (lexical/LexicalConstants).
const IS_BOLD = 1;
const IS_ITALIC = 2;
const IS_UNDERLINE = 8;

function runsOf(nodes: LexicalNode[] | undefined, link?: string): RichRun[] {
  const runs: RichRun[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text' && typeof node.text === 'string') {
      const format = typeof node.format === 'number' ? node.format : 0;
      const run: RichRun = { text: node.text };
      if (format & IS_BOLD) run.bold = true;
      if (format & IS_ITALIC) run.italic = true;
      if (format & IS_UNDERLINE) run.underline = true;
      if (link) run.link = link;
      runs.push(run);
    } else if (node.type === 'linebreak') runs.push({ text: '\n' });
    else if (node.type === 'tab') runs.push({ text: '\t' });
    // Only web and e-mail links reach an export; a `javascript:` or `file:` link keeps its text only.
    else if ((node.type === 'link' || node.type === 'autolink') && node.url) runs.push(...runsOf(node.children, isSafeLink(node.url) ? node.url : link));
    else if (node.children) runs.push(...runsOf(node.children, link));
  }
  return mergeRuns(runs);
}

/** Neighbouring runs with the same formatting become one, so writers emit fewer, longer runs. */
function mergeRuns(runs: RichRun[]): RichRun[] {
  const merged: RichRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.underline === run.underline && last.link === run.link) {
      last.text += run.text;
    } else merged.push({ ...run });
  }
  return merged;
}

function listItems(list: LexicalNode, level: number, into: Array<{ level: number; runs: RichRun[] }>): void {
  for (const item of list.children ?? []) {
    const nested = (item.children ?? []).filter((child) => child.type === 'list');
    const inline = (item.children ?? []).filter((child) => child.type !== 'list');
    if (inline.length) into.push({ level, runs: runsOf(inline) });
    for (const sub of nested) listItems(sub, level + 1, into);
  }
}

function blocksOf(nodes: LexicalNode[]): RichBlock[] {
  const blocks: RichBlock[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const level = Number(/^h([1-6])$/.exec(node.tag ?? '')?.[1] ?? 1);
        blocks.push({ kind: 'heading', level, runs: runsOf(node.children) });
        break;
      }
      case 'quote':
        blocks.push({ kind: 'quote', runs: runsOf(node.children) });
        break;
      case 'list': {
        const items: Array<{ level: number; runs: RichRun[] }> = [];
        listItems(node, 0, items);
        blocks.push({ kind: 'list', ordered: node.listType === 'number', items });
        break;
      }
      default:
        blocks.push({ kind: 'paragraph', runs: runsOf(node.children) });
    }
  }
  // Empty paragraphs are the editor's spacing, not content.
  return blocks.filter((block) => block.kind === 'list' || block.runs.some((run) => run.text.trim() !== ''));
}

/** Plain text as paragraphs: one per non-empty line. */
export function plainBlocks(text: string): RichBlock[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph' as const, runs: [{ text: line }] }));
}

/**
 * The blocks of a Lexical state; when there is none, or it cannot be read, the plain text stands in,
 * so that an export never loses what the researcher wrote.
 */
export function lexicalBlocks(json: string | null, plainText: string): RichBlock[] {
  if (json) {
    try {
      const state = JSON.parse(json) as { root?: LexicalNode };
      if (state.root && Array.isArray(state.root.children)) return blocksOf(state.root.children);
    } catch {
      // Fall through to the plain text.
    }
  }
  return plainBlocks(plainText);
}
