import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../../../shared/reference/labels';
import { isoWeekday, meetingEndLocal } from '../../../../shared/meetings/occurrences';
import { formatIsoDate } from '../../format/dates';

/** "ke 25.11.2026 klo 9.00–11.00" style text for a meeting or slot occurrence, in the UI language. */
export function meetingWhen(entry: { date: string; time: string; durationMinutes: number }, language: UiLanguage, t: TFunction): string {
  return t('meetings.when', {
    weekday: t(`weekdayShort.${isoWeekday(entry.date)}`),
    date: formatIsoDate(entry.date, language),
    start: entry.time,
    end: meetingEndLocal(entry.date, entry.time, entry.durationMinutes).time,
  });
}

/** "ke 25.11.2026 klo 9.00" style text for when a meeting starts. */
export function meetingStart(entry: { date: string; time: string }, language: UiLanguage, t: TFunction): string {
  return t('meetings.at', { weekday: t(`weekdayShort.${isoWeekday(entry.date)}`), date: formatIsoDate(entry.date, language), start: entry.time });
}
