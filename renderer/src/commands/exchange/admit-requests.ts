import { createIntakeSchema, intakeOf, type ConsultationRecord } from '../../../../shared/domain/consultation';
import { guardIntake, issueMessage, type IntakeTexts } from '../../../../shared/privacy/intake-guard';
import { formatCaseCode } from '../../../../shared/domain/case-code';
import { helsinkiInstant, helsinkiParts } from '../../../../shared/calendar/helsinki-time';
import { targetDate } from '../../../../shared/calendar/target-date';
import { areaOfRegion } from '../../../../shared/reference/regions';
import type { Settings } from '../../../../shared/domain/settings';
import type { SyncedConsultation } from '../../db/rows/exchange';

/**
 * A request a requester's desk sent (a requester bundle with cases the centre does not hold yet)
 * becomes a received case here as if it had been typed in: the same schema and identifier guard
 * as the intake form, then the centre's own receipt (today, channel "imported file"), case code,
 * target date and region. Pure: the importer runs the check when planning and the admission in
 * its transaction (where the case-code sequence and the clock are).
 */

/**
 * The request's first problem under the intake rules — its field (a path like `question` or
 * `requester.email`) and the message (an i18n key with parameters, e.g. the identifier guard's
 * `guard.henkilotunnusAnonymous?position=12`) — or null when it passes them.
 */
export function requestProblem(record: SyncedConsultation, now: Date): { path: string; message: string } | null {
  const today = helsinkiParts(now).date;
  const parsed = createIntakeSchema(() => today, () => now).safeParse(intakeOf(record));
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { path: issue.path.join('.'), message: issue.message };
}

/**
 * What the identifier guard warns about in a request that passes (a phone number, e-mail or street
 * address, a date that may be a birth date in an anonymous request): its field and message. Not a
 * refusal — the intake form only warns, and the requester confirmed them — but the centre sees them
 * before it imports.
 */
export function requestFindings(record: SyncedConsultation, now: Date): Array<{ path: string; message: string }> {
  return guardIntake(intakeOf(record) as IntakeTexts, now).warnings.map(issueMessage);
}

export interface Admission {
  now: Date;
  /** The clock stamp of the centre's receipt. */
  stamp: string;
  /** The sequence number the centre's case code takes. */
  sequence: number;
  settings: Settings;
  /** The coordinator who imported it. */
  actor: string;
}

/** The case as the centre stores it: received now through an imported file, with the centre's code and target date. */
export function admitRequest(record: Omit<SyncedConsultation, 'rev'>, admission: Admission): Omit<SyncedConsultation, 'rev'> {
  const { date, time } = helsinkiParts(admission.now);
  const received: ConsultationRecord['received'] = { date, time, channel: 'imported-file' };
  return {
    ...record,
    received,
    receivedAt: helsinkiInstant(date, time).toISOString(),
    targetDate: targetDate(date, record.urgency, { normalCalendarDays: admission.settings.normalCalendarDays, urgentWorkingDays: admission.settings.urgentWorkingDays }),
    caseCode: formatCaseCode(admission.settings.caseCodePrefix, Number(date.slice(0, 4)), admission.sequence),
    region: record.requester.region,
    area: areaOfRegion(record.requester.region),
    createdBy: admission.actor,
    stamps: { ...record.stamps, received: admission.stamp },
  };
}
