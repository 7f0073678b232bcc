import { useMemo, useRef, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { createIntakeSchema, type ConsultationRecord, type Intake, type IntakeInput } from '../../../../shared/domain/consultation';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { guardIntake, type IntakeTexts } from '../../../../shared/privacy/intake-guard';
import { useServices } from '../../services/services';
import { hrefFor } from '../../services/router';
import { useUiStore } from '../../state/uiStore';
import { discardRequestDraft, finishRequest, saveRequestDraft } from '../../commands/desk/request-drafts';
import type { RequestDraftRow } from '../../queries/records';
import { ValidationError } from '../../access/errors';
import { fieldId } from '../../forms/fields';
import { FormErrorSummary, type SummaryField } from '../../forms/ErrorList';
import { LiveRegions } from '../../forms/LiveRegions';
import { useCommand } from '../../forms/useCommand';
import { formatDateTime } from '../../format/dates';
import { intakeOptions } from '../intake/options';
import { summaryFields } from '../intake/summary-fields';
import { GuardWarnings } from '../intake/GuardWarnings';
import { ConsentSection, RequestKindSection, SubjectSection } from '../intake/sections';
import { ConsentHelp, REQUESTER_DETAILS_ID, RequestDetailsSection, RequesterDetails } from './RequestParts';
import { draftValues, receivedNow, requestFormValues } from './request-values';
import type { RequesterContact } from '../../queries/requester-desk';

interface Props {
  /** The draft being continued; undefined for a new request (until its first save). */
  draftId: string | undefined;
  draft: Partial<IntakeInput> | undefined;
  requester: RequesterContact | null;
  /** The first save of a new request made this draft. */
  onCreated: (row: RequestDraftRow) => void;
  onFinished: (record: ConsultationRecord) => void;
  onDiscarded: () => void;
}

/** The error summary's fields: the intake's, without the receipt (set by the desk), the requester's pointing at the read-only details. */
function requestSummaryFields(t: ReturnType<typeof useTranslation>['t']): SummaryField[] {
  return summaryFields(t)
    .filter((field) => !field.name.startsWith('received.'))
    .map((field) => {
      if (field.name.startsWith('requester.')) return { ...field, inputId: REQUESTER_DETAILS_ID };
      if (field.name === 'hopedOutcome') return { ...field, label: t('requesterDesk.form.hopedOutcome') };
      return field;
    });
}

/**
 * The requester's guided request: the coordinator intake's schema and identifier guard, the
 * intake's sections minus what the desk sets itself (the receipt) and the stored contact shown
 * read-only. Save draft keeps the typing unchecked; Finish checks it all and makes it a request.
 */
export function RequestForm({ draftId, draft, requester, onCreated, onFinished, onDiscarded }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands } = useServices();
  const options = useMemo(() => intakeOptions(language, t), [language, t]);
  const schema = useMemo(() => createIntakeSchema(() => helsinkiDate(commands.now()), commands.now), [commands]);
  const [initial] = useState(() => requestFormValues(commands.now(), draft, requester));
  const form = useForm<IntakeInput, unknown, Intake>({ resolver: zodResolver(schema), defaultValues: initial, shouldFocusError: false });
  const { control, handleSubmit, formState, setError, getValues } = form;
  const refused = useWatch({ control, name: 'requestKind' }) === 'forensic-investigation';
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const discardYes = useRef<HTMLButtonElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  // The guard's warnings the requester has looked at and chose to keep (read at submit time).
  const acknowledged = useRef<string | null>(null);
  const [pendingWarnings, setPendingWarnings] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const draftCommand = useCommand('requesterDesk.form.draftFailed');
  const finishCommand = useCommand('requesterDesk.form.finishFailed');
  const discardCommand = useCommand('requesterDesk.form.discardFailed');

  const texts = useWatch({ control, name: ['question', 'hopedOutcomeNote', 'subject.servicesTriedNote', 'consent'] });
  const guard = guardIntake(
    { question: texts[0] ?? '', hopedOutcomeNote: texts[1] ?? '', subject: { servicesTriedNote: texts[2] ?? '' }, consent: texts[3] } as IntakeTexts,
    commands.now(),
  );
  const warningsKey = JSON.stringify(guard.warnings.map((w) => [w.path, w.kind, w.start]));
  const fields = requestSummaryFields(t);
  // Buttons stay enabled while a command runs (a disabled button would drop the keyboard focus); a second click waits.
  const busy = formState.isSubmitting || draftCommand.busy || discardCommand.busy;
  const focusSummary = () => requestAnimationFrame(() => summaryHeading.current?.focus());

  const saveDraft = () => {
    if (busy) return;
    void draftCommand.run(async () => {
      const row = await saveRequestDraft(commands, draftId, draftValues(getValues()));
      flash(t('requesterDesk.form.draftSaved', { date: formatDateTime(row.updatedAt, language) }), hrefFor({ view: 'request', id: row.id }));
      if (draftId === undefined) {
        onCreated(row);
        // The screen's address changed to the draft's: keep the keyboard where it was.
        requestAnimationFrame(() => saveButton.current?.focus());
      }
    });
  };

  // `confirmed`: the user pressed "I have checked – send" for the warnings on screen now.
  const onValid = (intake: Intake, confirmed: boolean) =>
    finishCommand.run(async () => {
      if (confirmed) acknowledged.current = warningsKey;
      if (guard.warnings.length > 0 && acknowledged.current !== warningsKey) {
        setPendingWarnings(true);
        requestAnimationFrame(() => document.getElementById('guard-warnings')?.focus());
        return;
      }
      setPendingWarnings(false);
      try {
        onFinished(await finishRequest(commands, draftId, { ...intake, received: receivedNow(commands.now()) }));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const issue of error.issues) setError(issue.path as FieldPath<IntakeInput>, { message: issue.message });
        focusSummary();
      }
    });

  const discard = () => {
    if (busy || draftId === undefined) return;
    void discardCommand.run(async () => {
      await discardRequestDraft(commands, draftId);
      onDiscarded();
    });
  };
  const error = draftCommand.error ?? finishCommand.error ?? discardCommand.error;

  return (
    <>
      <FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />
      <form noValidate aria-labelledby="request-heading" onSubmit={(event) => void handleSubmit((intake) => onValid(intake, false), focusSummary)(event)}>
        <RequestKindSection control={control} options={options} />
        {/* A forensic investigation is not an OT consultation: the rest of the form and finishing go away (what was typed is kept). */}
        {!refused && (
          <>
            <RequesterDetails requester={requester} />
            <SubjectSection control={control} options={options} />
            <RequestDetailsSection control={control} options={options} />
            <ConsentHelp />
            <ConsentSection control={control} options={options} editing={false} />
            <GuardWarnings
              issues={guard.warnings}
              confirming={pendingWarnings}
              onConfirm={() => void handleSubmit((intake) => onValid(intake, true), focusSummary)()}
              labelOf={(path) => fields.find((f) => f.name === path)?.label ?? path}
              fieldIdOf={fieldId}
            />
          </>
        )}
        <div className="otk-row-actions">
          {!refused && (
            <Button type="submit" disabled={busy}>
              {formState.isSubmitting ? t('requesterDesk.form.finishing') : t('requesterDesk.form.finish')}
            </Button>
          )}
          <Button variant="secondary" ref={saveButton} onClick={saveDraft}>
            {draftCommand.busy ? t('requesterDesk.form.savingDraft') : t('requesterDesk.form.saveDraft')}
          </Button>
          {draftId !== undefined && !confirmingDiscard && (
            <Button
              variant="secondary"
              ref={discardButton}
              onClick={() => {
                setConfirmingDiscard(true);
                requestAnimationFrame(() => discardYes.current?.focus());
              }}
            >
              {t('requesterDesk.form.discard')}
            </Button>
          )}
        </div>
        {draftId !== undefined && confirmingDiscard && (
          <div className="otk-warning otk-section" role="group" aria-labelledby="discard-question">
            <Paragraph id="discard-question">{t('requesterDesk.form.discardConfirm')}</Paragraph>
            <div className="otk-row-actions">
              <Button ref={discardYes} onClick={discard}>
                {t('requesterDesk.form.discardYes')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setConfirmingDiscard(false);
                  requestAnimationFrame(() => discardButton.current?.focus());
                }}
              >
                {t('requesterDesk.form.discardNo')}
              </Button>
            </div>
          </div>
        )}
        {/* Beside the buttons, where the eye is after a click: what was saved, or what failed. */}
        <LiveRegions error={error} />
      </form>
    </>
  );
}
