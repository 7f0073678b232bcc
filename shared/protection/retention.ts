import { z } from 'zod';
import { dayNumberToIso, isoToDayNumber, type IsoDate } from '../calendar/finnish-holidays';
import { helsinkiDate } from '../calendar/target-date';
import type { ConsentMode } from '../domain/consent';
import type { ConsultationRecord, ConsultationStatus } from '../domain/consultation';
import { MSG } from '../domain/validation';
import { parseStamp } from '../sync/hlc';
import type { StampedRecord, Tombstone } from '../sync/record';
import { tombstoneOf } from '../sync/tombstone';
import { PROTECTION_MSG } from './messages';

/**
 * Retention: when a case's content must go. The policy (set by the centre with its data protection
 * officer) says how many years a case is kept:
 *  - closed cases: `closedYears` after closing (default 5);
 *  - anonymous closed cases: `anonymousClosedYears` (default 3; never more than `closedYears`);
 *  - declined or cancelled cases: `endedYears` after the decision (default 2; an anonymous one
 *    the shorter of this and `anonymousClosedYears`).
 * Open cases are never due. A reopened case is open again, so its clock stops.
 *
 * Years count on Finnish calendar dates (an instant is first turned into its date in Helsinki) by
 * the rule of laki säädettyjen määräaikain laskemisesta (150/1930): N years from a date end on the
 * day with the same number N years later, or on the month's last day when there is none
 * (29.2.2024 + 1 year → 28.2.2025). With `countFrom: 'year-end'` the years count from the end of
 * the calendar year instead (archive practice): closed 14.3.2024, 5 years → kept to 31.12.2029.
 * The case must be kept to the end of `retainUntil`; it is due for purging from `dueDate`, the day
 * after.
 *
 * Purging replaces the record with the content-free tombstone of shared/sync (so that no stale
 * copy from another installation brings it back) and writes an audit event with codes only.
 */

const OUT_OF_RANGE = 'validation.outOfRange';
export const MAX_RETENTION_YEARS = 50;
const years = (fallback: number) =>
  z.number({ error: MSG.required }).int(OUT_OF_RANGE).min(1, OUT_OF_RANGE).max(MAX_RETENTION_YEARS, OUT_OF_RANGE).default(fallback);

export const RETENTION_COUNT_FROM = ['date', 'year-end'] as const;

export const retentionPolicySchema = z
  .object({
    closedYears: years(5),
    anonymousClosedYears: years(3),
    endedYears: years(2),
    countFrom: z.enum(RETENTION_COUNT_FROM, { error: MSG.choose }).default('date'),
  })
  .refine((policy) => policy.anonymousClosedYears <= policy.closedYears, {
    path: ['anonymousClosedYears'],
    message: PROTECTION_MSG.retentionAnonymousLonger,
  });

export type RetentionPolicyInput = z.input<typeof retentionPolicySchema>;
export type RetentionPolicy = z.output<typeof retentionPolicySchema>;
export const DEFAULT_RETENTION_POLICY: RetentionPolicy = Object.freeze(retentionPolicySchema.parse({}));

/** The slim projection retention needs: no content, only codes and the date the clock starts. */
export interface RetentionCase {
  id: string;
  status: ConsultationStatus;
  consentMode: ConsentMode;
  /** When the case was closed: ISO date or instant (null/absent unless closed). */
  closedAt?: string | null;
  /** When it was declined or cancelled: ISO date or instant. */
  decidedAt?: string | null;
}

export type RetentionDecision =
  | { applies: false; reason: 'open' | 'no-date' }
  | {
      applies: true;
      /** 'closed' for closed cases, 'ended' for declined or cancelled ones. */
      rule: 'closed' | 'ended';
      anonymous: boolean;
      years: number;
      /** The Finnish date the clock started (closing or decision). */
      from: IsoDate;
      /** Keep through this day. */
      retainUntil: IsoDate;
      /** Purge from this day: retainUntil + 1. */
      dueDate: IsoDate;
      due: boolean;
    };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Finnish calendar date of an ISO date or instant; null when it is neither. */
