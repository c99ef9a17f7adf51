import type { TFunction } from 'i18next';
import { ApiError } from '../../data/index.ts';

/** A refusal of an import or export in the interface language: its code when known, else the core's sentence (which names the file). */
export function describeRefusal(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code) {
    const key = `interchange.errors.${error.code}`;
    const text = t(key, error.params ?? {});
    if (text !== key) return text;
  }
  return error instanceof Error ? error.message : String(error);
}
