import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import type { RecommendationDraftInput } from '../../../../shared/lifecycle/recommendation';
import { recommendationChanges, type RecommendationChange, type StepText } from '../../../../shared/desk/recommendation-diff';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useNow } from '../../state/useNow';
import { availableActions } from '../../../../shared/lifecycle/plan';
import { lifecycleStateOf } from '../../../../shared/lifecycle/state';
import { useNetworks } from '../../queries/useNetworks';
import { draftForCase } from '../../queries/desk';
import { mayRunOn } from '../../access/guards';
import { transitionConsultation } from '../../commands/lifecycle';
import { reviseRecommendation } from '../../commands/recommendation';
import { formatDateTime, formatIsoDate } from '../../format/dates';
import { RecommendationForm, toRecommendationValues } from '../lifecycle/RecommendationForm';
import { NextStepList, RecommendationItems } from '../lifecycle/RecommendationLists';
import { Field } from '../../forms/Field';
import { MethodNames } from '../knowledge/MethodNames';
import { Section } from '../../components/Section';

/** One value of the comparison in words; '–' (read out as "none") when the side has none. */
function Value({ change, side }: { change: RecommendationChange; side: 'before' | 'after' }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const value = change[side];
  if (value === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="otk-visually-hidden">{t('expertDesk.received.none')}</span>
      </>
    );
  }
  if (change.field === 'nextStep') {
    const step = value as StepText;
    return <>{t('recommendation.stepLine', { step: step.step, by: step.by })}</>;
  }
  const text = value as string;
  if (change.field === 'methods') return <MethodNames codes={text.split(' ')} />;
  if (change.field === 'language') return <>{t(`language.${text}`, { defaultValue: text })}</>;
  if (change.field === 'followUpDate') return <>{/^\d{4}-\d{2}-\d{2}$/.test(text) ? formatIsoDate(text, language) : text}</>;
  return <span className="otk-pre">{text}</span>;
}

/** The row's name: the part of the recommendation, numbered as in the draft (or, for a removal, as on the case). */
function partLabel(change: RecommendationChange, t: TFunction): string {
  switch (change.field) {
    case 'language':
      return t('recommendation.language');
    case 'questionSummary':
      return t('recommendation.questionSummary');
    case 'followUpDate':
      return t('recommendation.followUpDate');
    case 'methods':
      return t('knowledge.methods.named');
    case 'recommendation':
      return t('recommendation.item', { n: (change.afterIndex ?? change.beforeIndex ?? 0) + 1 });
    case 'nextStep':
      return t('recommendation.step', { n: (change.afterIndex ?? change.beforeIndex ?? 0) + 1 });
  }
}

/** A row header stays in its row (the table's headers are sticky for scrolling lists). */
const ROW_HEADER = { position: 'static' } as const;

