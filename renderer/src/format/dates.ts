import { format, parseISO } from 'date-fns';
import { tz } from '@date-fns/tz';
import { FINNISH_TIME_ZONE } from '../../../shared/calendar/helsinki-time';
import { fi as fiDates, sv as svDates, enGB } from 'date-fns/locale';
import type { Locale } from 'date-fns';
import type { UiLanguage } from '../../../shared/reference/labels';

/**
 * Every date and time a user reads or types, in one place. Finnish and Finland-Swedish write a date
 * 7.12.2026 and a time 14.30 (the Swedish locale of date-fns is Sweden's 2026-12-07, which is not
 * Finland-Swedish practice); English keeps the British 07/12/2026 and 14:30, and types dates that
 * way too. Instants are shown in Finnish time (Europe/Helsinki) whatever the machine's time zone.
 * Screens, letters, agendas, summaries, the audit log and the home screen go through here; no
 * screen formats a date itself.
 */
/** date-fns locale of each UI language (Finnish and Swedish formats; British English for en). Here, not in i18n: the lock screen needs neither. */
const DATE_LOCALES: Record<UiLanguage, Locale> = { fi: fiDates, sv: svDates, en: enGB };

const DATE_PATTERN: Record<UiLanguage, string> = { fi: 'd.M.yyyy', sv: 'd.M.yyyy', en: 'dd/MM/yyyy' };
const TIME_PATTERN: Record<UiLanguage, string> = { fi: 'HH.mm', sv: 'HH.mm', en: 'HH:mm' };
const IN_FINLAND = { in: tz(FINNISH_TIME_ZONE) };

/** An instant's Finnish calendar date in the language's style (23.11.2026, 23/11/2026). */
export function formatDate(iso: string, language: UiLanguage): string {
  return format(iso, DATE_PATTERN[language], { ...IN_FINLAND, locale: DATE_LOCALES[language] });
}

/** A calendar date (`YYYY-MM-DD`, no time zone) in the language's style. */
export function formatIsoDate(date: string, language: UiLanguage): string {
  return format(parseISO(date), DATE_PATTERN[language], { locale: DATE_LOCALES[language] });
}

/** An instant's Finnish date and time (23.11.2026 12.05, 23/11/2026 12:05). */
export function formatDateTime(iso: string, language: UiLanguage): string {
  return format(iso, `${DATE_PATTERN[language]} ${TIME_PATTERN[language]}`, { ...IN_FINLAND, locale: DATE_LOCALES[language] });
}

const DOTTED = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/;
const SLASHED = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
const iso = (match: RegExpExecArray) => `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;

/**
 * A typed date → `YYYY-MM-DD`, or null when it is not in the language's shape: d.M.yyyy in every
 * language (Finnish and Finland-Swedish practice), and in English also dd/mm/yyyy. Whether the day
 * exists is the schema's question, so it can name the field.
 */
export function parseDateInput(text: string, language: UiLanguage): string | null {
  const match = DOTTED.exec(text) ?? (language === 'en' ? SLASHED.exec(text) : null);
  return match ? iso(match) : null;
}

/** `YYYY-MM-DD` → the text a date field shows in the language (7.12.2026, 07/12/2026); anything else as it is. */
export function toDateInput(date: string, language: UiLanguage): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatIsoDate(date, language) : date;
}

/** Finnish typed date `d.M.yyyy` → `YYYY-MM-DD`, or null (the fi/sv form of parseDateInput). */
export function parseFinnishDate(text: string): string | null {
  return parseDateInput(text, 'fi');
}

/** `YYYY-MM-DD` → `d.M.yyyy` as typed in Finnish and Swedish forms (the fi/sv form of toDateInput). */
export function toFinnishDate(date: string): string {
  return toDateInput(date, 'fi');
}

/** A month `YYYY-MM` as people write it in every UI language: 3/2026. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${Number(match[2])}/${match[1]}` : month;
}

/** A typed month → `YYYY-MM`: 3/2026, 3.2026 or 2026-03; null when it is none of these or no month 1–12. */
export function parseMonthInput(text: string): string | null {
  const trimmed = text.trim();
  const written = /^(\d{1,2})[./](\d{4})$/.exec(trimmed);
  const isoMonth = /^(\d{4})-(\d{2})$/.exec(trimmed);
  const [year, month] = written ? [written[2]!, Number(written[1])] : isoMonth ? [isoMonth[1]!, Number(isoMonth[2])] : ['', 0];
  return month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : null;
}
