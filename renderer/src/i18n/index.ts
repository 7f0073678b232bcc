import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fi as fiDates, sv as svDates, enGB } from 'date-fns/locale';
import type { Locale } from 'date-fns';
import fi from './locales/fi.json';
import sv from './locales/sv.json';
import en from './locales/en.json';
import type { UiLanguage } from '../../../shared/reference/labels';
import { areaFragments, mergeCatalogues } from './catalogue';

export const LANGUAGES: readonly UiLanguage[] = ['fi', 'sv', 'en'];
export const DEFAULT_LANGUAGE: UiLanguage = 'fi';
const areas = import.meta.glob('./locales/areas/*.json', { eager: true });
const catalogueOf = (main: object, lang: UiLanguage) => mergeCatalogues(main as never, ...areaFragments(areas, lang));
export const resources = {
  fi: { translation: catalogueOf(fi, 'fi') },
  sv: { translation: catalogueOf(sv, 'sv') },
  en: { translation: catalogueOf(en, 'en') },
} as const;

/** date-fns locale of each UI language (Finnish and Swedish formats; British English for en). */
export const DATE_LOCALES: Record<UiLanguage, Locale> = { fi: fiDates, sv: svDates, en: enGB };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export async function createI18n(language: UiLanguage): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
