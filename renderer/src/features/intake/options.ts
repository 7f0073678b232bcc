import type { TFunction } from 'i18next';
import { AGE_BAND_CODES, SECTORS, SERVICE_LEVELS, THEMES } from '../../../../shared/reference/themes';
import { WELLBEING_REGIONS } from '../../../../shared/reference/regions';
import { labelOf, regionLabel, type UiLanguage } from '../../../../shared/reference/labels';
import { CONSENT_MODES, URGENCIES } from '../../../../shared/domain/consultation';
import type { Option } from '../../forms/fields';

/** Choice lists for the intake form, labelled in the UI language and sorted as a reader expects. */
export function intakeOptions(language: UiLanguage, t: TFunction) {
  const collator = new Intl.Collator(language);
  const byLabel = (a: Option, b: Option) => collator.compare(a.label, b.label);
  return {
    sectors: SECTORS.map((s) => ({ value: s.code, label: labelOf(s, language) })),
    regions: WELLBEING_REGIONS.map((r) => ({ value: r.code, label: regionLabel(r, language) })).sort(byLabel),
    ageBands: AGE_BAND_CODES.map((code) => ({ value: code, label: t(`ageBand.${code}`) })),
    themes: THEMES.map((theme) => ({ value: theme.code, label: labelOf(theme, language) })),
    serviceLevels: SERVICE_LEVELS.map((level) => ({ value: level.code, label: labelOf(level, language) })),
    urgencies: URGENCIES.map((code) => ({ value: code, label: t(`urgency.${code}`) })),
    consentModes: CONSENT_MODES.map((code) => ({ value: code, label: t(`consent.${code}`) })),
  };
}
