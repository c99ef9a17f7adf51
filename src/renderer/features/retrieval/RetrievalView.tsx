import { useTranslation } from 'react-i18next';

export function RetrievalView(_props: { labelId: string | null; params: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('retrieval.title')}</h1>
    </div>
  );
}
