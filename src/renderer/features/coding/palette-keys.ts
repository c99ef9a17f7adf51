import type { Dispatch, KeyboardEvent, SetStateAction } from 'react';

/**
 * The keys both faces of the coding palette share: Escape closes, the arrows move through the
 * options, Enter takes the active one. True when the key was handled (and its default prevented).
 */
export function listKey(event: KeyboardEvent, count: number, setActive: Dispatch<SetStateAction<number>>, onEnter: () => void, onClose: () => void): boolean {
  if (event.key === 'Escape') onClose();
  else if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, count - 1));
  else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
  else if (event.key === 'Enter') onEnter();
  else return false;
  event.preventDefault();
  return true;
}
