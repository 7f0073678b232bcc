import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../../shared/routing/types';
import { findArea, findRegion, type AreaCode } from '../../../../shared/reference/regions';
import { THEMES } from '../../../../shared/reference/themes';
import { regionLabel } from '../../../../shared/reference/labels';
import { useUiStore } from '../../state/uiStore';
import { formatIsoDate } from '../../format/dates';

const themeByCode = new Map(THEMES.map((theme) => [theme.code, theme]));
const THEME_PARAMS = new Set(['themes', 'covered', 'missing', 'overlap']);
const DATE_PARAMS = new Set(['date', 'from', 'to', 'activeFrom', 'activeTo', 'targetDate']);

/** Says a routing reason (a code with parameters) as a sentence in the UI language. */
export function useReasonText() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  const value = (name: string, raw: string | number | string[]): string => {
    const many = Array.isArray(raw) ? raw : [String(raw)];
    if (THEME_PARAMS.has(name)) return list.format(many.map((code) => themeByCode.get(code)?.[language] ?? code));
    if (name === 'area' || name === 'homeArea') return findArea(String(raw) as AreaCode)[language];
    if (name === 'region') {
      const region = findRegion(String(raw));
      return region ? regionLabel(region, language) : String(raw);
    }
    if (name === 'ageBand' || name === 'ageBands') return list.format(many.map((code) => t(`ageBand.${code}`)));
    if (name === 'language' || name === 'languages') return list.format(many.map((code) => t(`serviceLanguage.${code}`)));
    if (DATE_PARAMS.has(name) && typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return formatIsoDate(raw, language);
    if (name === 'order') return list.format(many.map((key) => t(`routing.rankKey.${key}`)));
    return many.join(', ');
  };
  return (reason: Reason): string => {
    const params = Object.fromEntries(Object.entries(reason.params).map(([name, raw]) => [name, value(name, raw)]));
    return t(`routing.${reason.code}`, params);
  };
}
