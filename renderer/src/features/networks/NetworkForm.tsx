import { useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Button, Notification } from 'suomifi-ui-components';
import { NETWORK_LANGUAGES, networkSchema, type Network, type NetworkInput } from '../../../../shared/domain/network';
import { AREA_CODES, findArea } from '../../../../shared/reference/regions';
import { AGE_BAND_CODES, THEMES } from '../../../../shared/reference/themes';
import { useUiStore } from '../../state/uiStore';
import { fieldId, FormCheckboxGroup, FormDateInput, FormDropdown, FormNumberInput, FormTextarea, FormTextInput, FormTimeInput } from '../../forms/fields';
import { FormErrorSummary, type SummaryField } from '../../forms/ErrorList';
import { CommandError, isNotPermitted, ValidationError } from '../../access/errors';
import { Section } from '../intake/sections';

interface Props {
  initial: NetworkInput;
  onSave: (network: Network) => Promise<void>;
  onCancel: () => void;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Adds or edits an expert network, with the same validation discipline as intake. */
export function NetworkForm({ initial, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<NetworkInput, unknown, Network>({ resolver: zodResolver(networkSchema), defaultValues: initial, shouldFocusError: false });
  const { control, handleSubmit, formState, setError } = form;
  const slots = useFieldArray({ control, name: 'meetingRhythm' });
  const absences = useFieldArray({ control, name: 'outOfOffice' });
  const themeOptions = useMemo(() => THEMES.map((theme) => ({ value: theme.code, label: theme[language] })), [language]);

  const fields: SummaryField[] = [
    ['name.fi', 'network.nameFi'],
    ['name.sv', 'network.nameSv'],
    ['name.en', 'network.nameEn'],
    ['area', 'network.area'],
    ['themes', 'network.themes', 'first'],
    ['nationalThemes', 'network.nationalThemes', 'first'],
    ['ageBands', 'network.ageBands', 'first'],
    ['languages', 'network.languages', 'first'],
    ['contact.person', 'network.contactPerson'],
    ['contact.channel', 'network.contactChannel'],
    ['targetResponseDays', 'network.targetResponseDays'],
    ['activeFrom', 'network.activeFrom'],
    ['activeTo', 'network.activeTo'],
    ...slots.fields.flatMap((_, i): Array<[string, string]> => [
      [`meetingRhythm.${i}.start`, 'network.slotStart'],
      [`meetingRhythm.${i}.end`, 'network.slotEnd'],
      [`meetingRhythm.${i}.capacity`, 'network.slotCapacity'],
    ]),
    ...absences.fields.flatMap((_, i): Array<[string, string]> => [
      [`outOfOffice.${i}.from`, 'network.absenceFrom'],
      [`outOfOffice.${i}.to`, 'network.absenceTo'],
    ]),
  ].map(([name, label, focus]) => ({ name: name!, label: t(label!), inputId: focus ? `${fieldId(name!)}-${focus}` : fieldId(name!) }));

  const focusSummary = () => requestAnimationFrame(() => summaryHeading.current?.focus());
  const onValid = async (network: Network) => {
    setFailure(null);
    try {
      await onSave(network);
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const issue of error.issues) setError(issue.path as FieldPath<NetworkInput>, { message: issue.message });
        focusSummary();
      } else if (error instanceof CommandError) {
        setFailure(t(`commandError.${error.code}`));
      } else if (isNotPermitted(error)) {
        setFailure(t('roles.notPermitted'));
      } else {
        console.error('saving a network failed', error);
        setFailure(t('network.failed'));
      }
    }
  };

  return (
    <>
      {failure && <Notification status="error" headingText={failure} role="alert" closeText="" showCloseButton={false} />}
      <FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />
      <form noValidate aria-labelledby="network-form-heading" onSubmit={(event) => void handleSubmit(onValid, focusSummary)(event)}>
        <Section title={t('network.basics')}>
          <div className="otk-grid">
            <FormTextInput control={control} name="name.fi" label={t('network.nameFi')} />
            <FormTextInput control={control} name="name.sv" label={t('network.nameSv')} />
            <FormTextInput control={control} name="name.en" label={t('network.nameEn')} />
            <FormDropdown control={control} name="area" label={t('network.area')} options={AREA_CODES.map((code) => ({ value: code, label: findArea(code)[language] }))} />
            <FormTextInput control={control} name="contact.person" label={t('network.contactPerson')} />
            <FormTextInput control={control} name="contact.channel" label={t('network.contactChannel')} />
            <FormNumberInput control={control} name="targetResponseDays" label={t('network.targetResponseDays')} />
            <FormDateInput control={control} name="activeFrom" label={t('network.activeFrom')} />
          </div>
        </Section>
        <Section title={t('network.coverage')}>
          <FormCheckboxGroup control={control} name="themes" label={t('network.themes')} options={themeOptions} />
          <FormCheckboxGroup control={control} name="nationalThemes" label={t('network.nationalThemes')} hint={t('network.nationalThemesHint')} options={themeOptions} />
          <FormCheckboxGroup control={control} name="ageBands" label={t('network.ageBands')} options={AGE_BAND_CODES.map((code) => ({ value: code, label: t(`ageBand.${code}`) }))} />
          <FormCheckboxGroup control={control} name="languages" label={t('network.languages')} options={NETWORK_LANGUAGES.map((code) => ({ value: code, label: t(`serviceLanguage.${code}`) }))} />
        </Section>
        <Section title={t('network.rhythm')}>
          {slots.fields.map((slot, index) => (
            <div key={slot.id} className="otk-grid otk-repeat">
              <FormDropdown
                control={control}
                name={`meetingRhythm.${index}.weekday`}
                label={t('network.slotWeekday')}
                numeric
                options={WEEKDAYS.map((day) => ({ value: String(day), label: t(`weekday.${day}`) }))}
              />
              <FormTimeInput control={control} name={`meetingRhythm.${index}.start`} label={t('network.slotStart')} />
              <FormTimeInput control={control} name={`meetingRhythm.${index}.end`} label={t('network.slotEnd')} />
              <FormNumberInput control={control} name={`meetingRhythm.${index}.capacity`} label={t('network.slotCapacity')} />
              <Button variant="secondaryNoBorder" onClick={() => slots.remove(index)}>
                {t('network.removeSlot')}
              </Button>
            </div>
          ))}
          <Button variant="secondary" onClick={() => slots.append({ weekday: 2, start: '13:00', end: '14:30', capacity: 2 })}>
            {t('network.addSlot')}
          </Button>
        </Section>
        <Section title={t('network.absences')}>
          {absences.fields.map((absence, index) => (
            <div key={absence.id} className="otk-grid otk-repeat">
              <FormDateInput control={control} name={`outOfOffice.${index}.from`} label={t('network.absenceFrom')} />
              <FormDateInput control={control} name={`outOfOffice.${index}.to`} label={t('network.absenceTo')} />
              <Button variant="secondaryNoBorder" onClick={() => absences.remove(index)}>
                {t('network.removeAbsence')}
              </Button>
            </div>
          ))}
          <Button variant="secondary" onClick={() => absences.append({ from: '', to: '' })}>
            {t('network.addAbsence')}
          </Button>
        </Section>
        <FormTextarea control={control} name="note" label={t('network.note')} />
        <div className="otk-row-actions">
          <Button type="submit" disabled={formState.isSubmitting}>
            {t('network.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('intake.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
