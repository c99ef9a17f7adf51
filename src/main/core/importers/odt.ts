import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { DuidingError } from '../../../shared/errors.ts';
import type { Block, Run } from './word-processor.ts';

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

function runsOf(nodes: XmlNode[], bold: Set<string>, inBold: boolean, out: Run[]): Run[] {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') out.push({ text: String(node['#text']), bold: inBold });
    else if (tag === 'text:s') out.push({ text: ' '.repeat(Number(node[':@']?.['text:c'] ?? 1)), bold: inBold });
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
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === 'content.xml' || file.name === 'styles.xml' });
  } catch (error) {
    throw new DuidingError(`${name} could not be read as an OpenDocument text: the file is damaged or incomplete (${(error as Error).message}).`, 'input', {
      code: 'damagedOdt',
      params: { file: name },
    });
  }
  const content = files['content.xml'];
  if (!content) throw new DuidingError(`${name} is not an OpenDocument text: it has no content.xml.`);
  const decoder = new TextDecoder();
  let contentXml: XmlNode[];
  let stylesXml: XmlNode[];
  try {
    contentXml = parser.parse(decoder.decode(content)) as XmlNode[];
    stylesXml = files['styles.xml'] ? (parser.parse(decoder.decode(files['styles.xml'])) as XmlNode[]) : [];
  } catch (error) {
    throw new DuidingError(`${name} could not be read: its content.xml is not valid XML (${(error as Error).message}).`);
  }
  const body = [...walk(contentXml)].find((node) => tagOf(node) === 'office:text');
  if (!body) throw new DuidingError(`${name} is not an OpenDocument text document (no office:text body).`);
  return blocksOf(childrenOf(body), boldStyles(contentXml, stylesXml), []);
}
