import type { Labelled } from './themes';
import type { CooperationArea, WellbeingRegion } from './regions';

export type UiLanguage = 'fi' | 'sv' | 'en';

/** The label of a reference item in the UI language. */
export function labelOf(item: Labelled | CooperationArea, language: UiLanguage): string {
  return item[language];
}

/**
 * Wellbeing regions have official names only in Finnish and Swedish; English UIs show the Finnish
 * name, as Finnish public bodies do in English text.
 */
export function regionLabel(region: WellbeingRegion, language: UiLanguage): string {
  return language === 'sv' ? region.sv : region.fi;
}
