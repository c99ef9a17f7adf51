import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/model.ts';
import { write } from '../../data/index.ts';

/**
 * How the report cites this document in place of its name ("Peeters & Claes, 2019"); for
 * literature the report adds the page of each quote. Saved on Enter or when the field is left.
 */
export function CitationField({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(document.citation ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(document.citation ?? ''), [document.id, document.citation]);
  const save = async () => {
    const next = value.trim() === '' ? null : value;
    if ((next?.trim() ?? null) === (document.citation ?? null)) return;
    try {
      setError(null);
      await write('documents/setCitation', { id: document.id, citation: next });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="field citation-field">
      <label className="eyebrow" htmlFor="document-citation">
        {t('transcript.citation')}
      </label>
      <input
        id="document-citation"
        data-testid="document-citation"
        value={value}
        maxLength={500}
        placeholder={t('transcript.citationPlaceholder')}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      />
      <p className="muted small">{document.kind === 'literature' ? t('transcript.citationHelpLiterature') : t('transcript.citationHelp')}</p>
      {error && <p className="error small" role="alert">{error}</p>}
    </div>
  );
}
