import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import fi from './locales/fi.json';
import type { UiLanguage } from '../../../shared/reference/labels';
import { areaFragments, mergeCatalogues } from './catalogue';

export const LANGUAGES: readonly UiLanguage[] = ['fi', 'sv', 'en'];
export const DEFAULT_LANGUAGE: UiLanguage = 'fi';

/*
 * The catalogues are a large part of the first chunk if all three come with it. Finnish (the default
 * and the usual language) does; Swedish and English are chunks of their own, loaded when chosen —
 * at start if the last language was one of them, on the language switch, and all of them once the
 * app is being unlocked (`loadAllLanguages`: letters and printouts use a language other than the
 * screen's).
 */
const fiAreas = import.meta.glob('./locales/areas/*.fi.json', { eager: true });
const otherAreas = import.meta.glob(['./locales/areas/*.sv.json', './locales/areas/*.en.json']);
const otherMains: Record<'sv' | 'en', () => Promise<unknown>> = {
  sv: () => import('./locales/sv.json'),
  en: () => import('./locales/en.json'),
};
const moduleValue = (module: unknown) => ((module as { default?: object }).default ?? module) as object;

async function catalogueOf(lang: UiLanguage): Promise<object> {
  if (lang === 'fi') return mergeCatalogues(fi as never, ...areaFragments(fiAreas, 'fi'));
  const names = Object.keys(otherAreas).filter((path) => path.endsWith(`.${lang}.json`));
  const [main, ...parts] = await Promise.all([otherMains[lang](), ...names.map((name) => otherAreas[name]!())]);
  return mergeCatalogues(moduleValue(main) as never, ...areaFragments(Object.fromEntries(names.map((name, i) => [name, parts[i]])), lang));
}

/** i18next reads the catalogues it does not have from here. */
const catalogues: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, _namespace, callback) => {
    if (!isUiLanguage(language)) return callback(null, {});
    catalogueOf(language).then(
      (catalogue) => callback(null, catalogue as never),
      (error: unknown) => callback(error as Error, false),
    );
  },
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

let current: i18n | null = null;

export async function createI18n(language: UiLanguage): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(catalogues)
    .use(initReactI18next)
    .init({
      resources: { fi: { translation: (await catalogueOf('fi')) as never } },
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  current = instance;
  return instance;
}

/** Loads every language's catalogue (once the app is being unlocked); resolves when they are there. */
export function loadAllLanguages(): Promise<void> {
  return current ? current.loadLanguages([...LANGUAGES]) : Promise.resolve();
}
