import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, Dropdown, DropdownItem, Heading, Paragraph } from 'suomifi-ui-components';
import { routeRequest } from '../../../../shared/routing';
import { REQUEST_LANGUAGES, type RoutingRequest } from '../../../../shared/routing/types';
import { URGENCIES } from '../../../../shared/domain/consultation';
import { WELLBEING_REGIONS } from '../../../../shared/reference/regions';
import { AGE_BAND_CODES, THEMES } from '../../../../shared/reference/themes';
import { regionLabel } from '../../../../shared/reference/labels';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { RoutingResultView } from './RoutingResultView';
import { ScreenPanel } from '../../components/ScreenPanel';

/**
 * "What if": change region, themes, age, language or urgency and see where a request would go and
 * why — for coordinators, and for checking the registry after an edit. Nothing is saved.
 */
export function WhatIfScreen() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const networks = useNetworks();
  const [request, setRequest] = useState<RoutingRequest>({
    region: 'pirkanmaa',
    themes: ['nepsy'],
    ageBand: '7-12',
    language: 'fi',
    urgency: 'normal',
    date: helsinkiDate(commands.now()),
  });
  const result = useMemo(() => (networks ? routeRequest(request, networks) : null), [networks, request]);
  const set = (changes: Partial<RoutingRequest>) => setRequest((current) => ({ ...current, ...changes }));
  const collator = new Intl.Collator(language);
  const regions = WELLBEING_REGIONS.map((r) => [r.code, regionLabel(r, language)] as const).toSorted((a, b) => collator.compare(a[1], b[1]));

  return (
    <ScreenPanel headingId="whatif-heading" heading={t('whatIf.heading')} intro={t('whatIf.intro')} introMargin="m" className="otk-panel">
      <div className="otk-grid">
        <Dropdown labelText={t('intake.region')} value={request.region} onChange={(region) => set({ region })} fullWidth>
          {regions.map(([code, label]) => (
            <DropdownItem key={code} value={code}>
              {label}
            </DropdownItem>
          ))}
        </Dropdown>
        <Dropdown labelText={t('intake.ageBand')} value={request.ageBand} onChange={(ageBand) => set({ ageBand })} fullWidth>
          {AGE_BAND_CODES.map((code) => (
            <DropdownItem key={code} value={code}>
              {t(`ageBand.${code}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        <Dropdown labelText={t('whatIf.language')} value={request.language} onChange={(value) => set({ language: value as RoutingRequest['language'] })} fullWidth>
          {REQUEST_LANGUAGES.map((code) => (
            <DropdownItem key={code} value={code}>
              {t(`serviceLanguage.${code}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        <Dropdown labelText={t('intake.urgency')} value={request.urgency} onChange={(value) => set({ urgency: value as RoutingRequest['urgency'] })} fullWidth>
          {URGENCIES.map((code) => (
            <DropdownItem key={code} value={code}>
              {t(`urgency.${code}`)}
            </DropdownItem>
          ))}
        </Dropdown>
      </div>
      <CheckboxGroup labelText={t('intake.themes')} className="otk-checkbox-columns">
        {THEMES.map((theme) => (
          <Checkbox
            key={theme.code}
            checked={request.themes.includes(theme.code)}
            onClick={({ checkboxState }) =>
              set({ themes: checkboxState ? [...request.themes, theme.code] : request.themes.filter((code) => code !== theme.code) })
            }
          >
            {theme[language]}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <Heading variant="h3" id="whatif-result">
        {t('whatIf.result')}
      </Heading>
      <div aria-live="polite">
        {request.themes.length === 0 ? (
          <Paragraph>{t('whatIf.chooseTheme')}</Paragraph>
        ) : result && networks ? (
          <RoutingResultView result={result} networks={networks} headingId="whatif-result" />
        ) : (
          <Paragraph>{t('app.loading')}</Paragraph>
        )}
      </div>
    </ScreenPanel>
  );
}
