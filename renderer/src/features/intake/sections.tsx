import { useRef, type ReactNode } from 'react';
import { useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Heading, InlineAlert, Paragraph, SingleSelect } from 'suomifi-ui-components';
import type { IntakeInput } from '../../../../shared/domain/consultation';
import { targetDate } from '../../../../shared/calendar/target-date';
import { isRealDate } from '../../../../shared/domain/validation';
import type { Settings } from '../../../../shared/domain/settings';
import {
  FormCheckbox,
  FormCheckboxGroup,
  FormDateInput,
  FormDropdown,
  FormRadioGroup,
  FormTextarea,
  FormTextInput,
  FormTimeInput,
} from '../../forms/fields';
import { useRecentRequesters } from '../../queries/useConsultations';
import { useUiStore } from '../../state/uiStore';
import { formatIsoDate } from '../../format/dates';
import type { IntakeOptions } from './options';
import { useComboboxAria } from '../../forms/useComboboxAria';

interface SectionProps {
  control: Control<IntakeInput>;
  options: IntakeOptions;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="otk-fieldset">
      <legend>
        <Heading variant="h3">{title}</Heading>
      </legend>
      {children}
    </fieldset>
  );
}

/** Is this an OT consultation at all? A police/prosecutor forensic request is not, and says where it goes. */
export function RequestKindSection({ control, options }: SectionProps) {
  const { t } = useTranslation();
  const kind = useWatch({ control, name: 'requestKind' });
  return (
    <Section title={t('intake.kindSection')}>
      <FormRadioGroup control={control} name="requestKind" label={t('intake.requestKind')} options={options.requestKinds} />
      {kind === 'forensic-investigation' && (
        <InlineAlert status="warning" className="otk-alert" role="alert">
          {t('validation.forensicRefused')}
        </InlineAlert>
      )}
    </Section>
  );
}

export function ReceivedSection({ control, options }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('intake.receivedSection')}>
      <div className="otk-grid">
        <FormDateInput control={control} name="received.date" label={t('intake.receivedDate')} />
        <FormTimeInput control={control} name="received.time" label={t('intake.receivedTime')} hint={t('form.timeHint')} />
        <FormDropdown control={control} name="received.channel" label={t('intake.channel')} options={options.channels} />
      </div>
    </Section>
  );
}

/** The requesting professional; a requester seen before can be picked to fill the fields. */
export function RequesterSection({ control, options, setValue }: SectionProps & { setValue: UseFormSetValue<IntakeInput> }) {
  const { t } = useTranslation();
  const requesters = useRecentRequesters();
  const picker = useRef<HTMLDivElement>(null);
  useComboboxAria(picker);
  const items = (requesters ?? []).map((r) => ({ uniqueItemId: r.key, labelText: `${r.name} – ${r.organisation}` }));
  const pick = (key: string | null) => {
    const found = requesters?.find((r) => r.key === key);
    if (!found) return;
    const { key: _key, lastUsedAt: _at, uses: _uses, ...requester } = found;
    setValue('requester', requester, { shouldValidate: true, shouldDirty: true });
  };
  return (
    <Section title={t('intake.requesterSection')}>
      <div ref={picker}>
      {items.length > 0 && (
        <SingleSelect
          labelText={t('intake.previousRequester')}
          hintText={t('intake.previousRequesterHint')}
          clearButtonLabel={t('intake.clear')}
          noItemsText={t('intake.noRequesters')}
          visualPlaceholder={t('intake.searchRequester')}
          ariaOptionsAvailableTextFunction={(count) => t('intake.optionsAvailable', { count })}
          items={items}
          onItemSelect={pick}
          className="otk-requester-picker"
          fullWidth
        />
      )}
      </div>
      <div className="otk-grid">
        <FormTextInput control={control} name="requester.name" label={t('intake.requesterName')} />
        <FormTextInput control={control} name="requester.title" label={t('intake.requesterTitle')} />
        <FormTextInput control={control} name="requester.organisation" label={t('intake.organisation')} />
        <FormDropdown control={control} name="requester.sector" label={t('intake.sector')} options={options.sectors} />
        <FormDropdown control={control} name="requester.region" label={t('intake.region')} options={options.regions} />
        <FormRadioGroup control={control} name="requester.language" label={t('intake.requesterLanguage')} options={options.requesterLanguages} />
        <FormTextInput control={control} name="requester.phone" label={t('intake.phone')} type="tel" hint={t('intake.contactHint')} />
        <FormTextInput control={control} name="requester.email" label={t('intake.email')} type="email" hint={t('intake.contactHint')} />
      </div>
    </Section>
  );
}

