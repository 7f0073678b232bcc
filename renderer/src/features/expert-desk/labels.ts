import { THEMES } from '../../../../shared/reference/themes';
import { labelOf, type UiLanguage } from '../../../../shared/reference/labels';

const THEME_BY_CODE = new Map(THEMES.map((theme) => [theme.code, theme]));

/** The themes of a case in the UI language, as the work list shows them (an unknown code as it is). */
export function themeLabels(codes: readonly string[], language: UiLanguage): string {
  return codes.map((code) => (THEME_BY_CODE.has(code) ? labelOf(THEME_BY_CODE.get(code)!, language) : code)).join(', ');
}
