import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../../i18n/index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('common.language')}>
      {LANGUAGES.map((lng) => (
        <button key={lng} className={i18n.language === lng ? 'is-active' : ''} aria-pressed={i18n.language === lng} onClick={() => setLanguage(lng)} lang={lng}>
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
