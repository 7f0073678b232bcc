import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { dueFollowUp } from '../../../../shared/lifecycle/record';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { markFollowUpDone, reviseRecommendation } from '../../commands/recommendation';
import { mayRunOn } from '../../access/guards';
import { useCommand } from '../../forms/useCommand';
import { formatDateTime, formatIsoDate } from '../../format/dates';
import { RecommendationForm, toRecommendationValues } from './RecommendationForm';
import { NextStepList, RecommendationItems } from './RecommendationLists';
import { Section } from '../../components/Section';

/** The written recommendation on the case: its content, the letter, corrections until sent, and the follow-up. */
export function RecommendationView({ record }: { record: ConsultationRecord }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands } = useServices();
  const [editing, setEditing] = useState(false);
  const { run, busy, error } = useCommand('lifecycle.failed');
  const recommendation = record.recommendation;
  if (!recommendation) return null;
  const followUp = dueFollowUp(record);
  const may = (command: Parameters<typeof mayRunOn>[1]) => mayRunOn(commands.profile, command, record);

  return (
    <Section headingId="case-recommendation" heading={t('recommendation.heading')} className="otk-section">
      <div role="alert" className="otk-live">
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
      </div>
      {editing ? (
        <RecommendationForm
          initial={toRecommendationValues(recommendation, record.requester.language, '')}
          headingId="case-recommendation"
          submitLabel={t('recommendation.saveChanges')}
          onSave={async (draft) => {
            await reviseRecommendation(commands, record.id, draft, record.rev);
            setEditing(false);
            flash(t('recommendation.saved'), window.location.hash);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="otk-fields">
            <div className="otk-field">
              <dt>{t('recommendation.state')}</dt>
              <dd>
                {recommendation.sentAt ? t('recommendation.sentAt', { date: formatDateTime(recommendation.sentAt, language) }) : t('recommendation.notSent')} ·{' '}
                {t('recommendation.writtenIn', { language: t(`language.${recommendation.language}`) })}
              </dd>
            </div>
            <div className="otk-field">
              <dt>{t('recommendation.questionSummary')}</dt>
              <dd className="otk-pre">{recommendation.questionSummary}</dd>
            </div>
            <div className="otk-field">
              <dt>{t('recommendation.items')}</dt>
              <dd>
                <RecommendationItems recommendation={recommendation} />
              </dd>
            </div>
            {recommendation.nextSteps.length > 0 && (
              <div className="otk-field">
                <dt>{t('recommendation.nextSteps')}</dt>
                <dd>
                  <NextStepList recommendation={recommendation} t={t} />
                </dd>
              </div>
            )}
            <div className="otk-field">
              <dt>{t('recommendation.followUpDate')}</dt>
              <dd>
                {recommendation.followUpDate === ''
                  ? '–'
                  : record.followUpDoneAt
                    ? t('recommendation.followUpDone', { date: formatIsoDate(recommendation.followUpDate, language), done: formatDateTime(record.followUpDoneAt, language) })
                    : formatIsoDate(recommendation.followUpDate, language)}
              </dd>
            </div>
          </dl>
          <div className="otk-row-actions">
            {may('consultation.print') && (
              <a className="otk-button-link" href={`#/case/${encodeURIComponent(record.id)}/letter`}>
                {t('recommendation.openLetter')}
              </a>
            )}
            {!recommendation.sentAt && record.status === 'consulted' && may('recommendation.write') && (
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('recommendation.edit')}
              </Button>
            )}
            {followUp !== '' && may('recommendation.follow-up') && (
              <Button variant="secondary" disabled={busy} onClick={() => void run(async () => {
                await markFollowUpDone(commands, record.id, record.rev);
                flash(t('recommendation.followUpMarked'), window.location.hash);
              })}>
                {t('recommendation.markFollowedUp')}
              </Button>
            )}
          </div>
        </>
      )}
      {record.closeOut && (
        <dl className="otk-fields">
          <div className="otk-field">
            <dt>{t('closeOut.outcome')}</dt>
            <dd>{t(`closeOut.outcomeCode.${record.closeOut.outcome}`)}</dd>
          </div>
          <div className="otk-field">
            <dt>{t('closeOut.otherwiseSought')}</dt>
            <dd>{t(`closeOut.otherwiseSoughtCode.${record.closeOut.wouldOtherwiseHaveSought}`)}</dd>
          </div>
          {record.closeOut.note && (
            <div className="otk-field">
              <dt>{t('closeOut.note')}</dt>
              <dd>{record.closeOut.note}</dd>
            </div>
          )}
        </dl>
      )}
    </Section>
  );
}
