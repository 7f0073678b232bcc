import type { FieldErrors, FieldValues } from 'react-hook-form';
import { ValidationError } from '../../commands/errors';
import { isProtectionError } from '../../../../shared/protection/errors';

/** A command's field issues in the shape the error summary reads ({ path: { message } }). */
export function fieldErrorsOf(error: unknown): FieldErrors<FieldValues> | null {
  if (!(error instanceof ValidationError)) return null;
  const out: Record<string, { type: string; message: string }> = {};
  for (const issue of error.issues) out[issue.path || 'form'] ??= { type: 'command', message: issue.message };
  return out as FieldErrors<FieldValues>;
}

/** The i18n text of a protection refusal (wrong passphrase, wait…), or null for other errors. */
export function protectionMessage(error: unknown, t: (key: string, params?: Record<string, string | number>) => string): string | null {
  if (!isProtectionError(error)) return null;
  return t(error.messageKey, { ...error.params });
}
