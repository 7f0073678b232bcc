import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Block, Button, Heading, Notification, Paragraph } from 'suomifi-ui-components';
import { intakeSchema, type Intake, type IntakeInput } from '../../../../shared/domain/consultation';
import { useServices } from '../../app/services';
import { useUiStore } from '../../state/uiStore';
import { createConsultation } from '../../commands/consultations';
import { ValidationError } from '../../commands/errors';
import { fieldId, FormCheckboxGroup, FormDropdown, FormRadioGroup, FormTextarea, FormTextInput } from '../../forms/fields';
import { FormErrorSummary, type SummaryField } from '../../forms/ErrorList';
import { intakeOptions } from './options';

const EMPTY: IntakeInput = {
  requester: { name: '', title: '', organisation: '', contact: '' } as IntakeInput['requester'],
  subject: { themes: [] } as unknown as IntakeInput['subject'],
  question: '',
  urgency: 'normal',
  consentMode: 'anonymous',
};

type Outcome = { kind: 'saved' } | { kind: 'failed' } | null;

/** The coordinator's intake form: one consultation request, validated by the shared schema. */
export function IntakeForm() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const options = useMemo(() => intakeOptions(language, t), [language, t]);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const form = useForm<IntakeInput, unknown, Intake>({
    resolver: zodResolver(intakeSchema),
    defaultValues: EMPTY,
    shouldFocusError: false,
  });
  const { control, handleSubmit, formState, setError, reset } = form;

  const summaryFields: SummaryField[] = [
    ['requester.name', 'intake.requesterName'],
    ['requester.title', 'intake.requesterTitle'],
    ['requester.organisation', 'intake.organisation'],
    ['requester.sector', 'intake.sector'],
    ['requester.region', 'intake.region'],
    ['requester.contact', 'intake.contact'],
    ['subject.ageBand', 'intake.ageBand'],
    ['subject.themes', 'intake.themes', 'first'],
    ['subject.serviceLevel', 'intake.serviceLevel'],
    ['question', 'intake.question'],
    ['urgency', 'intake.urgency', 'first'],
    ['consentMode', 'intake.consentMode', 'first'],
  ].map(([name, label, suffix]) => ({
    name: name!,
    label: t(label!),
    inputId: suffix ? `${fieldId(name!)}-${suffix}` : fieldId(name!),
  }));

  const focusSummary = () => requestAnimationFrame(() => summaryHeading.current?.focus());

  const onValid = async (intake: Intake) => {
    setOutcome(null);
    try {
      await createConsultation(commands, intake);
      reset(EMPTY);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const issue of error.issues) setError(issue.path as keyof IntakeInput, { message: issue.message });
        focusSummary();
      } else {
        console.error('saving a consultation failed', error);
        setOutcome({ kind: 'failed' });
      }
    }
  };

  return (
    <Block variant="section" aria-labelledby="intake-heading" className="otk-panel">
      <Heading variant="h2" id="intake-heading">
        {t('intake.heading')}
      </Heading>
      <Paragraph mb="m">{t('intake.intro')}</Paragraph>
      <div role="status" aria-live="polite" className="otk-live">
        {outcome?.kind === 'saved' && <Notification headingText={t('intake.saved')} closeText="" showCloseButton={false} />}
      </div>
      {outcome?.kind === 'failed' && (
        <Notification status="error" headingText={t('intake.saveFailed')} role="alert" closeText="" showCloseButton={false} />
      )}
      <FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={summaryFields} />
      <form
        noValidate
        aria-labelledby="intake-heading"
        onSubmit={(event) => void handleSubmit(onValid, focusSummary)(event)}
        onChange={() => outcome && setOutcome(null)}
      >
        <fieldset className="otk-fieldset">
          <legend>
            <Heading variant="h3">{t('intake.requesterSection')}</Heading>
          </legend>
          <div className="otk-grid">
            <FormTextInput control={control} name="requester.name" label={t('intake.requesterName')} />
            <FormTextInput control={control} name="requester.title" label={t('intake.requesterTitle')} />
            <FormTextInput control={control} name="requester.organisation" label={t('intake.organisation')} />
            <FormDropdown control={control} name="requester.sector" label={t('intake.sector')} options={options.sectors} />
            <FormDropdown control={control} name="requester.region" label={t('intake.region')} options={options.regions} />
            <FormTextInput control={control} name="requester.contact" label={t('intake.contact')} />
          </div>
        </fieldset>
        <fieldset className="otk-fieldset">
          <legend>
            <Heading variant="h3">{t('intake.subjectSection')}</Heading>
          </legend>
          <div className="otk-grid">
            <FormDropdown control={control} name="subject.ageBand" label={t('intake.ageBand')} options={options.ageBands} />
            <FormDropdown control={control} name="subject.serviceLevel" label={t('intake.serviceLevel')} options={options.serviceLevels} />
          </div>
          <FormCheckboxGroup control={control} name="subject.themes" label={t('intake.themes')} hint={t('intake.themesHint')} options={options.themes} />
        </fieldset>
        <fieldset className="otk-fieldset">
          <legend>
            <Heading variant="h3">{t('intake.requestSection')}</Heading>
          </legend>
          <FormTextarea control={control} name="question" label={t('intake.question')} hint={t('intake.questionHint')} />
          <div className="otk-grid">
            <FormRadioGroup control={control} name="urgency" label={t('intake.urgency')} options={options.urgencies} />
            <FormRadioGroup control={control} name="consentMode" label={t('intake.consentMode')} options={options.consentModes} />
          </div>
        </fieldset>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('intake.saving') : t('intake.save')}
        </Button>
      </form>
    </Block>
  );
}
