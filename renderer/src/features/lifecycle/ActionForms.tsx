import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { TRANSITION_DATA, DECLINE_REASONS } from '../../../../shared/lifecycle/transition-data';
import { CLOSE_OUT_OUTCOMES, OTHERWISE_SOUGHT } from '../../../../shared/lifecycle/close-out';
import type { TransitionDataInput } from '../../../../shared/lifecycle/transitions';
import { FormDropdown, FormRadioGroup, FormTextarea, FormTextInput } from '../../forms/fields';
import { FormErrorSummary } from '../../forms/ErrorList';
import { ActionFormFrame, summaryFields, useActionForm } from './form-kit';

interface FormProps {
  headingId: string;
  onSave: (data: unknown) => Promise<unknown>;
  onCancel: () => void;
}

/** Decline: a coded reason, where the requester should turn instead (it goes back to them), a note for 'other'. */
export function DeclineForm({ headingId, onSave, onCancel }: FormProps) {
  const { t } = useTranslation();
  const { form, summaryHeading, failure, submit } = useActionForm<TransitionDataInput<'decline'>>({
    resolver: zodResolver(TRANSITION_DATA.decline),
    defaultValues: { reason: undefined as unknown as 'other', whereToTurn: '', reasonNote: '' },
    fallbackKey: 'lifecycle.failed',
  });
  const { control, formState } = form;
  const fields = summaryFields([
    ['reason', t('lifecycle.declineReason')],
    ['whereToTurn', t('lifecycle.whereToTurn')],
    ['reasonNote', t('lifecycle.reasonNote')],
  ]);
  return (
    <ActionFormFrame
      labelledBy={headingId}
      failure={failure}
      summary={<FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />}
      onSubmit={(event) => void submit(onSave)(event)}
      submitLabel={t('lifecycle.action.decline')}
      onCancel={onCancel}
      busy={formState.isSubmitting}
    >
      <FormDropdown control={control} name="reason" label={t('lifecycle.declineReason')} options={DECLINE_REASONS.map((code) => ({ value: code, label: t(`lifecycle.declineReasonCode.${code}`) }))} />
      <FormTextarea control={control} name="whereToTurn" label={t('lifecycle.whereToTurn')} hint={t('lifecycle.whereToTurnHint')} />
      <FormTextInput control={control} name="reasonNote" label={t('lifecycle.reasonNote')} hint={t('lifecycle.reasonNoteHint')} />
    </ActionFormFrame>
  );
}

/** One free-text field: what information is asked for, or why the case is cancelled or reopened. */
export function TextActionForm({ action, headingId, onSave, onCancel }: FormProps & { action: 'request-information' | 'cancel' | 'reopen' }) {
  const { t } = useTranslation();
  const name = action === 'request-information' ? 'asked' : 'reason';
  const { form, summaryHeading, failure, submit } = useActionForm<Record<string, string>>({
    resolver: zodResolver(TRANSITION_DATA[action]) as never,
    defaultValues: { [name]: '' },
    fallbackKey: 'lifecycle.failed',
  });
  const { control, formState } = form;
  const label = t(`lifecycle.field.${action}`);
  return (
    <ActionFormFrame
      labelledBy={headingId}
      failure={failure}
      summary={<FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={summaryFields([[name, label]])} />}
      onSubmit={(event) => void submit(onSave)(event)}
      submitLabel={t(`lifecycle.action.${action}`)}
      onCancel={onCancel}
      busy={formState.isSubmitting}
    >
      <FormTextarea control={control} name={name} label={label} hint={t('lifecycle.freeTextHint')} />
    </ActionFormFrame>
  );
}

/** The mandatory close-out survey (eConsult's): outcome and whether a more demanding service was avoided. */
export function CloseOutForm({ headingId, onSave, onCancel }: FormProps) {
  const { t } = useTranslation();
  const { form, summaryHeading, failure, submit } = useActionForm<TransitionDataInput<'close'>>({
    resolver: zodResolver(TRANSITION_DATA.close),
    defaultValues: { closeOut: { note: '' } } as TransitionDataInput<'close'>,
    fallbackKey: 'lifecycle.failed',
  });
  const { control, formState } = form;
  const fields = summaryFields([
    ['closeOut.outcome', t('closeOut.outcome'), 'first'],
    ['closeOut.wouldOtherwiseHaveSought', t('closeOut.otherwiseSought'), 'first'],
    ['closeOut.note', t('closeOut.note')],
  ]);
  return (
    <ActionFormFrame
      labelledBy={headingId}
      failure={failure}
      summary={<FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />}
      onSubmit={(event) => void submit(onSave)(event)}
      submitLabel={t('lifecycle.action.close')}
      onCancel={onCancel}
      busy={formState.isSubmitting}
    >
      <FormRadioGroup control={control} name="closeOut.outcome" label={t('closeOut.outcome')} options={CLOSE_OUT_OUTCOMES.map((code) => ({ value: code, label: t(`closeOut.outcomeCode.${code}`) }))} />
      <FormRadioGroup
        control={control}
        name="closeOut.wouldOtherwiseHaveSought"
        label={t('closeOut.otherwiseSought')}
        options={OTHERWISE_SOUGHT.map((code) => ({ value: code, label: t(`closeOut.otherwiseSoughtCode.${code}`) }))}
      />
      <FormTextInput control={control} name="closeOut.note" label={t('closeOut.note')} hint={t('closeOut.noteHint')} />
    </ActionFormFrame>
  );
}