/** What using the draft would change in the case's recommendation, part by part. */
function ChangesTable({ changes }: { changes: RecommendationChange[] }) {
  const { t } = useTranslation();
  return (
    <table className="otk-table otk-table-plain" data-testid="draft-changes">
      <caption>{t('expertDesk.received.changesCaption', { count: changes.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('expertDesk.received.part')}</th>
          <th scope="col">{t('expertDesk.received.change')}</th>
          <th scope="col">{t('expertDesk.received.before')}</th>
          <th scope="col">{t('expertDesk.received.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, i) => (
          <tr key={i}>
            <th scope="row" style={ROW_HEADER}>
              {partLabel(change, t)}
            </th>
            <td>{t(`expertDesk.received.kind.${change.kind}`)}</td>
            <td>
              <Value change={change} side="before" />
            </td>
            <td>
              <Value change={change} side="after" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}


/** The draft as it came, for a case that has no recommendation yet. */
function DraftContent({ draft }: { draft: RecommendationDraftInput }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <dl className="otk-fields" data-testid="draft-content">
      <Field label={t('recommendation.language')}>{t(`language.${draft.language}`, { defaultValue: draft.language })}</Field>
      <Field label={t('recommendation.questionSummary')}>
        <span className="otk-pre">{draft.questionSummary}</span>
      </Field>
      <Field label={t('recommendation.items')}>
        <RecommendationItems recommendation={draft} />
      </Field>
      {(draft.nextSteps ?? []).length > 0 && (
        <Field label={t('recommendation.nextSteps')}>
          <NextStepList recommendation={{ nextSteps: draft.nextSteps ?? [] }} t={t} />
        </Field>
      )}
      <Field label={t('recommendation.followUpDate')}>{draft.followUpDate ? formatIsoDate(draft.followUpDate, language) : '–'}</Field>
    </dl>
  );
}

/**
 * The recommendation draft an expert network sent back for this case (issue 11), on the
 * coordinator's case view: who wrote it and when it came, what it would change in the case's
 * recommendation, and the way to use it — as the recommendation of the consultation ('consult',
 * when the case is scheduled) or as a correction of the recommendation not yet sent. Either way
 * the coordinator's own form opens with the draft in it, to check and edit before saving; the
 * recommendation then goes to the requester with the usual letter and 'send-recommendation' step.
 */
export function ExpertDraftPanel({ record }: { record: ConsultationRecord }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands } = useServices();
  const networks = useNetworks();
  const draft = useLiveQuery(() => draftForCase(commands, record.id), [commands, record.id]);
  const [using, setUsing] = useState(false);
  const now = useNow(commands.now);
  const formHeading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen reader users land on the form that opened.
  useEffect(() => {
    if (using) formHeading.current?.focus();
  }, [using]);

  // A draft received from an expert desk, or marked ready by an expert profile on this installation; never one still being written.
  if (commands.profile.role !== 'coordinator' || !draft || draft.state === 'draft') return null;
  const network = networks?.find((n) => n.id === draft.networkId)?.name[language] ?? draft.networkId;
  const current = record.recommendation;
  const changes = recommendationChanges(current, draft.recommendation);
  const sent = Boolean(current?.sentAt);
  // The consultation is recorded once its meeting has begun (the lifecycle panel says when it is).
  const canConsult = availableActions(lifecycleStateOf(record, now)).includes('consult') && mayRunOn(commands.profile, 'lifecycle.consult', record);
  const canRevise = record.status === 'consulted' && current !== null && !sent && changes.length > 0 && mayRunOn(commands.profile, 'recommendation.write', record);
  const here = window.location.hash;

  return (
    <Section headingId="expert-draft-heading" heading={t('expertDesk.received.heading')} className="otk-section" data-testid="expert-draft">
      <Paragraph>
        {t('expertDesk.received.from', {
          network,
          by: draft.by,
          written: formatDateTime(draft.updatedAt, language),
          received: draft.receivedAt ? formatDateTime(draft.receivedAt, language) : '–',
        })}
      </Paragraph>
      {current === null ? (
        <>
          <Paragraph>{t('expertDesk.received.noRecommendationYet')}</Paragraph>
          <DraftContent draft={draft.recommendation} />
        </>
      ) : changes.length === 0 ? (
        <Paragraph className="otk-notice" data-testid="draft-same">
          {t('expertDesk.received.same')}
        </Paragraph>
      ) : (
        <ChangesTable changes={changes} />
      )}
      {sent && <Paragraph className="otk-muted">{t('expertDesk.received.alreadySent')}</Paragraph>}
      {!canConsult && current === null && record.status !== 'scheduled' && <Paragraph className="otk-muted">{t('expertDesk.received.notScheduled')}</Paragraph>}
      {!using && (canConsult || canRevise) && (
        <div className="otk-row-actions">
          <Button onClick={() => setUsing(true)}>{t(canConsult ? 'expertDesk.received.useForConsult' : 'expertDesk.received.useForRevise')}</Button>
        </div>
      )}
      {using && (canConsult || canRevise) && (
        <>
          <Heading variant="h4" as="h4" id="expert-draft-form-heading" ref={formHeading} tabIndex={-1}>
            {t(canConsult ? 'expertDesk.received.consultFormHeading' : 'expertDesk.received.reviseFormHeading')}
          </Heading>
          <Paragraph className="otk-muted">{t('expertDesk.received.formIntro')}</Paragraph>
          <RecommendationForm
            initial={toRecommendationValues(draft.recommendation, record.requester.language, '')}
            headingId="expert-draft-form-heading"
            submitLabel={canConsult ? t('lifecycle.action.consult') : t('recommendation.saveChanges')}
            onSave={async (recommendation) => {
              if (canConsult) {
                await transitionConsultation(commands, record.id, 'consult', { recommendation }, record.rev);
                flash(t('lifecycle.done.consult', { code: record.caseCode }), here);
              } else {
                await reviseRecommendation(commands, record.id, recommendation, record.rev);
                flash(t('recommendation.saved'), here);
              }
              setUsing(false);
            }}
            onCancel={() => setUsing(false)}
          />
        </>
      )}
      {record.status === 'consulted' && !sent && !using && <Paragraph className="otk-muted">{t('expertDesk.received.nextStep')}</Paragraph>}
    </Section>
  );
}
