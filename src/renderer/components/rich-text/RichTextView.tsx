import type { ReactNode } from 'react';
import { FORMAT, parseRich, type SerializedNode } from './plain-text.ts';

/**
 * Stored rich text shown read-only, without an editor: cheap enough for a list of hundreds of memos.
 * Falls back to `fallback` (the plain text) when the JSON cannot be read.
 */
export function RichTextView({ value, fallback = '', className }: { value: string | null; fallback?: string; className?: string }) {
  const root = parseRich(value);
  return <div className={`rte-view${className ? ` ${className}` : ''}`}>{root ? children(root) : <p>{fallback}</p>}</div>;
}

function children(node: SerializedNode): ReactNode[] {
  return (node.children ?? []).map((child, i) => render(child, i));
}

function render(node: SerializedNode, key: number): ReactNode {
  switch (node.type) {
    case 'text': {
      const format = typeof node.format === 'number' ? node.format : 0;
      let out: ReactNode = node.text ?? '';
      if (format & FORMAT.code) out = <code>{out}</code>;
      if (format & FORMAT.strikethrough) out = <s>{out}</s>;
      if (format & FORMAT.underline) out = <u>{out}</u>;
      if (format & FORMAT.italic) out = <em>{out}</em>;
      if (format & FORMAT.bold) out = <strong>{out}</strong>;
      return <span key={key}>{out}</span>;
    }
    case 'linebreak':
      return <br key={key} />;
    case 'paragraph':
      return <p key={key}>{children(node)}</p>;
    case 'quote':
      return <blockquote key={key}>{children(node)}</blockquote>;
    case 'heading':
      return <p key={key} className="rte-view__heading">{children(node)}</p>;
    case 'list':
      return node.listType === 'number' ? (
        <ol key={key} start={node.start ?? 1}>
          {children(node)}
        </ol>
      ) : (
        <ul key={key}>{children(node)}</ul>
      );
    case 'listitem': {
      const nestedOnly = (node.children ?? []).length > 0 && (node.children ?? []).every((c) => c.type === 'list');
      return (
        <li key={key} className={nestedOnly ? 'rte-view__nested' : undefined}>
          {children(node)}
        </li>
      );
    }
    default:
      return <span key={key}>{children(node)}</span>;
  }
}
