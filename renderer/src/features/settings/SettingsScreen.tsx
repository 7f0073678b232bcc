import { useRef, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { SessionSettings } from '../session/SessionSettings';
import { Button, Paragraph } from 'suomifi-ui-components';
import { settingsSchema, type Settings, type SettingsInput } from '../../../../shared/domain/settings';
import { useServices } from '../../services/services';
import { useSettings } from '../../queries/useSettings';
import { saveSettings } from '../../commands/settings';
import { isNotPermitted, ValidationError } from '../../access/errors';
import { fieldId, FormDropdown, FormNumberInput, FormTextInput } from '../../forms/fields';
import { AREA_CODES, findArea } from '../../../../shared/reference/regions';
import { useUiStore } from '../../state/uiStore';
import { FormErrorSummary } from '../../forms/ErrorList';
import { CriteriaSettings } from '../knowledge/CriteriaSettings';
import { ScreenPanel } from '../../components/ScreenPanel';
import { BackupSettings } from '../backup/BackupSettings';

/** The installation's settings: case-code prefix, the target-date rules and the centre it serves. */
export function SettingsScreen() {
  const settings = useSettings();
  const { t } = useTranslation();
  const { profile } = useServices().commands;
  if (!settings) return <Paragraph>{t('app.loading')}</Paragraph>;
  return (
    <>
      <SettingsForm initial={settings} />
      {profile.role === 'coordinator' && <CriteriaSettings />}
      {profile.role === 'coordinator' && <SessionSettings />}
      {profile.role === 'coordinator' && <BackupSettings />}
    </>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<SettingsInput, unknown, Settings>({ resolver: zodResolver(settingsSchema), defaultValues: initial, shouldFocusError: false });
  const { control, handleSubmit, formState, setError } = form;
  const fields = [
    ['caseCodePrefix', 'settings.caseCodePrefix'],
    ['normalCalendarDays', 'settings.normalCalendarDays'],
    ['urgentWorkingDays', 'settings.urgentWorkingDays'],
    ['centreArea', 'settings.centreArea'],
  ].map(([name, label]) => ({ name: name!, label: t(label!), inputId: fieldId(name!) }));
  const focusSummary = () => requestAnimationFrame(() => summaryHeading.current?.focus());

  const onValid = async (values: Settings) => {
    setNotice(null);
    try {
      await saveSettings(commands, values);
      setNotice(t('settings.saved'));
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const issue of error.issues) setError(issue.path as FieldPath<SettingsInput>, { message: issue.message });
        focusSummary();
      } else if (isNotPermitted(error)) {
        setNotice(t('roles.notPermitted'));
      } else {
        console.error('saving settings failed', error);
        setNotice(t('network.failed'));
      }
    }
  };

  return (
    <ScreenPanel headingId="settings-heading" heading={t('settings.heading')} intro={t('settings.intro')} introMargin="m" className="otk-panel">
      <div role="status" className="otk-live">
        {notice && <Paragraph className="otk-notice">{notice}</Paragraph>}
      </div>
      <FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />
      <form noValidate aria-labelledby="settings-heading" onSubmit={(event) => void handleSubmit(onValid, focusSummary)(event)}>
        <div className="otk-grid">
          <FormTextInput control={control} name="caseCodePrefix" label={t('settings.caseCodePrefix')} hint={t('settings.caseCodePrefixHint')} />
          <FormNumberInput control={control} name="normalCalendarDays" label={t('settings.normalCalendarDays')} hint={t('settings.daysHint')} />
          <FormNumberInput control={control} name="urgentWorkingDays" label={t('settings.urgentWorkingDays')} hint={t('settings.daysHint')} />
          <FormDropdown control={control} name="centreArea" label={t('settings.centreArea')} hint={t('settings.centreAreaHint')} options={AREA_CODES.map((code) => ({ value: code, label: findArea(code)[language] }))} />
        </div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {t('settings.save')}
        </Button>
      </form>
    </ScreenPanel>
  );
}
