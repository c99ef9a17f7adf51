import mammoth from 'mammoth';
import { DuidingError } from '../../../../shared/errors.ts';
import { decodeEntities, htmlText } from './markup.ts';
import type { Block, Run } from './word-processor.ts';
import { checkDocxZip } from './word-zip.ts';

interface MammothRun {
  styleName?: string | null;
  isBold?: boolean;
}
// mammoth ships `transforms` without type declarations.
const transforms = (mammoth as unknown as {
  transforms: { run(fn: (run: MammothRun) => MammothRun): (element: unknown) => unknown };
}).transforms;

/** Character styles that transcription templates use for speaker names. */
const SPEAKER_STYLE = /speaker|spreker|naam|name|interviewer|respondent/i;

function runsOf(html: string): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  // mammoth writes <strong> for bold runs and <br /> for manual line breaks.
  for (const token of html.split(/(<[^>]+>)/)) {
    if (!token) continue;
    if (token.startsWith('<')) {
      if (/^<strong\b/.test(token)) bold++;
      else if (token === '</strong>') bold = Math.max(0, bold - 1);
      else if (/^<br\b/.test(token)) runs.push({ text: '\n', bold: false });
      continue;
    }
    runs.push({ text: decodeEntities(token), bold: bold > 0 });
  }
  return runs;
}

export function blocksFromHtml(html: string): Block[] {
  const blocks: Block[] = [];
  const pattern = /<tr\b[^>]*>([\s\S]*?)<\/tr>|<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\2>/g;
  for (const m of html.matchAll(pattern)) {
    if (m[1] !== undefined) {
      const cells = [...m[1].matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
        htmlText(c[1]!.replace(/<\/p>/g, '\n')),
      );
      blocks.push({ type: 'row', cells });
    } else {
      blocks.push({ type: 'paragraph', runs: runsOf(m[3]!) });
    }
  }
  return blocks;
}

export async function readDocx(name: string, bytes: Uint8Array): Promise<Block[]> {
  checkDocxZip(name, bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: transforms.run((run) =>
          run.styleName && SPEAKER_STYLE.test(run.styleName) ? { ...run, isBold: true } : run,
        ),
        ignoreEmptyParagraphs: true,
        externalFileAccess: false,
        // Transcripts are text: drop images instead of inlining them as data URIs.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new DuidingError(
      `${name} could not be read as a Word document: the file is damaged, incomplete or not a .docx ` +
        `(${(error as Error).message.split('\n')[0]}).`,
      'input',
      { code: 'damagedDocx', params: { file: name } },
    );
  }
  return blocksFromHtml(html);
}
