import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkXmlDepth } from '../../refi-qda/xml.ts';
import { DuidingError } from '../../../../shared/errors.ts';
import type { Block, Run } from './word-processor.ts';
import { guardZip, openWordZip } from './word-zip.ts';

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  processEntities: true,
  parseTagValue: false,
});

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@')!;
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function* walk(nodes: XmlNode[]): Generator<XmlNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(childrenOf(node));
  }
}

/** Names of automatic and common text styles whose font weight is bold. */
function boldStyles(...documents: XmlNode[][]): Set<string> {
  const bold = new Set<string>();
  for (const nodes of documents) {
    for (const node of walk(nodes)) {
      if (tagOf(node) !== 'style:style') continue;
      const props = childrenOf(node).find((child) => tagOf(child) === 'style:text-properties');
      if (props?.[':@']?.['fo:font-weight'] === 'bold' && node[':@']?.['style:name']) bold.add(node[':@']['style:name']);
    }
  }
  return bold;
}

/** More spaces in one `<text:s>` than any document holds; `text:c="1e9"` asked for a gigabyte. */
const MAX_SPACES = 1000;

class BadSpaceCount extends Error {
  constructor(readonly value: string) {
    super(value);
  }
}

function spaces(node: XmlNode): string {
  const raw = node[':@']?.['text:c'] ?? '1';
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > MAX_SPACES) throw new BadSpaceCount(raw);
  return ' '.repeat(Number(raw));
}

function runsOf(nodes: XmlNode[], bold: Set<string>, inBold: boolean, out: Run[]): Run[] {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') out.push({ text: String(node['#text']), bold: inBold });
    else if (tag === 'text:s') out.push({ text: spaces(node), bold: inBold });
    else if (tag === 'text:tab') out.push({ text: '\t', bold: inBold });
    else if (tag === 'text:line-break') out.push({ text: '\n', bold: false });
    else if (tag === 'text:note' || tag === 'office:annotation') continue; // footnotes and comments are not speech
    else runsOf(childrenOf(node), bold, inBold || bold.has(node[':@']?.['text:style-name'] ?? ''), out);
  }
  return out;
}

function blocksOf(nodes: XmlNode[], bold: Set<string>, out: Block[]): Block[] {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'text:p' || tag === 'text:h') {
      const style = node[':@']?.['text:style-name'] ?? '';
      out.push({ type: 'paragraph', runs: runsOf(childrenOf(node), bold, bold.has(style), []) });
    } else if (tag === 'table:table-row') {
      const cells = childrenOf(node)
        .filter((cell) => tagOf(cell) === 'table:table-cell')
        .map((cell) =>
          blocksOf(childrenOf(cell), bold, [])
            .map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.cells.join(' ')))
            .join('\n'),
        );
      out.push({ type: 'row', cells });
    } else if (tag !== 'office:annotation' && tag !== 'text:tracked-changes') {
      blocksOf(childrenOf(node), bold, out);
    }
  }
  return out;
}

export function readOdt(name: string, bytes: Uint8Array): Block[] {
  const zip = openWordZip(name, 'odt', bytes);
  const files: Record<string, Uint8Array> = {};
  guardZip(name, 'odt', () => {
    for (const entry of zip.entries) if (entry.path === 'content.xml' || entry.path === 'styles.xml') files[entry.path] = zip.read(entry);
  });
  const content = files['content.xml'];
  if (!content) throw new DuidingError(`${name} is not an OpenDocument text: it has no content.xml.`, 'input', { code: 'damagedOdt', params: { file: name } });
  const decoder = new TextDecoder();
  const parts: Record<string, XmlNode[]> = {};
  for (const part of ['content.xml', 'styles.xml']) {
    if (!files[part]) continue;
    const xml = decoder.decode(files[part]);
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
      // Entity declarations are how a few KB of XML expand to gigabytes; OpenDocument never has them.
      throw new DuidingError(`${name} is refused: its ${part} declares a DOCTYPE or entities, which OpenDocument files never do.`, 'input', {
        code: 'damagedOdt',
        params: { file: name },
      });
    }
    checkXmlDepth(`${name}: ${part}`, xml, undefined, name);
    const verdict = XMLValidator.validate(xml);
    if (verdict !== true) {
      const { msg, line, col } = verdict.err;
      throw new DuidingError(`${name} could not be read: its ${part} is not valid XML (line ${line}, column ${col}: ${msg}).`, 'input', {
        code: 'damagedOdt',
        params: { file: name, line },
      });
    }
    parts[part] = parser.parse(xml) as XmlNode[];
  }
  const contentXml = parts['content.xml']!;
  const body = [...walk(contentXml)].find((node) => tagOf(node) === 'office:text');
  if (!body) throw new DuidingError(`${name} is not an OpenDocument text document (no office:text body).`, 'input', { code: 'damagedOdt', params: { file: name } });
  try {
    return blocksOf(childrenOf(body), boldStyles(contentXml, parts['styles.xml'] ?? []), []);
  } catch (error) {
    if (!(error instanceof BadSpaceCount)) throw error;
    const xml = decoder.decode(content);
    const at = xml.search(new RegExp(`text:c\\s*=\\s*["']${error.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`));
    const line = at < 0 ? null : xml.slice(0, at).split('\n').length;
    throw new DuidingError(
      `${name} is damaged: its content.xml${line ? `, line ${line},` : ''} asks for ${JSON.stringify(error.value)} spaces (<text:s text:c>), which is not a whole number from 0 to ${MAX_SPACES}.`,
      'input',
      { code: 'damagedOdt', params: { file: name, ...(line ? { line } : {}) } },
    );
  }
}
