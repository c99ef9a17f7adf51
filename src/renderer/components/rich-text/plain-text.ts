/**
 * Lexical editor state as JSON, read without an editor: the plain text that search, lists and
 * exports use, and a small tree for read-only display. Only the node types our editor makes are
 * known by name; anything else contributes its text and children.
 */
export interface SerializedNode {
  type: string;
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: 'bullet' | 'number' | 'check';
  start?: number;
  children?: SerializedNode[];
}

/** Lexical's text format bits. */
export const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;

/** The root of a stored state, or null when the string is not Lexical JSON. */
export function parseRich(json: string | null | undefined): SerializedNode | null {
  if (!json) return null;
  try {
    const root = (JSON.parse(json) as { root?: SerializedNode }).root;
    return root && typeof root === 'object' && Array.isArray(root.children) ? root : null;
  } catch {
    return null;
  }
}

const BLOCKS = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'code']);

function inline(node: SerializedNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  return (node.children ?? []).map((child) => (BLOCKS.has(child.type) ? '' : inline(child))).join('');
}

function lines(node: SerializedNode, out: string[], depth: number): void {
  if (node.type === 'list') {
    let n = node.start ?? 1;
    for (const item of node.children ?? []) {
      const nested = (item.children ?? []).filter((c) => c.type === 'list');
      const own = inline(item);
      if (nested.length === 0 || own.trim() !== '') {
        const marker = node.listType === 'number' ? `${n}. ` : '- ';
        out.push(`${'  '.repeat(depth)}${marker}${own}`);
        n++;
      }
      for (const list of nested) lines(list, out, depth + 1);
    }
    return;
  }
  const blocks = (node.children ?? []).filter((c) => BLOCKS.has(c.type));
  if (node.type === 'root' || blocks.length > 0) {
    for (const child of node.children ?? []) {
      if (BLOCKS.has(child.type)) lines(child, out, depth);
    }
    return;
  }
  out.push(inline(node));
}

/** The plain text of a stored editor state: one line per paragraph, "- " and "1. " before list items. */
export function plainTextOf(json: string | null | undefined): string {
  const root = parseRich(json);
  if (!root) return '';
  const out: string[] = [];
  lines(root, out, 0);
  return out.join('\n').replace(/\s+$/, '');
}

/**
 * Plain text as a Lexical state, one paragraph per line: what an editor shows for text stored without
 * its rich form (a generated outline's intros), so that the field never looks empty while it is not.
 */
export function richFromPlain(text: string): string {
  const paragraph = (line: string) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: line ? [{ type: 'text', version: 1, text: line, format: 0, detail: 0, mode: 'normal', style: '' }] : [],
  });
  return JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: text.split('\n').map(paragraph) } });
}
