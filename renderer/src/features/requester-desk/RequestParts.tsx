import type { ReactNode } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import type { IntakeInput } from '../../../../shared/domain/consultation';
import { findArea, findRegion } from '../../../../shared/reference/regions';
import { SECTORS } from '../../../../shared/reference/themes';
import { labelOf, regionLabel } from '../../../../shared/reference/labels';
import { FormRadioGroup, FormTextarea, FormTextInput } from '../../forms/fields';
import { useUiStore } from '../../state/uiStore';
import { Section } from '../intake/sections';
import type { IntakeOptions } from '../intake/options';
import type { RequesterContact } from '../../queries/requester-desk';
import { Field } from '../../forms/Field';

/** Where the error summary sends the reader for a problem in the (read-only) requester details. */
export const REQUESTER_DETAILS_ID = 'request-requester';

/** Short help in plain language beside the form: a titled box, not announced (it is not news). */
function HelpBox({ title, status = 'neutral', children }: { title: string; status?: 'neutral' | 'warning'; children: ReactNode }) {
  return (
    <InlineAlert status={status} labelText={title} mt="s" mb="l">
      {children}
    </InlineAlert>
  );
}

/** What makes a case one for the OT-keskus. */
export function OtLevelHelp() {
  const { t } = useTranslation();
  return (
    <HelpBox title={t('requesterDesk.help.otLevelHeading')}>
      <Paragraph>{t('requesterDesk.help.otLevel')}</Paragraph>
    </HelpBox>
  );
}

/** The three consent modes and what each requires. */
export function ConsentHelp() {
  const { t } = useTranslation();
  return (
    <HelpBox title={t('requesterDesk.help.consentHeading')}>
      <ul>
        {(['anonymous', 'consented', 'statutory'] as const).map((mode) => (
          <li key={mode}>{t(`requesterDesk.help.${mode}`)}</li>
        ))}
      </ul>
    </HelpBox>
  );
}

/** What never to write in an anonymous request. */
export function NeverWriteHelp() {
  const { t } = useTranslation();
  return (
    <HelpBox status="warning" title={t('requesterDesk.help.neverHeading')}>
      <ul>
        {(['neverNames', 'neverIds', 'neverPlaces', 'neverContacts', 'neverDetails'] as const).map((key) => (
          <li key={key}>{t(`requesterDesk.help.${key}`)}</li>
        ))}
      </ul>
    </HelpBox>
  );
}


/**
 * The requester section of a request: the desk's own stored contact, read-only (the role policy
 * only lets a requester make requests in their own name), with the reason in a sentence.
 */
export function RequesterDetails({ requester }: { requester: RequesterContact | null }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const region = requester ? findRegion(requester.region) : undefined;
  const sector = requester ? SECTORS.find((s) => s.code === requester.sector) : undefined;
  return (
    <section id={REQUESTER_DETAILS_ID} tabIndex={-1} aria-labelledby="request-requester-heading" className="otk-fieldset">
      <Heading variant="h3" id="request-requester-heading" className="otk-section">
        {t('intake.requesterSection')}
      </Heading>
      <Paragraph mb="s">{t('requesterDesk.form.requesterIntro')}</Paragraph>
      {requester ? (
        <dl className="otk-fields">
          <Field label={t('intake.requesterName')}>{requester.name}</Field>
          <Field label={t('intake.requesterTitle')}>{requester.title}</Field>
          <Field label={t('intake.organisation')}>{requester.organisation}</Field>
          <Field label={t('intake.sector')}>{sector ? labelOf(sector, language) : requester.sector}</Field>
          <Field label={t('intake.region')}>{region ? `${regionLabel(region, language)} · ${labelOf(findArea(region.area), language)}` : requester.region}</Field>
          <Field label={t('intake.requesterLanguage')}>{t(`language.${requester.language}`)}</Field>
          <Field label={t('intake.phone')}>{requester.phone}</Field>
          <Field label={t('intake.email')}>{requester.email}</Field>
        </dl>
      ) : (
        <InlineAlert status="error" className="otk-alert">
          {t('requesterDesk.form.noRequester')}
        </InlineAlert>
      )}
    </section>
  );
}

/** The question, what the requester hopes for and how urgent it is (the centre sets the target date). */
export function RequestDetailsSection({ control, options }: { control: Control<IntakeInput>; options: IntakeOptions }) {
  const { t } = useTranslation();
  const hoped = useWatch({ control, name: 'hopedOutcome' });
  return (
    <Section title={t('requesterDesk.form.requestSection')}>
      <NeverWriteHelp />
      <FormTextarea control={control} name="question" label={t('intake.question')} hint={t('intake.questionHint')} />
      <div className="otk-grid">
        <FormRadioGroup control={control} name="hopedOutcome" label={t('requesterDesk.form.hopedOutcome')} options={options.hopedOutcomes} />
        <FormRadioGroup control={control} name="urgency" label={t('intake.urgency')} hint={t('requesterDesk.form.urgencyHint')} options={options.urgencies} />
      </div>
      {hoped === 'other' && <FormTextInput control={control} name="hopedOutcomeNote" label={t('intake.hopedOutcomeNote')} />}
    </Section>
  );
}
