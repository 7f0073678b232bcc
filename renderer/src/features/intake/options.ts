import type { TFunction } from 'i18next';
import { AGE_BAND_CODES, SECTORS, SERVICE_LEVELS, THEMES } from '../../../../shared/reference/themes';
import { WELLBEING_REGIONS } from '../../../../shared/reference/regions';
import { labelOf, regionLabel, type UiLanguage } from '../../../../shared/reference/labels';
import {
  CHANNELS,
  HOPED_OUTCOMES,
  REQUEST_KINDS,
  REQUESTER_LANGUAGES,
  SERVICE_LANGUAGES,
  SERVICES_TRIED,
  URGENCIES,
} from '../../../../shared/domain/consultation';
import { CONSENT_MODES, CONSENTERS } from '../../../../shared/domain/consent';
import type { Option } from '../../forms/fields';

/** Choice lists for the intake form, labelled in the UI language and sorted as a reader expects. */
export function intakeOptions(language: UiLanguage, t: TFunction) {
  const collator = new Intl.Collator(language);
  const byLabel = (a: Option, b: Option) => collator.compare(a.label, b.label);
  const coded = (prefix: string, codes: readonly string[]) => codes.map((code) => ({ value: code, label: t(`${prefix}.${code}`) }));
  return {
    requestKinds: coded('requestKind', REQUEST_KINDS),
    channels: coded('channel', CHANNELS),
    sectors: SECTORS.map((s) => ({ value: s.code, label: labelOf(s, language) })),
    regions: WELLBEING_REGIONS.map((r) => ({ value: r.code, label: regionLabel(r, language) })).toSorted(byLabel),
    requesterLanguages: coded('language', REQUESTER_LANGUAGES),
    ageBands: coded('ageBand', AGE_BAND_CODES),
    themes: THEMES.map((theme) => ({ value: theme.code, label: labelOf(theme, language) })),
    serviceLevels: SERVICE_LEVELS.map((level) => ({ value: level.code, label: labelOf(level, language) })),
    servicesTried: coded('serviceTried', SERVICES_TRIED),
    serviceLanguages: coded('serviceLanguage', SERVICE_LANGUAGES),
    hopedOutcomes: coded('hopedOutcome', HOPED_OUTCOMES),
    urgencies: coded('urgency', URGENCIES),
    consentModes: coded('consent', CONSENT_MODES),
    consenters: coded('consenter', CONSENTERS),
  };
}

export type IntakeOptions = ReturnType<typeof intakeOptions>;
