import type { FieldErrors, FieldValues } from 'react-hook-form';
import { ValidationError } from '../../access/errors';
import { isProtectionError } from '../../../../shared/protection/errors';
import { isStorageFull } from '../../../../shared/protection/storage-full';

type ErrorNode = { type?: string; message?: string; [part: string]: unknown };

/**
 * A command's field issues in the shape the error summary reads: nested by the dotted path, as
 * react-hook-form keeps them ({ requester: { email: { message } } }); the first issue of a field wins.
 */
export function fieldErrorsOf(error: unknown): FieldErrors<FieldValues> | null {
  if (!(error instanceof ValidationError)) return null;
  const out: ErrorNode = {};
  for (const issue of error.issues) {
    let node = out;
    for (const part of (issue.path || 'form').split('.')) node = (node[part] ??= {}) as ErrorNode;
    if (node.message === undefined) Object.assign(node, { type: 'command', message: issue.message });
  }
  return out as FieldErrors<FieldValues>;
}

/** The message of the field at a dotted path, if it has one. */
export function fieldMessage(errors: FieldErrors<FieldValues> | null, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | null | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** The i18n text of a protection refusal (wrong passphrase, wait…) or of a full disk, or null for other errors. */
export function protectionMessage(error: unknown, t: (key: string, params?: Record<string, string | number>) => string): string | null {
  if (isStorageFull(error)) return `${t('storage.full.what')} ${t('storage.full.action')}`;
  if (!isProtectionError(error)) return null;
  return t(error.messageKey, { ...error.params });
}
