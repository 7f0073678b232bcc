/**
 * Target dates for answering a consultation request, and how close they are.
 *
 * Rules:
 * - normal: the target is the received date plus `normalCalendarDays` calendar days. Weekends and
 *   holidays are counted like any other day and the target is not moved off them.
 * - urgent: the target is the `urgentWorkingDays`-th Finnish working day after the received date.
 *   The received day itself never counts; the first working day after it is working day 1.
 *   Non-working days (Saturdays, Sundays, public holidays, Midsummer Eve and Christmas Eve) are
 *   skipped. So a request received on a non-working day counts from the next working day: one
 *   received on Saturday (or on Friday) with 2 working days is due on Tuesday of a normal week.
 *   Equivalently, exactly `urgentWorkingDays` working days lie in (received, target], and the
 *   target is itself a working day.
 *
 * All dates are calendar dates 'YYYY-MM-DD' in Finland; use `helsinkiDate` to get one from an instant.
 */
import { dayNumberToIso, isFinnishNonWorkingDay, isoToDayNumber, type IsoDate } from './finnish-holidays';

export type Urgency = 'normal' | 'urgent';

export interface TargetRules {
  /** Calendar days from receipt to target for a normal request. */
  readonly normalCalendarDays: number;
  /** Finnish working days from receipt to target for an urgent request. */
  readonly urgentWorkingDays: number;
}

export const DEFAULT_TARGET_RULES: Readonly<TargetRules> = Object.freeze({
  normalCalendarDays: 7,
  urgentWorkingDays: 2,
});

/** Largest accepted value of any rule. */
export const MAX_RULE_DAYS = 60;

export type DueState = 'overdue' | 'due-soon' | 'on-track';

/** Throws a clear Error unless both rule values are integers in 1..60. */
export function validateTargetRules(rules: TargetRules): void {
  if (typeof rules !== 'object' || rules === null) {
    throw new Error('Invalid target rules: expected { normalCalendarDays, urgentWorkingDays }.');
  }
  for (const key of ['normalCalendarDays', 'urgentWorkingDays'] as const) {
    const value: unknown = rules[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_RULE_DAYS) {
      throw new Error(
        `Invalid target rule ${key}: ${String(value)}. It must be a whole number from 1 to ${MAX_RULE_DAYS}.`,
      );
    }
  }
}

/** The date by which a request received on `receivedDate` should be answered (see the rules above). */
export function targetDate(
  receivedDate: IsoDate,
  urgency: Urgency,
  rules: TargetRules = DEFAULT_TARGET_RULES,
): IsoDate {
  validateTargetRules(rules);
  const received = isoToDayNumber(receivedDate);
  switch (urgency) {
    case 'normal':
      return dayNumberToIso(received + rules.normalCalendarDays);
    case 'urgent': {
      let day = received;
      let counted = 0;
      while (counted < rules.urgentWorkingDays) {
        day += 1;
        if (!isFinnishNonWorkingDay(dayNumberToIso(day))) counted += 1;
      }
      return dayNumberToIso(day);
    }
    default:
      throw new Error(`Invalid urgency ${JSON.stringify(urgency as unknown)}: expected 'normal' or 'urgent'.`);
  }
}

/** Signed calendar days from `today` to `target`: positive before the target, 0 on it, negative after. */
export function daysUntil(target: IsoDate, today: IsoDate): number {
  return isoToDayNumber(target) - isoToDayNumber(today);
}

/**
 * 'overdue' when today is after the target; 'due-soon' from `dueSoonDays` days before the target
 * up to and including the target day; 'on-track' before that.
 */
export function dueState(target: IsoDate, today: IsoDate, dueSoonDays = 2): DueState {
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0 || dueSoonDays > MAX_RULE_DAYS) {
    throw new Error(`Invalid dueSoonDays ${String(dueSoonDays)}: it must be a whole number from 0 to ${MAX_RULE_DAYS}.`);
  }
  const left = daysUntil(target, today);
  if (left < 0) return 'overdue';
  if (left <= dueSoonDays) return 'due-soon';
  return 'on-track';
}

let helsinkiFormat: Intl.DateTimeFormat | undefined;

/** The calendar date in Finland (Europe/Helsinki) at the given instant, as 'YYYY-MM-DD'. */
export function helsinkiDate(instant: Date): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new Error('Invalid instant: expected a valid Date.');
  }
  helsinkiFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Helsinki',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    numberingSystem: 'latn',
  });
  const parts = helsinkiFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