export function SubjectSection({ control, options }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('intake.subjectSection')}>
      <div className="otk-grid">
        <FormDropdown control={control} name="subject.ageBand" label={t('intake.ageBand')} options={options.ageBands} />
        <FormDropdown control={control} name="subject.serviceLevel" label={t('intake.serviceLevel')} options={options.serviceLevels} />
        <FormDropdown control={control} name="subject.serviceLanguage" label={t('intake.serviceLanguage')} options={options.serviceLanguages} />
        <FormCheckbox control={control} name="subject.interpreterNeeded" label={t('intake.interpreterNeeded')} />
      </div>
      <FormCheckboxGroup control={control} name="subject.themes" label={t('intake.themes')} hint={t('intake.themesHint')} options={options.themes} />
      <FormCheckboxGroup control={control} name="subject.servicesTried" label={t('intake.servicesTried')} options={options.servicesTried} />
      <FormTextarea control={control} name="subject.servicesTriedNote" label={t('intake.servicesTriedNote')} hint={t('intake.noIdentityHint')} />
    </Section>
  );
}

/** The question, what the requester hopes for, urgency, and the target date that follows. */
export function RequestSection({ control, options, settings }: SectionProps & { settings: Settings }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [hoped, urgency, receivedDate] = useWatch({ control, name: ['hopedOutcome', 'urgency', 'received.date'] });
  const target =
    receivedDate && isRealDate(receivedDate) && (urgency === 'normal' || urgency === 'urgent')
      ? targetDate(receivedDate, urgency, settings)
      : null;
  return (
    <Section title={t('intake.requestSection')}>
      <FormTextarea control={control} name="question" label={t('intake.question')} hint={t('intake.questionHint')} />
      <div className="otk-grid">
        <FormRadioGroup control={control} name="hopedOutcome" label={t('intake.hopedOutcome')} options={options.hopedOutcomes} />
        <FormRadioGroup control={control} name="urgency" label={t('intake.urgency')} options={options.urgencies} />
      </div>
      {hoped === 'other' && <FormTextInput control={control} name="hopedOutcomeNote" label={t('intake.hopedOutcomeNote')} />}
      {target && (
        <Paragraph className="otk-target" aria-live="polite">
          {t(urgency === 'urgent' ? 'intake.targetUrgent' : 'intake.targetNormal', {
            date: formatIsoDate(target, language),
            days: urgency === 'urgent' ? settings.urgentWorkingDays : settings.normalCalendarDays,
          })}
        </Paragraph>
      )}
    </Section>
  );
}

/** The legal basis: anonymous, consent (who, when, scope, expiry) or a statutory group. */
export function ConsentSection({ control, options, editing }: SectionProps & { editing: boolean }) {
  const { t } = useTranslation();
  const mode = useWatch({ control, name: 'consent.mode' });
  return (
    <Section title={t('intake.consentSection')}>
      <FormRadioGroup control={control} name="consent.mode" label={t('intake.consentMode')} hint={t('intake.consentHint')} options={options.consentModes} />
      {mode === 'consented' && (
        <div className="otk-grid">
          <FormRadioGroup control={control} name="consent.consentedBy" label={t('intake.consentedBy')} hint={t('intake.consentedByHint')} options={options.consenters} />
          <FormDateInput control={control} name="consent.date" label={t('intake.consentDate')} />
          <FormDateInput control={control} name="consent.expiry" label={t('intake.consentExpiry')} />
          {editing && <FormDateInput control={control} name="consent.withdrawn" label={t('intake.consentWithdrawn')} />}
          <FormTextarea control={control} name="consent.scope" label={t('intake.consentScope')} />
        </div>
      )}
      {mode === 'statutory' && <FormTextInput control={control} name="consent.basis" label={t('intake.statutoryBasis')} hint={t('intake.statutoryBasisHint')} />}
    </Section>
  );
}
