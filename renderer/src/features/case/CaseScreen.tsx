import { useEffect } from 'react';
import { ScreenPanel } from '../../components/ScreenPanel';
import { useTranslation } from 'react-i18next';
import { Block, Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { findArea, findRegion } from '../../../../shared/reference/regions';
import { SECTORS, SERVICE_LEVELS, THEMES } from '../../../../shared/reference/themes';
import { labelOf, regionLabel } from '../../../../shared/reference/labels';
import { dueState, helsinkiDate } from '../../../../shared/calendar/target-date';
import { OPEN_STATUSES } from '../../../../shared/worklist/filter';
import { useServices } from '../../services/services';
import { navigate } from '../../services/router';
import { useUiStore } from '../../state/uiStore';
import { useConsultation } from '../../queries/useConsultations';
import { recordView } from '../../commands/consultations';
import { mayRunOn } from '../../access/guards';
import { formatDateTime, formatIsoDate } from '../../format/dates';
import { Timeline } from './Timeline';
import { RoutingPanel } from '../routing/RoutingPanel';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { ExpertDraftPanel } from './ExpertDraftPanel';
import { RecommendationView } from '../lifecycle/RecommendationView';
import { BookingPanel } from '../meetings/BookingPanel';
import { ConflictList } from '../exchange/ConflictList';
import { useCaseConflicts } from '../../queries/useExchange';
import { Field } from '../../forms/Field';
import { CriteriaRecorded } from '../knowledge/CriteriaRecorded';
import { SimilarCases } from '../knowledge/SimilarCases';
import { Section } from '../../components/Section';


const byCode = <T extends { code: string }>(list: readonly T[]) => new Map(list.map((item) => [item.code, item]));
const THEME_BY_CODE = byCode(THEMES);
const SECTOR_BY_CODE = byCode(SECTORS);
const LEVEL_BY_CODE = byCode(SERVICE_LEVELS);

function CaseDetails({ record }: { record: ConsultationRecord }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const region = findRegion(record.region);
  const label = <T extends { fi: string; sv: string; en: string }>(item: T | undefined, code: string) => (item ? item[language] : code);
  const { consent } = record;
  const due = OPEN_STATUSES.has(record.status) ? dueState(record.targetDate, helsinkiDate(commands.now())) : 'on-track';
  return (
    <>
      <Section headingId="case-request" heading={t('intake.requestSection')}>
        <dl className="otk-fields">
          <Field label={t('list.status')}>{t(`status.${record.status}`)}</Field>
          <Field label={t('intake.receivedDate')}>{formatDateTime(record.receivedAt, language)} · {t(`channel.${record.received.channel}`)}</Field>
          <Field label={t('intake.urgency')}>{t(`urgency.${record.urgency}`)}</Field>
          <Field label={t('list.target')}>
            {formatIsoDate(record.targetDate, language)}
            {due !== 'on-track' && <span className={`otk-due-badge otk-due-badge-${due}`}> {t(`due.${due}`)}</span>}
          </Field>
          <Field label={t('intake.question')}><span className="otk-pre">{record.question}</span></Field>
          <Field label={t('intake.hopedOutcome')}>
            {t(`hopedOutcome.${record.hopedOutcome}`)}
            {record.hopedOutcomeNote && `: ${record.hopedOutcomeNote}`}
          </Field>
        </dl>
      </Section>
      {/* An expert desk never receives the requester's contact details (shared/sync/scope NETWORK_FIELDS). */}
      {commands.profile.role !== 'expert' && (
        <Section headingId="case-requester" heading={t('intake.requesterSection')}>
          <dl className="otk-fields">
            <Field label={t('intake.requesterName')}>{record.requester.name}, {record.requester.title}</Field>
            <Field label={t('intake.organisation')}>{record.requester.organisation} ({label(SECTOR_BY_CODE.get(record.requester.sector), record.requester.sector)})</Field>
            <Field label={t('intake.region')}>{region ? regionLabel(region, language) : record.region} · {labelOf(findArea(record.area), language)}</Field>
            <Field label={t('intake.phone')}>{record.requester.phone}</Field>
            <Field label={t('intake.email')}>{record.requester.email}</Field>
            <Field label={t('intake.requesterLanguage')}>{t(`language.${record.requester.language}`)}</Field>
          </dl>
        </Section>
      )}
      <Section headingId="case-subject" heading={t('intake.subjectSection')}>
        <dl className="otk-fields">
          <Field label={t('intake.ageBand')}>{t(`ageBand.${record.subject.ageBand}`)}</Field>
          <Field label={t('intake.themes')}>{record.subject.themes.map((code) => label(THEME_BY_CODE.get(code), code)).join(', ')}</Field>
          <Field label={t('intake.serviceLevel')}>{label(LEVEL_BY_CODE.get(record.subject.serviceLevel), record.subject.serviceLevel)}</Field>
          <Field label={t('intake.servicesTried')}>
            {[...record.subject.servicesTried.map((code) => t(`serviceTried.${code}`)), record.subject.servicesTriedNote].filter(Boolean).join(', ')}
          </Field>
          <Field label={t('intake.serviceLanguage')}>
            {t(`serviceLanguage.${record.subject.serviceLanguage}`)}
            {record.subject.interpreterNeeded && ` · ${t('intake.interpreterNeeded')}`}
          </Field>
        </dl>
      </Section>
      <Section headingId="case-consent" heading={t('intake.consentSection')}>
        <dl className="otk-fields">
          <Field label={t('intake.consentMode')}>{t(`consent.${consent.mode}`)}</Field>
          {consent.mode === 'consented' && (
            <>
              <Field label={t('intake.consentedBy')}>{t(`consenter.${consent.consentedBy}`)}</Field>
              <Field label={t('intake.consentDate')}>{formatIsoDate(consent.date, language)}</Field>
              <Field label={t('intake.consentExpiry')}>{consent.expiry && formatIsoDate(consent.expiry, language)}</Field>
              {consent.withdrawn && <Field label={t('intake.consentWithdrawn')}>{formatIsoDate(consent.withdrawn, language)}</Field>}
              <Field label={t('intake.consentScope')}><span className="otk-pre">{consent.scope}</span></Field>
            </>
          )}
          {consent.mode === 'statutory' && <Field label={t('intake.statutoryBasis')}>{consent.basis}</Field>}
        </dl>
      </Section>
    </>
  );
}

/** One case: every field, the consent record and the timeline of what happened to it. */
export function CaseScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { commands } = useServices();
  const record = useConsultation(id);
  const conflicts = useCaseConflicts(id);
  const notice = useUiStore((s) => s.notice);

  // Who viewed what and when (tiedonhallintalaki): one audit event per opening of the case.
  useEffect(() => {
    void recordView(commands, id).catch((error: unknown) => console.error('could not log the view', error));
  }, [commands, id]);

  if (record === undefined) return <Paragraph>{t('app.loading')}</Paragraph>;
  if (record === null) {
    return (
      <Block variant="section" className="otk-panel">
        <Heading variant="h2">{t('case.notFound')}</Heading>
        <Button onClick={() => navigate({ view: 'worklist', query: new URLSearchParams() })}>{t('case.backToList')}</Button>
      </Block>
    );
  }
  return (
    <ScreenPanel
      headingId="case-heading"
      heading={t('case.heading', { code: record.caseCode })}
      className="otk-panel"
      actions={
        <div className="otk-row-actions">
          {mayRunOn(commands.profile, 'consultation.update', record) && <Button onClick={() => navigate({ view: 'edit', id })}>{t('case.edit')}</Button>}
          {commands.profile.role === 'expert' && mayRunOn(commands.profile, 'recommendation.draft', record) && (
            <a className="otk-button-link" href={`#/case/${encodeURIComponent(id)}/draft`}>
              {t('expertDesk.case.writeDraft')}
            </a>
          )}
          {/* A requester's desk has no work list: its requests are on its home screen. */}
          <Button variant="secondary" onClick={() => navigate(commands.profile.role === 'requester' ? { view: 'home' } : { view: 'worklist', query: new URLSearchParams() })}>
            {t('case.backToList')}
          </Button>
        </div>
      }
    >
      <div role="status" className="otk-live">
        {notice && <Paragraph className="otk-notice">{notice.text}</Paragraph>}
      </div>
      {conflicts && mayRunOn(commands.profile, 'conflict.resolve', record) && <ConflictList conflicts={conflicts} headingId="case-conflicts" title={t('exchange.caseConflictsHeading')} />}
      <LifecyclePanel record={record} />
      <CriteriaRecorded record={record} />
      {commands.profile.role === 'coordinator' && <SimilarCases record={record} />}
      <ExpertDraftPanel record={record} />
      {/* The routing decision and its reasons are the centre's; a requester's copy carries none. */}
      {commands.profile.role !== 'requester' && <RoutingPanel record={record} />}
      <BookingPanel record={record} />
      <RecommendationView record={record} />
      <CaseDetails record={record} />
      <Timeline id={id} record={record} />
    </ScreenPanel>
  );
}
