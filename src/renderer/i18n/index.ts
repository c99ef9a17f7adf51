import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { tasksStrings } from '../features/tasks/i18n.ts';
import { en } from './en.ts';
import { nl } from './nl.ts';

/**
 * The start screen needs only the app's own strings and the tasks bar's; every area's strings
 * (features/<area>/i18n.ts, merged under the area's name) come with the first screen after it
 * (`loadAreaStrings`, awaited before any project screen is drawn), so the first download stays small.
 */
const merged = (language: 'en' | 'nl', base: object) => Object.assign({}, base, { tasks: tasksStrings[language] });

let areasLoaded: Promise<void> | null = null;

/** Adds every area's strings, in both languages; once. */
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
  resources: { nl: { translation: merged('nl', nl) }, en: { translation: merged('en', en) } },
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
