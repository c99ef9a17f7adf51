/**
 * A minimal Lexical editor state for plain text from another tool: one paragraph per line, so that
 * the memo opens in Duiding's editor and its plain text reads back the same.
 */
function paragraph(line: string): unknown {
  return {
    children: line === '' ? [] : [{ detail: 0, format: 0, mode: 'normal', style: '', text: line, type: 'text', version: 1 }],
    direction: null,
    format: '',
    indent: 0,
    type: 'paragraph',
    version: 1,
    textFormat: 0,
    textStyle: '',
  };
}

export function lexicalFromPlainText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return JSON.stringify({ root: { children: lines.map(paragraph), direction: null, format: '', indent: 0, type: 'root', version: 1 } });
}
