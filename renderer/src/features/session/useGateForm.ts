import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { useMessage } from '../../forms/message';
import { fieldErrorsOf, fieldMessage, protectionMessage } from './issues';

/** A field's error props for a Suomi.fi input (by dotted path): status and the message in the UI language. */
export function fieldStatus(errors: FieldErrors<FieldValues> | null, key: string, translate: (message: string) => string) {
  const message = fieldMessage(errors, key);
  return message !== undefined ? { status: 'error' as const, statusText: translate(message) } : {};
}

/**
 * Submitting a set-up, recovery or profile form: field issues go to the error summary (which then
 * takes focus), a protection refusal (wrong passphrase, not permitted…) to `error` in words. Any
 * other failure is reported under `fallbackKey` when given, else rethrown.
 */
export function useGateForm(fallbackKey?: string) {
  const { t } = useTranslation();
  const translate = useMessage();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<FieldValues> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const summary = useRef<HTMLHeadingElement>(null);

  /** Runs the action; true when it succeeded. */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      setErrors(null);
      return true;
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      if (fieldErrors) {
        setErrors(fieldErrors);
        requestAnimationFrame(() => summary.current?.focus());
        return false;
      }
      const message = protectionMessage(caught, t);
      if (message === null && !fallbackKey) throw caught;
      if (message === null) console.error(fallbackKey, caught);
      setError(message ?? t(fallbackKey!));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, error, summary, run, status: (key: string) => fieldStatus(errors, key, translate) };
}
