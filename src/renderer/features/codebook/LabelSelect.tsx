import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/model.ts';
import { pathOf } from './tree.ts';

/** Label options for a select, indented by depth ("profiel › opleiding"). */
export function LabelOptions({ labels, exclude }: { labels: Label[]; exclude?: Set<string> }) {
  return (
    <>
      {labels
        .filter((l) => !exclude?.has(l.id))
        .map((l) => ({ l, path: [...pathOf(labels, l.id).map((p) => p.name), l.name].join(' › ') }))
        .sort((a, b) => a.path.localeCompare(b.path, 'nl', { sensitivity: 'base' }))
        .map(({ l, path }) => (
          <option key={l.id} value={l.id}>
            {path}
          </option>
        ))}
    </>
  );
}

export function ParentSelect(props: { labels: Label[]; value: string | null; onChange(id: string | null): void; exclude?: Set<string>; id?: string }) {
  const { t } = useTranslation();
  return (
    <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
      <option value="">{t('codebook.topLevel')}</option>
      <LabelOptions labels={props.labels} exclude={props.exclude} />
    </select>
  );
}
