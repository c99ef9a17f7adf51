import type { TFunction } from 'i18next';

/**
 * A refusal from the core in the interface language: its code when this language knows it, else the
 * core's own (English) sentence, which always names the file and the problem.
 */
export function describe(t: TFunction, problem: { message?: string; code?: string; params?: Record<string, string | number> }): string {
  if (problem.code) {
    const key = `errors.${problem.code}`;
    const text = t(key, problem.params ?? {});
    if (text !== key) return text;
  }
  return problem.message ?? '';
}
