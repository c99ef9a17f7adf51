import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { firstStrings } from './first.ts';

/**
 * The page comes with the start screen's and round 1's strings (first.ts); every area's other
 * strings (features/<area>/i18n.ts, merged under the area's name) come with the first screen or
 * dialog that loads later (`loadAreaStrings`, awaited by every lazily loaded component), so the
 * first download stays small.
 */
let areasLoaded: Promise<void> | null = null;

/** Adds every area's other strings, in both languages, deeply merged into the first ones; once. */
export function loadAreaStrings(): Promise<void> {
  return (areasLoaded ??= import('./areas.ts').then(({ areaStrings }) => {
    for (const language of LANGUAGES) i18n.addResourceBundle(language, 'translation', areaStrings(language), true, true);
  }));
}

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'duiding.language';

function initial(): Language {
  const stored = localStorage.getItem(KEY);
  if (stored === 'nl' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: firstStrings('nl') }, en: { translation: firstStrings('en') } },
  lng: initial(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export function setLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export default i18n;
