import fi from './locales/fi.json';
import sv from './locales/sv.json';
import en from './locales/en.json';
import type { UiLanguage } from '../../../shared/reference/labels';
import { areaFragments, mergeCatalogues } from './catalogue';

/**
 * Every catalogue of every language at once, for the tests that compare them (the app itself loads
 * Finnish with its first chunk and the others on demand: i18n/index.ts).
 */
const areas = import.meta.glob('./locales/areas/*.json', { eager: true });
const catalogueOf = (main: object, lang: UiLanguage) => mergeCatalogues(main as never, ...areaFragments(areas, lang));
export const resources = {
  fi: { translation: catalogueOf(fi, 'fi') },
  sv: { translation: catalogueOf(sv, 'sv') },
  en: { translation: catalogueOf(en, 'en') },
} as const;
