/**
 * The rich text Duiding stores (Lexical's serialized editor state) checked against the node types
 * Duiding's editor registers. A value with a node the editor does not know — a `link` from another
 * program or a hand-made call — made Lexical throw (error #17) and blanked the whole window; a
 * `javascript:` link could travel into an export. Checked at the API (the contract's zod schema) and
 * on REFI-QDA import.
 */

/** What RichTextEditor registers (ListNode, ListItemNode) plus Lexical's built-in nodes. */
export const RICH_TEXT_NODE_TYPES = ['root', 'paragraph', 'text', 'linebreak', 'tab', 'list', 'listitem'] as const;

/** Far above any memo (a long memo is some 20 KB of JSON); bounds the walk. */
export const MAX_RICH_TEXT_LENGTH = 2 * 1024 * 1024;
const MAX_DEPTH = 32;

const KNOWN = new Set<string>(RICH_TEXT_NODE_TYPES);

/** Link targets an export may carry: web pages and e-mail addresses. */
export function isSafeLink(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

/** Null when `json` is rich text Duiding can show; else the problem, as a phrase. */
export function richTextProblem(json: string): string | null {
  if (json.length > MAX_RICH_TEXT_LENGTH) return `it is ${json.length.toLocaleString('en-US')} characters long; the limit is ${MAX_RICH_TEXT_LENGTH.toLocaleString('en-US')}`;
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return 'it is not JSON';
  }
  const root = (state as { root?: unknown } | null)?.root;
  if (typeof root !== 'object' || root === null || (root as { type?: unknown }).type !== 'root') return 'it has no root node';
  const check = (node: unknown, depth: number, path: string): string | null => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return `${path} is not a node`;
    const { type, children, text, url } = node as { type?: unknown; children?: unknown; text?: unknown; url?: unknown };
    if (typeof type !== 'string') return `${path} has no type`;
    if (!KNOWN.has(type)) {
      const link = typeof url === 'string' ? ` to ${JSON.stringify(url.slice(0, 80))}` : '';
      return `${path} is a "${type.slice(0, 40)}" node${link}, which Duiding's editor does not have (it has ${RICH_TEXT_NODE_TYPES.join(', ')})`;
    }
    if (type === 'text' && typeof text !== 'string') return `${path} is a text node without text`;
    if (children === undefined) return null;
    if (!Array.isArray(children)) return `${path} has children that are not a list`;
    if (depth >= MAX_DEPTH) return `it is nested deeper than ${MAX_DEPTH} levels`;
    for (let i = 0; i < children.length; i++) {
      const problem = check(children[i], depth + 1, `${path} › ${i + 1}`);
      if (problem) return problem;
    }
    return null;
  };
  return check(root, 0, 'the root');
}
