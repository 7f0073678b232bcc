import { useTranslation } from 'react-i18next';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { SERVICE_LEVELS } from '../../../../shared/reference/themes';
import { labelOf } from '../../../../shared/reference/labels';
import { useUiStore } from '../../state/uiStore';
import { meetingStart } from '../meetings/meeting-label';
import { themeLabels } from './labels';
import { Field } from '../../forms/Field';
import { Section } from '../../components/Section';

const LEVEL_BY_CODE = new Map(SERVICE_LEVELS.map((level) => [level.code, level]));


/**
 * What the experts need of a case while writing (read-only): the question, what is hoped for, the
 * meeting, and the subject — the fields a network receives, never the requester's contact details.
 */
export function CaseSummary({ record }: { record: ConsultationRecord }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { subject, booking } = record;
  const level = LEVEL_BY_CODE.get(subject.serviceLevel);
  return (
    <>
      <Section headingId="draft-case-request" heading={t('intake.requestSection')} className="otk-section">
        <dl className="otk-fields">
          <Field label={t('intake.question')}>
            <span className="otk-pre">{record.question}</span>
          </Field>
          <Field label={t('intake.hopedOutcome')}>
            {t(`hopedOutcome.${record.hopedOutcome}`)}
            {record.hopedOutcomeNote && `: ${record.hopedOutcomeNote}`}
          </Field>
          <Field label={t('intake.urgency')}>{t(`urgency.${record.urgency}`)}</Field>
          <Field label={t('expertDesk.home.meeting')}>
            {booking ? `${meetingStart(booking, language, t)}${booking.mode ? ` · ${t(`meetingMode.${booking.mode}`)}` : ''}` : t('expertDesk.home.noMeeting')}
          </Field>
        </dl>
      </Section>
      <Section headingId="draft-case-subject" heading={t('intake.subjectSection')} className="otk-section">
        <dl className="otk-fields">
          <Field label={t('intake.ageBand')}>{t(`ageBand.${subject.ageBand}`)}</Field>
          <Field label={t('intake.themes')}>{themeLabels(subject.themes, language)}</Field>
          <Field label={t('intake.serviceLevel')}>{level ? labelOf(level, language) : subject.serviceLevel}</Field>
          <Field label={t('intake.servicesTried')}>{[...subject.servicesTried.map((code) => t(`serviceTried.${code}`)), subject.servicesTriedNote].filter(Boolean).join(', ')}</Field>
          <Field label={t('intake.serviceLanguage')}>
            {t(`serviceLanguage.${subject.serviceLanguage}`)}
            {subject.interpreterNeeded && ` · ${t('intake.interpreterNeeded')}`}
          </Field>
        </dl>
      </Section>
    </>
  );
}
