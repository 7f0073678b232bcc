import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { allowedActions, type LifecycleAction } from '../../../../shared/lifecycle/transitions';
import { availableActions, blockedBy } from '../../../../shared/lifecycle/plan';
import { lifecycleStateOf } from '../../../../shared/lifecycle/state';
import { lifecycleCommand } from '../../../../shared/protection/roles';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { transitionConsultation } from '../../commands/lifecycle';
import { mayRunOn } from '../../access/guards';
import { useCommand } from '../../forms/useCommand';
import { useNow } from '../../state/useNow';
import { CloseOutForm, DeclineForm, TextActionForm } from './ActionForms';
import { RecommendationForm, toRecommendationValues } from './RecommendationForm';
import { CriteriaChecklist, useCriteriaChoice } from '../knowledge/CriteriaChecklist';
import { Section } from '../../components/Section';

/** Actions taken with one click (nothing to record but the step itself). */
const IMMEDIATE: ReadonlySet<LifecycleAction> = new Set(['accept', 'information-received', 'send-recommendation']);
/** Actions with panels of their own on the case view. */
const ELSEWHERE: ReadonlySet<LifecycleAction> = new Set(['route', 'schedule']);

/**
 * The case's next steps: what the lifecycle allows in its status, each as a button; actions that
 * need data open their form here. Routing and booking have their own panels below.
 */
export function LifecyclePanel({ record }: { record: ConsultationRecord }) {
  const { t } = useTranslation();
  const { commands } = useServices();
  const flash = useUiStore((s) => s.flash);
  const [open, setOpen] = useState<LifecycleAction | null>(null);
  const { run, busy, error, detailText: describeDetail } = useCommand('lifecycle.failed');
  // Only the steps the case's state allows now and the profile's role may take (roles); the command
  // layer refuses the others. A step the status allows but the state blocks says why (meeting ahead).
  const now = useNow(commands.now);
  const state = lifecycleStateOf(record, now);
  const mayRun = (action: LifecycleAction) => mayRunOn(commands.profile, action === 'schedule' ? 'meeting.book' : lifecycleCommand(action), record);
  const permitted = availableActions(state).filter(mayRun);
  const waiting = record.status === 'scheduled' && mayRun('consult') ? blockedBy(state, 'consult') : null;
  const actions = permitted.filter((action) => !ELSEWHERE.has(action));
  const hints = permitted.filter((action) => ELSEWHERE.has(action));
  // The OT-level criteria (issue 21) go with the decision: accept, or the decline form.
  const criteria = useCriteriaChoice();
  const decides = (action: LifecycleAction) => action === 'accept' || action === 'decline';
  const showCriteria = permitted.some(decides) && (open === null || open === 'decline');

  const take = async (action: LifecycleAction, data?: unknown) => {
    if (decides(action)) {
      const chosen = criteria.checked();
      if (chosen === false) return;
      if (chosen) data = { ...(data as object | undefined), ...chosen };
    }
    await transitionConsultation(commands, record.id, action, data, record.rev);
    setOpen(null);
    flash(t(`lifecycle.done.${action}`, { code: record.caseCode }), window.location.hash);
  };
  const formProps = { headingId: 'lifecycle-form-heading', onSave: (data: unknown) => take(open!, data), onCancel: () => setOpen(null) };

  return (
    <Section
      headingId="case-lifecycle"
      heading={t('lifecycle.heading')}
      intro={t('lifecycle.statusNow', { status: t(`status.${record.status}`) })}
      className="otk-section"
    >
      {allowedActions(record.status).length === 0 && <Paragraph>{t('lifecycle.final')}</Paragraph>}
      {hints.map((action) => (
        <Paragraph key={action} className="otk-muted">
          {t(`lifecycle.hint.${action}`)}
        </Paragraph>
      ))}
      {waiting && (
        <Paragraph className="otk-muted" data-testid="lifecycle-waiting">
          {describeDetail(waiting)}
        </Paragraph>
      )}
      <div role="alert" className="otk-live">
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
      </div>
      {showCriteria && <CriteriaChecklist state={criteria} />}
      {open === null && actions.length > 0 && (
        <div className="otk-row-actions">
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === 'cancel' || action === 'decline' ? 'secondary' : 'default'}
              disabled={busy}
              onClick={() => (IMMEDIATE.has(action) ? void run(() => take(action)) : setOpen(action))}
            >
              {t(`lifecycle.action.${action}`)}
            </Button>
          ))}
        </div>
      )}
      {open !== null && (
        <>
          <Heading variant="h4" as="h4" id="lifecycle-form-heading">
            {t(`lifecycle.formHeading.${open}`)}
          </Heading>
          {open === 'decline' && <DeclineForm {...formProps} />}
          {(open === 'request-information' || open === 'cancel' || open === 'reopen') && <TextActionForm action={open} {...formProps} />}
          {open === 'close' && <CloseOutForm {...formProps} />}
          {open === 'consult' && (
            <RecommendationForm
              initial={toRecommendationValues(null, record.requester.language, '')}
              headingId="lifecycle-form-heading"
              submitLabel={t('lifecycle.action.consult')}
              onSave={(recommendation) => take('consult', { recommendation })}
              onCancel={() => setOpen(null)}
            />
          )}
        </>
      )}
    </Section>
  );
}
