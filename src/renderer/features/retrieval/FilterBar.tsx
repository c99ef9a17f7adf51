import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { showValue } from '../../components/format.ts';
import { attributeChoices, attributeParam, hasFilters, valueKey } from './filters.ts';
import { useGuideSections, useParticipants } from '../../data/reads.ts';
import { useData } from '../../data/index.ts';

const NO_CODERS: Array<{ id: string; name: string }> = [];

/** One select per participant attribute, the coder and the guide section; all kept in the address. */
export function FilterBar({ params, onChange }: { params: Record<string, string>; onChange(key: string, value: string | null): void }) {
  const { t } = useTranslation();
  const { attributes, participants } = useParticipants();
  const coders = useData('retrieval/coders', {}, NO_CODERS);
  const guide = useGuideSections();
  const choices = useMemo(() => attributeChoices(attributes, participants), [attributes, participants]);
  const active = hasFilters(params);

  return (
    <div className="retrieval-filters" role="group" aria-label={t('retrieval.filters')}>
      {choices.map(({ attribute, values }) => {
        const key = attributeParam(attribute.name);
        const value = params[key] ?? '';
        return (
          <label key={attribute.id} className={`retrieval-filter${value ? ' is-set' : ''}`}>
            <span>{attribute.name}</span>
            <select value={value} onChange={(e) => onChange(key, e.target.value || null)}>
              <option value="">{t('retrieval.any')}</option>
              {values.map((v) => (
                <option key={valueKey(v)} value={valueKey(v)}>
                  {showValue(v, t('common.yes'), t('common.no'))}
                </option>
              ))}
              {/* A value in the address that no participant has (any more) stays visible, so it can be cleared. */}
              {value && !values.some((v) => valueKey(v) === value) && <option value={value}>{value}</option>}
            </select>
          </label>
        );
      })}
      <label className={`retrieval-filter${params.coder ? ' is-set' : ''}`}>
        <span>{t('retrieval.coder')}</span>
        <select value={params.coder ?? ''} onChange={(e) => onChange('coder', e.target.value || null)}>
          <option value="">{t('retrieval.anyCoder')}</option>
          {coders.map((c) => (
            <option key={c.id} value={c.id}>
              {coders.some((o) => o.id !== c.id && o.name === c.name) ? `${c.name} (${c.id.slice(0, 6)})` : c.name}
            </option>
          ))}
          {params.coder && !coders.some((c) => c.id === params.coder) && <option value={params.coder}>{params.coder}</option>}
        </select>
      </label>
      <label className={`retrieval-filter retrieval-filter--wide${params.section ? ' is-set' : ''}`}>
        <span>{t('retrieval.guideSection')}</span>
        <select value={params.section ?? ''} onChange={(e) => onChange('section', e.target.value || null)} disabled={guide.length === 0 && !params.section}>
          <option value="">{guide.length === 0 ? t('retrieval.noGuide') : t('retrieval.anySection')}</option>
          {guide.map((section) => (
            <option key={section.id} value={section.id}>
              {section.title}
            </option>
          ))}
        </select>
      </label>
      <label className={`retrieval-filter retrieval-filter--switch${params.speakers === 'all' ? ' is-set' : ''}`}>
        <input type="checkbox" checked={params.speakers === 'all'} onChange={(e) => onChange('speakers', e.target.checked ? 'all' : null)} />
        <span>{t('retrieval.includeInterviewer')}</span>
      </label>
      {active && (
        <button type="button" className="button button--quiet button--small retrieval-filters__clear" onClick={() => onChange('*', null)}>
          {t('retrieval.clearFilters')}
        </button>
      )}
    </div>
  );
}
