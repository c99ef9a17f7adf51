import { useTranslation } from 'react-i18next';

export function CodebookView(_props: { labelId: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('codebook.title')}</h1>
    </div>
  );
}
