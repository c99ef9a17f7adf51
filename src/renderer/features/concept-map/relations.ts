import type { TFunction } from 'i18next';
import type { RelationType } from '../../../shared/analysis.ts';

/** A relation type's name in the interface language: built-in types are translated, the researcher's own are as written. */
export function relationName(t: TFunction, relation: RelationType | undefined): string {
  if (!relation) return '?';
  return relation.key ? t(`map.relation.${relation.key}`) : relation.name;
}
