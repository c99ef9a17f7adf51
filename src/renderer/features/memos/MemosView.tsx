import { useTranslation } from 'react-i18next';

export function MemosView() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('memos.title')}</h1>
    </div>
  );
}
