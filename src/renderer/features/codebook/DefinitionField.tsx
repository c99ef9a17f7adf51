import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/model.ts';
import { RichTextEditor } from '../../components/rich-text/RichTextEditor.tsx';

/** Plain text (from a CSV import or a template) as Lexical editor state: one paragraph per line. */
export function plainToRich(text: string): string | null {
  if (!text.trim()) return null;
  const paragraph = (line: string) => ({
    children: line ? [{ detail: 0, format: 0, mode: 'normal', style: '', text: line, type: 'text', version: 1 }] : [],
    direction: null,
    format: '',
    indent: 0,
    type: 'paragraph',
    version: 1,
    textFormat: 0,
    textStyle: '',
  });
  return JSON.stringify({ root: { children: text.split('\n').map(paragraph), direction: null, format: '', indent: 0, type: 'root', version: 1 } });
}

/**
 * The definition in rich text. It is saved when the field loses focus (or the label changes), not
 * on every keystroke: one edit of a definition is one undo step of the project.
 */
export function DefinitionField({ label, onSave }: { label: Label; onSave(json: string, text: string): void }) {
  const { t } = useTranslation();
  const pending = useRef<{ json: string; text: string } | null>(null);
  const save = useRef(onSave);
  save.current = onSave;
  const flush = () => {
    const edit = pending.current;
    pending.current = null;
    if (edit) save.current(edit.json, edit.text);
  };
  // Leaving the label (another one chosen, the screen closed) saves what was typed.
  useEffect(() => flush, []);

  return (
    <div
      className="codebook-definition"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) flush();
      }}
    >
      <RichTextEditor
        value={label.definitionRich ?? plainToRich(label.definition)}
        label={t('codebook.definition')}
        placeholder={t('codebook.definitionPlaceholder')}
        compact
        onChange={(json, text) => {
          pending.current = { json, text };
        }}
      />
    </div>
  );
}
