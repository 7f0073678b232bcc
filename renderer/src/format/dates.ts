import { format, parseISO } from 'date-fns';
import { DATE_LOCALES } from '../i18n';
import type { UiLanguage } from '../../../shared/reference/labels';

/** An instant's date as Finns, Swedish speakers and British English readers write it (23.11.2026, 2026-11-23, 23/11/2026). */
export function formatDate(iso: string, language: UiLanguage): string {
  return format(new Date(iso), 'P', { locale: DATE_LOCALES[language] });
}

/** A calendar date (`YYYY-MM-DD`, no time zone) in the UI language's format. */
export function formatIsoDate(date: string, language: UiLanguage): string {
  return format(parseISO(date), 'P', { locale: DATE_LOCALES[language] });
}

export function formatDateTime(iso: string, language: UiLanguage): string {
  return format(new Date(iso), 'P p', { locale: DATE_LOCALES[language] });
}

/** Finnish typed date `d.M.yyyy` → `YYYY-MM-DD`, or null when it is not in that shape. */
export function parseFinnishDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!match) return null;
  return `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** `YYYY-MM-DD` → `d.M.yyyy` as typed in Finnish and Swedish forms. */
export function toFinnishDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${Number(match[3])}.${Number(match[2])}.${match[1]}` : iso;
}
