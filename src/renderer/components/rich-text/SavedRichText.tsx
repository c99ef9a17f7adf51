import { useEffect, useRef } from 'react';
import { lazyComponent } from '../lazy.tsx';

const RichTextEditor = lazyComponent(() => import('./RichTextEditor.tsx').then((m) => m.RichTextEditor));

/**
 * Rich text saved when focus leaves it (another object chosen, the screen closed), not on every
 * keystroke: one edit is one undo step of the project.
 */
export function SavedRichText(props: { label: string; value: string | null; placeholder?: string; className?: string; autoFocus?: boolean; onSave(json: string, text: string): void }) {
  const pending = useRef<{ json: string; text: string } | null>(null);
  const save = useRef(props.onSave);
  save.current = props.onSave;
  const flush = () => {
    const edit = pending.current;
    pending.current = null;
    if (edit) save.current(edit.json, edit.text);
  };
  // Leaving the object saves what was typed.
  useEffect(() => flush, []);
  return (
    <div
      className={props.className ?? 'saved-rich'}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) flush();
      }}
    >
      <RichTextEditor value={props.value} label={props.label} placeholder={props.placeholder} autoFocus={props.autoFocus} compact onChange={(json, text) => (pending.current = { json, text })} />
    </div>
  );
}
