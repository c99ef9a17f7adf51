import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DuidingError } from '../../../shared/errors.ts';

/** An element of a parsed document: local name (namespace prefix dropped), attributes, children, own text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's character data (direct text children joined), verbatim. */
  text: string;
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: Ordered): XmlElement | null {
  const key = Object.keys(node).find((k) => k !== ':@');
  if (key === undefined || key === '#text') return null;
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(node[':@'] ?? {})) {
    // Namespace declarations keep their prefix so that the root's namespace can be checked.
    attrs[name.startsWith('xmlns') ? name : localName(name)] = String(value);
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[key] as Ordered[]) ?? []) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name: localName(key), attrs, children, text };
}

/** Deeper than any REFI-QDA code tree or OpenDocument body; the readers walk the tree recursively. */
export const MAX_XML_DEPTH = 256;

const TAG = /<(\/?)[A-Za-z_][^\s/>]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g;

/**
 * Refuses a document nested deeper than `max`, naming the line, before any recursive walk can
 * overflow the stack (which surfaced as "Internal error" with a stack trace).
 */
export function checkXmlDepth(fileName: string, xml: string, max: number = MAX_XML_DEPTH, file: string = fileName): void {
  let depth = 0;
  for (const m of xml.matchAll(TAG)) {
    if (m[1]) depth--;
    else if (!m[2] && ++depth > max) {
      const line = xml.slice(0, m.index).split('\n').length;
      throw new DuidingError(`${fileName} is nested too deeply: line ${line} opens element level ${depth}; the limit is ${max}, far deeper than any real document, so it was refused.`, 'input', {
        code: 'xmlTooDeep',
        params: { file, line, limit: max },
      });
    }
  }
}

/**
 * Parses an XML document defensively. A DOCTYPE is refused outright: REFI-QDA files never declare
 * one, and entity declarations are how an "entity bomb" expands a small file into gigabytes.
 */
export function parseXml(fileName: string, xml: string): XmlElement {
  if (xml.trim() === '') throw new DuidingError(`${fileName} is empty: there is no XML in it.`, 'input', { code: 'xmlEmpty', params: { file: fileName } });
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new DuidingError(
      `${fileName} declares a DOCTYPE or entities, which REFI-QDA files never do; it was refused so that entity expansion cannot flood memory.`,
      'input',
      { code: 'xmlDoctype', params: { file: fileName } },
    );
  }
  checkXmlDepth(fileName, xml);
  const verdict = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw new DuidingError(`${fileName} is not well-formed XML: line ${line}, column ${col}: ${msg}`, 'input', {
      code: 'xmlMalformed',
      params: { file: fileName, line, col, reason: msg },
    });
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const nodes = parser.parse(xml) as Ordered[];
  const root = nodes.map(toElement).find((e): e is XmlElement => e !== null);
  if (!root) throw new DuidingError(`${fileName} has no root element.`, 'input', { code: 'xmlMalformed', params: { file: fileName, line: 1, col: 1, reason: 'no root element' } });
  return root;
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

// ---- writing ----

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether a string may hold something NOT_XML removes: a cheap test first, as most text holds none. */
// eslint-disable-next-line no-control-regex
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

export function escapeText(value: string): string {
  // One pass for the entities; the export of a whole project escapes megabytes (issue 19).
  return (MAYBE_NOT_XML.test(value) ? value.replace(NOT_XML, '') : value).replace(/[&<>\r]/g, (c) => ENTITIES[c]!);
}

export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** A node to write: an element with attributes (undefined ones left out) and children or text. */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string | number | boolean | undefined | null>;
  children?: Array<XmlNode | null | undefined | false>;
  text?: string;
}

export function el(name: string, attrs: XmlNode['attrs'] = {}, children: XmlNode['children'] = []): XmlNode {
  return { name, attrs, children };
}

export function textEl(name: string, text: string): XmlNode {
  return { name, text };
}

function attrText(attrs: XmlNode['attrs']): string {
  return Object.entries(attrs ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
}

/** An element's start tag at an indentation depth (or the whole empty element); for writing a document piece by piece. */
export function startTag(name: string, attrs: XmlNode['attrs'], depth: number, empty = false): string {
  return `${'  '.repeat(depth)}<${name}${attrText(attrs)}${empty ? '/' : ''}>`;
}

export function endTag(name: string, depth: number): string {
  return `${'  '.repeat(depth)}</${name}>`;
}

/** Serialises with two-space indentation; text elements keep their content exactly. */
export function serialize(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = attrText(node.attrs);
  if (node.text !== undefined) return `${pad}<${node.name}${attrs}>${escapeText(node.text)}</${node.name}>`;
  const kids = (node.children ?? []).filter((c): c is XmlNode => Boolean(c));
  if (kids.length === 0) return `${pad}<${node.name}${attrs}/>`;
  return `${pad}<${node.name}${attrs}>\n${kids.map((k) => serialize(k, depth + 1)).join('\n')}\n${pad}</${node.name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

export function xmlDocument(root: XmlNode): string {
  return `${XML_DECLARATION}${serialize(root)}\n`;
}