function finnishDateOf(value: string | null | undefined): IsoDate | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    if (ISO_DATE.test(value)) {
      isoToDayNumber(value);
      return value;
    }
    if (!value.includes('T')) return null;
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : helsinkiDate(instant);
  } catch {
    return null;
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus `n` years by 150/1930: same day number, or the month's last day when missing. */
export function addYearsFinnish(date: IsoDate, n: number): IsoDate {
  isoToDayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + n;
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** When the case is due for purging under the policy, and whether it is due `today` (ISO date). */
export function dueForPurge(summary: RetentionCase, policy: RetentionPolicy, today: IsoDate): RetentionDecision {
  const todayNumber = isoToDayNumber(today);
  const anonymous = summary.consentMode === 'anonymous';
  let rule: 'closed' | 'ended';
  let from: IsoDate | null;
  let n: number;
  if (summary.status === 'closed') {
    rule = 'closed';
    from = finnishDateOf(summary.closedAt);
    n = anonymous ? policy.anonymousClosedYears : policy.closedYears;
  } else if (summary.status === 'declined' || summary.status === 'cancelled') {
    rule = 'ended';
    from = finnishDateOf(summary.decidedAt);
    n = anonymous ? Math.min(policy.endedYears, policy.anonymousClosedYears) : policy.endedYears;
  } else {
    return { applies: false, reason: 'open' };
  }
  if (from === null) return { applies: false, reason: 'no-date' };
  const retainUntil = policy.countFrom === 'year-end' ? `${String(Number(from.slice(0, 4)) + n).padStart(4, '0')}-12-31` : addYearsFinnish(from, n);
  const dueNumber = isoToDayNumber(retainUntil) + 1;
  return { applies: true, rule, anonymous, years: n, from, retainUntil, dueDate: dayNumberToIso(dueNumber), due: todayNumber >= dueNumber };
}

export type DuePurge = RetentionCase & Extract<RetentionDecision, { applies: true }>;

/** The cases due for purging today, earliest due date first (then by id). */
export function duePurges(cases: Iterable<RetentionCase>, policy: RetentionPolicy, today: IsoDate): DuePurge[] {
  const due: DuePurge[] = [];
  for (const summary of cases) {
    const decision = dueForPurge(summary, policy, today);
    if (decision.applies && decision.due) due.push({ ...summary, ...decision });
  }
  return due.sort((a, b) => (a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type RetentionSource = Pick<ConsultationRecord, 'id' | 'status' | 'transitions'> & { consent: Pick<ConsultationRecord['consent'], 'mode'> };

/** The projection of a full record: the Finnish dates of its last close and last decline/cancel. */
export function retentionCaseOf(record: RetentionSource): RetentionCase {
  const lastAt = (actions: readonly string[]) => record.transitions.filter((t) => actions.includes(t.action)).at(-1)?.at;
  const dateOf = (at: string | undefined) => (at === undefined ? null : finnishDateOf(at));
  return {
    id: record.id,
    status: record.status,
    consentMode: record.consent.mode,
    closedAt: record.status === 'closed' ? dateOf(lastAt(['close'])) : null,
    decidedAt: record.status === 'declined' || record.status === 'cancelled' ? dateOf(lastAt(['decline', 'cancel'])) : null,
  };
}

/**
 * What a purged record leaves behind: the sync tombstone (id, deletion stamp, what was seen) and
 * nothing of its content. `stamp` is a fresh local clock stamp (shared/sync/hlc `tick`).
 */
export function purgeTombstoneOf(record: StampedRecord | Tombstone, stamp: string): Tombstone {
  parseStamp(stamp);
  return tombstoneOf(record, stamp);
}

/** Codes for the purge's audit event (no content): which rule, how many years, which dates. */
export function purgeAuditDetails(decision: Extract<RetentionDecision, { applies: true }>): Record<string, string> {
  return {
    rule: decision.rule,
    consent: decision.anonymous ? 'anonymous' : 'identified',
    years: String(decision.years),
    retainUntil: decision.retainUntil,
    dueDate: decision.dueDate,
  };
}
