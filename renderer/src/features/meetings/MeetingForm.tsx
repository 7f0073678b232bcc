import { useTranslation } from 'react-i18next';
import { meetingInputSchema, MEETING_MODES, PARTICIPANT_ROLES, type MeetingInput } from '../../../../shared/meetings/schema';
import type { NetworkRecord } from '../../queries/records';
import { useUiStore } from '../../state/uiStore';
import { FormCheckbox, FormDateInput, FormDropdown, FormNumberInput, FormRadioGroup, FormTextInput, FormTimeInput } from '../../forms/fields';
import { FormErrorSummary } from '../../forms/ErrorList';
import { ActionFormFrame, mappedResolver, summaryFields, useActionForm } from '../lifecycle/form-kit';

/** The form's shape: one count per participant role (0 = the role does not take part). */
export interface MeetingValues {
  networkId: string;
  date: string;
  time: string;
  durationMinutes: number | string;
  mode: string;
  capacity: number | string;
  participants: Record<(typeof PARTICIPANT_ROLES)[number], number | string>;
  location: string;
  notes: string;
  cancelled: boolean;
  slotId: string;
}

export type MeetingFormInput = Omit<MeetingInput, 'caseIds'>;

export function toMeetingInput(values: MeetingValues): MeetingFormInput {
  return {
    ...values,
    mode: values.mode as MeetingInput['mode'],
    durationMinutes: values.durationMinutes as number,
    capacity: values.capacity as number,
    participants: PARTICIPANT_ROLES.filter((role) => values.participants[role] !== 0 && values.participants[role] !== '').map((role) => ({
      role,
      count: values.participants[role] as number,
    })),
  };
}

export function toMeetingValues(meeting: Partial<MeetingFormInput> & { networkId: string; date: string }): MeetingValues {
  const count = (role: (typeof PARTICIPANT_ROLES)[number]) => meeting.participants?.find((p) => p.role === role)?.count ?? 0;
  return {
    networkId: meeting.networkId,
    date: meeting.date,
    time: meeting.time ?? '13:00',
    durationMinutes: meeting.durationMinutes ?? 60,
    mode: meeting.mode ?? 'video',
    capacity: meeting.capacity ?? 2,
    participants: { requester: count('requester'), expert: count('expert'), coordinator: count('coordinator') },
    location: meeting.location ?? '',
    notes: meeting.notes ?? '',
    cancelled: meeting.cancelled ?? false,
    slotId: meeting.slotId ?? '',
  };
}

/** 'participants.1.count' (schema) cannot be mapped back to a role by index alone: show it on the group. */
const toField = (path: string) => (path.startsWith('participants') ? 'participants.expert' : path);

/** An ad hoc meeting, or an edit of any meeting: when, how, how many cases, who takes part (by role). */
export function MeetingForm({
  initial,
  networks,
  headingId,
  submitLabel,
  editing,
  onSave,
  onCancel,
}: {
  initial: MeetingValues;
  networks: readonly NetworkRecord[];
  headingId: string;
  submitLabel: string;
  editing: boolean;
  onSave: (input: MeetingFormInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { form, summaryHeading, failure, submit } = useActionForm<MeetingValues>({
    resolver: mappedResolver(meetingInputSchema, toMeetingInput, toField),
    defaultValues: initial,
    fallbackKey: 'meetings.saveFailed',
  });
  const { control, formState } = form;
  const fields = summaryFields([
    ['networkId', t('meetings.network')],
    ['date', t('meetings.date')],
    ['time', t('meetings.time')],
    ['durationMinutes', t('meetings.duration')],
    ['mode', t('meetings.mode'), 'first'],
    ['capacity', t('meetings.capacity')],
    ...PARTICIPANT_ROLES.map((role): [string, string] => [`participants.${role}`, t(`participantRole.${role}`)]),
    ['location', t('meetings.location')],
    ['notes', t('meetings.notes')],
    ['cancelled', t('meetings.cancelled')],
  ]);
  return (
    <ActionFormFrame
      labelledBy={headingId}
      failure={failure}
      summary={<FormErrorSummary ref={summaryHeading} errors={formState.errors} fields={fields} />}
      onSubmit={(event) => void submit((values) => onSave(toMeetingInput(values)), toField)(event)}
      submitLabel={submitLabel}
      onCancel={onCancel}
      busy={formState.isSubmitting}
    >
      <div className="otk-grid">
        <FormDropdown control={control} name="networkId" label={t('meetings.network')} options={networks.map((n) => ({ value: n.id, label: n.name[language] }))} />
        <FormDateInput control={control} name="date" label={t('meetings.date')} />
        <FormTimeInput control={control} name="time" label={t('meetings.time')} />
        <FormNumberInput control={control} name="durationMinutes" label={t('meetings.duration')} />
        <FormNumberInput control={control} name="capacity" label={t('meetings.capacity')} hint={t('meetings.capacityHint')} />
      </div>
      <FormRadioGroup control={control} name="mode" label={t('meetings.mode')} options={MEETING_MODES.map((mode) => ({ value: mode, label: t(`meetingMode.${mode}`) }))} />
      <fieldset className="otk-fieldset">
        <legend>{t('meetings.participants')}</legend>
        <p className="otk-muted">{t('meetings.participantsHint')}</p>
        <div className="otk-grid">
          {PARTICIPANT_ROLES.map((role) => (
            <FormNumberInput key={role} control={control} name={`participants.${role}`} label={t(`participantRole.${role}`)} />
          ))}
        </div>
      </fieldset>
      <FormTextInput control={control} name="location" label={t('meetings.location')} hint={t('meetings.noClientData')} />
      <FormTextInput control={control} name="notes" label={t('meetings.notes')} hint={t('meetings.noClientData')} />
      {editing && <FormCheckbox control={control} name="cancelled" label={t('meetings.cancelMeeting')} />}
    </ActionFormFrame>
  );
}
