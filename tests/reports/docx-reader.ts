/**
 * Reads a .docx back the way Word would: unzips it and parses word/document.xml, styles.xml and
 * numbering.xml. Knows nothing of the generator that wrote the file.
 */
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });

function tag(node: Node): string {
  return Object.keys(node).find((key) => key !== ':@')!;
}
function children(node: Node): Node[] {
  return (node[tag(node)] as Node[]) ?? [];
}
function attr(node: Node | undefined, name: string): string | undefined {
  return node?.[':@']?.[name];
}
function find(nodes: Node[], name: string): Node | undefined {
  return nodes.find((n) => tag(n) === name);
}
function* walk(nodes: Node[], name: string): Generator<Node> {
  for (const node of nodes) {
    if (tag(node) === name) yield node;
    else if (Array.isArray(node[tag(node)])) yield* walk(children(node), name);
  }
}

export interface DocxParagraph {
  style: string | null;
  numbering: { numId: string; level: number } | null;
  outlineLevel: number | null;
  text: string;
  /** The runs, with whether each is italic (directly on the run). */
  runs: Array<{ text: string; italic: boolean | null; bold: boolean }>;
  /** True when inside a table-of-contents content control. */
  inToc: boolean;
}

export interface DocxStyle {
  id: string;
  name: string;
  type: string;
  basedOn: string | null;
  outlineLevel: number | null;
  italic: boolean;
}

export interface DocxFile {
  files: string[];
  paragraphs: DocxParagraph[];
  styles: Map<string, DocxStyle>;
  /** numId → the format of level 0 ('bullet', 'decimal', …). */
  numFormats: Map<string, string>;
  /** numId → the level text of level 0 ('•', '%1)', '%1.'). */
  numTexts: Map<string, string>;
  documentXml: string;
  settingsXml: string;
}

function runText(run: Node): string {
  let text = '';
  for (const child of children(run)) {
    const name = tag(child);
    if (name === 'w:t') text += children(child).map((c) => String(c['#text'] ?? '')).join('');
    else if (name === 'w:br') text += '\n';
    else if (name === 'w:tab') text += '\t';
  }
  return text;
}

function onOff(node: Node | undefined): boolean {
  if (!node) return false;
  const value = attr(node, 'w:val');
  return value === undefined || (value !== 'false' && value !== '0');
}

function paragraph(p: Node, inToc: boolean): DocxParagraph {
  const pPr = find(children(p), 'w:pPr');
  const props = pPr ? children(pPr) : [];
  const numPr = find(props, 'w:numPr');
  const runs = [...walk(children(p), 'w:r')].map((run) => {
    const rPr = find(children(run), 'w:rPr');
    const i = rPr ? find(children(rPr), 'w:i') : undefined;
    return { text: runText(run), italic: i ? onOff(i) : null, bold: rPr ? onOff(find(children(rPr), 'w:b')) : false };
  });
  return {
    style: attr(find(props, 'w:pStyle'), 'w:val') ?? null,
    numbering: numPr
      ? { numId: attr(find(children(numPr), 'w:numId'), 'w:val')!, level: Number(attr(find(children(numPr), 'w:ilvl'), 'w:val') ?? 0) }
      : null,
    outlineLevel: find(props, 'w:outlineLvl') ? Number(attr(find(props, 'w:outlineLvl'), 'w:val')) : null,
    text: runs.map((r) => r.text).join(''),
    runs,
    inToc,
  };
}

function bodyParagraphs(nodes: Node[], inToc = false): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  for (const node of nodes) {
    const name = tag(node);
    if (name === 'w:p') out.push(paragraph(node, inToc));
    else if (name === 'w:sdt') {
      const sdtContent = find(children(node), 'w:sdtContent');
      const gallery = [...walk(children(node), 'w:docPartGallery')].some((g) => attr(g, 'w:val') === 'Table of Contents');
      if (sdtContent) out.push(...bodyParagraphs(children(sdtContent), inToc || gallery));
    } else if (name === 'w:tbl') out.push(...bodyParagraphs([...walk(children(node), 'w:p')], inToc));
  }
  return out;
}

export function readDocx(bytes: Uint8Array): DocxFile {
  const zip = unzipSync(bytes);
  const xml = (name: string) => {
    const file = zip[name];
    if (!file) throw new Error(`${name} is missing from the .docx`);
    return strFromU8(file);
  };
  const documentXml = xml('word/document.xml');
  const document = parser.parse(documentXml) as Node[];
  const body = find(children(find(document, 'w:document')!), 'w:body')!;

  const styles = new Map<string, DocxStyle>();
  for (const style of walk(parser.parse(xml('word/styles.xml')) as Node[], 'w:style')) {
    const kids = children(style);
    const pPr = find(kids, 'w:pPr');
    const rPr = find(kids, 'w:rPr');
    const outline = pPr ? find(children(pPr), 'w:outlineLvl') : undefined;
    styles.set(attr(style, 'w:styleId')!, {
      id: attr(style, 'w:styleId')!,
      name: attr(find(kids, 'w:name'), 'w:val') ?? '',
      type: attr(style, 'w:type') ?? '',
      basedOn: attr(find(kids, 'w:basedOn'), 'w:val') ?? null,
      outlineLevel: outline ? Number(attr(outline, 'w:val')) : null,
      italic: rPr ? onOff(find(children(rPr), 'w:i')) : false,
    });
  }

  const numFormats = new Map<string, string>();
  const numTexts = new Map<string, string>();
  if (zip['word/numbering.xml']) {
    const numbering = parser.parse(xml('word/numbering.xml')) as Node[];
    const abstract = new Map<string, { format: string; text: string }>();
    for (const a of walk(numbering, 'w:abstractNum')) {
      const lvl0 = children(a).find((c) => tag(c) === 'w:lvl' && attr(c, 'w:ilvl') === '0');
      const props = lvl0 ? children(lvl0) : [];
      abstract.set(attr(a, 'w:abstractNumId')!, { format: attr(find(props, 'w:numFmt'), 'w:val') ?? '', text: attr(find(props, 'w:lvlText'), 'w:val') ?? '' });
    }
    for (const num of walk(numbering, 'w:num')) {
      const level0 = abstract.get(attr(find(children(num), 'w:abstractNumId'), 'w:val')!);
      numFormats.set(attr(num, 'w:numId')!, level0?.format ?? '');
      numTexts.set(attr(num, 'w:numId')!, level0?.text ?? '');
    }
  }
  return {
    files: Object.keys(zip),
    paragraphs: bodyParagraphs(children(body)),
    styles,
    numFormats,
    numTexts,
    documentXml,
    settingsXml: zip['word/settings.xml'] ? strFromU8(zip['word/settings.xml']) : '',
  };
}

function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}

/**
 * The number or bullet Word prints before each paragraph (level 0 lists only; each numId counts from 1),
 * or null for a paragraph outside a list: what a reader sees, worked out from numbering.xml alone.
 */
export function wordLabels(docx: DocxFile): Array<string | null> {
  const counts = new Map<string, number>();
  return docx.paragraphs.map((p) => {
    if (!p.numbering) return null;
    const { numId } = p.numbering;
    const format = docx.numFormats.get(numId) ?? '';
    const text = docx.numTexts.get(numId) ?? '';
    if (format === 'bullet') return text;
    const n = (counts.get(numId) ?? 0) + 1;
    counts.set(numId, n);
    const shown = { decimal: String(n), upperLetter: letters(n), lowerLetter: letters(n).toLowerCase(), upperRoman: roman(n), lowerRoman: roman(n).toLowerCase() }[format] ?? `?${format}`;
    return text.replace(/%1/, shown);
  });
}
