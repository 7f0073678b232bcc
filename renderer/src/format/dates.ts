import { format } from 'date-fns';
import { DATE_LOCALES } from '../i18n';
import type { UiLanguage } from '../../../shared/reference/labels';

/** A date as Finns, Swedish speakers and British English readers write it (23.11.2026, 2026-11-23, 23/11/2026). */
export function formatDate(iso: string, language: UiLanguage): string {
  return format(new Date(iso), 'P', { locale: DATE_LOCALES[language] });
}

export function formatDateTime(iso: string, language: UiLanguage): string {
  return format(new Date(iso), 'P p', { locale: DATE_LOCALES[language] });
}
