import type { IntakeInput } from '../../../../shared/domain/consultation';
import { helsinkiParts } from '../../../../shared/calendar/helsinki-time';

/** A blank request, received now (Finnish time), anonymous until the coordinator says otherwise. */
export function blankIntake(now: Date): IntakeInput {
  const { date, time } = helsinkiParts(now);
  return {
    requestKind: 'consultation',
    received: { date, time } as IntakeInput['received'],
    requester: { name: '', title: '', organisation: '', phone: '', email: '', language: 'fi' } as IntakeInput['requester'],
    subject: { themes: [], servicesTried: [], servicesTriedNote: '', serviceLanguage: 'fi', interpreterNeeded: false } as unknown as IntakeInput['subject'],
    question: '',
    hopedOutcomeNote: '',
    urgency: 'normal',
    consent: { mode: 'anonymous' },
  } as IntakeInput;
}

/** The form values of a stored case, for editing. */
export { intakeOf } from '../../../../shared/domain/consultation';
