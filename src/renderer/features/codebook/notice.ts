import type { TFunction } from 'i18next';

/**
 * A message after an action, shown above the codebook with an undo button when it was a write. It is
 * worded when shown, so that it follows a change of language.
 */
export interface Notice {
  text(t: TFunction): string;
  undo: boolean;
}
