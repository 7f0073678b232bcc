import type { IntakeInput } from '../../../../shared/domain/consultation';
import { helsinkiParts } from '../../../../shared/calendar/helsinki-time';
import { blankIntake } from '../intake/initial-values';
import type { RequesterContact } from '../../queries/requester-desk';

/** A request made on the requester's own desk is received now (Finnish time), through the form. */
export function receivedNow(now: Date): IntakeInput['received'] {
  return { ...helsinkiParts(now), channel: 'form' };
}

/**
 * The form's values: a blank request, then what the draft kept, with the receipt set to now and
 * the requester section always the desk's stored contact.
 */
export function requestFormValues(now: Date, draft: Partial<IntakeInput> | undefined, requester: RequesterContact | null): IntakeInput {
  const blank = blankIntake(now);
  const kept = draft ?? {};
  return {
    ...blank,
    ...kept,
    requestKind: kept.requestKind ?? 'consultation',
    received: receivedNow(now),
    requester: requester ? { ...requester } : blank.requester,
    subject: { ...blank.subject, ...kept.subject },
    consent: kept.consent ?? blank.consent,
  } as IntakeInput;
}

/** What a draft keeps: the requester's typing, not the receipt (set when finished) nor the contact (always the stored one). */
export function draftValues(values: IntakeInput): Partial<IntakeInput> {
  const { received: _received, requester: _requester, ...kept } = values;
  return kept;
}
