import { useEffect, useId, useState } from 'react';

/**
 * A plain text field that saves when it is left, and only when it changed: one edit is one undo
 * step of the project, not one per keystroke. A new value from outside (undo, another screen)
 * replaces the draft.
 */
export function SavedTextarea(props: { label: string; value: string; onSave(value: string): void; placeholder?: string; rows?: number; className?: string }) {
  const id = useId();
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  return (
    <div className={`field ${props.className ?? 'saved-field'}`}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        value={draft}
        rows={props.rows ?? 3}
        placeholder={props.placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== props.value) props.onSave(draft);
        }}
      />
    </div>
  );
}
