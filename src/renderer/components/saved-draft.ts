import { useEffect, useState, type KeyboardEvent } from 'react';

/**
 * A one-line field that saves when it is left (blur, Enter) and only when it changed: one edit is
 * one undo step of the project, not one per keystroke. Escape puts the saved value back. A new
 * value from outside (undo, another screen) replaces the draft. `required` refuses an empty value
 * by putting the saved one back.
 */
export function useSavedDraft(value: string, onSave: (value: string) => void, options: { required?: boolean; blurOnEscape?: boolean } = {}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    const next = draft.trim();
    if (options.required && !next) setDraft(value);
    else if (next !== value) onSave(next);
    else setDraft(value);
  };
  return {
    value: draft,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        event.currentTarget.blur();
      } else if (event.key === 'Escape') {
        setDraft(value);
        if (options.blurOnEscape) event.currentTarget.blur();
      }
    },
  };
}
