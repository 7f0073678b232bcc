import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandError, isNotPermitted, ValidationError } from '../access/errors';
import { useMessage } from './message';
import { decodeMessage } from '../../../shared/domain/messages';
import type { UiLanguage } from '../../../shared/reference/labels';
import { formatIsoDate } from '../format/dates';
import { isStorageFull } from '../../../shared/protection/storage-full';

/**
 * Runs a command from a button and turns its refusal into text in the UI language: a command
 * error with its detail ("what is allowed now"), validation issues joined, a role refusal. Other failures are
 * logged and reported with `fallbackKey`.
 */
export function useCommand(fallbackKey: string) {
  const { t, i18n } = useTranslation();
  const translate = useMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** A lifecycle refusal names codes (action, status, what is allowed): give the reader their labels. */
  const detailText = (detail: string): string => {
    const { key, params } = decodeMessage(detail);
    const labelled = {
      ...params,
      ...(params.action ? { actionLabel: t(`lifecycle.action.${params.action}`) } : {}),
      ...(params.status ? { statusLabel: t(`status.${params.status}`) } : {}),
      ...(params.allowed ? { allowedLabels: params.allowed.split(',').map((action) => t(`lifecycle.action.${action}`)).join(', ') } : {}),
      ...(params.date ? { dateLabel: formatIsoDate(params.date, i18n.language as UiLanguage) } : {}),
    };
    return t(key, labelled);
  };

  const describe = (caught: unknown): string => {
    if (caught instanceof CommandError) return caught.detail ? detailText(caught.detail) : t(`commandError.${caught.code}`);
    if (caught instanceof ValidationError) return caught.issues.map((issue) => translate(issue.message)).join(' ');
    if (isNotPermitted(caught)) return t('roles.notPermitted');
    // The disk is full: the command's one transaction changed nothing; say so and what to do.
    if (isStorageFull(caught)) return `${t('storage.full.what')} ${t('storage.full.action')}`;
    console.error(fallbackKey, caught);
    return t(fallbackKey);
  };

  async function run<T>(command: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await command();
    } catch (caught) {
      setError(describe(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, error, setError, describe, detailText };
}
