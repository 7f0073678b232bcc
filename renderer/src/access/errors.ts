import type { z } from 'zod';
import { isProtectionError } from '../../../shared/protection/errors';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "requester.name". */
  path: string;
  /** i18n key of the message, possibly with parameters (see shared/domain/messages.ts). */
  message: string;
}

/** A command refused its input; nothing was written. */
export class ValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`invalid input: ${issues.map((i) => `${i.path} (${i.message})`).join(', ')}`);
    this.name = 'ValidationError';
  }

  static fromZod(error: z.ZodError): ValidationError {
    return new ValidationError(error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
}

export const COMMAND_ERROR_CODES = [
  'notFound',
  'changedElsewhere',
  'notRoutable',
  /** The lifecycle refuses the action in the case's status; `detail` says what is allowed now. */
  'notAllowed',
  'meetingFull',
  'alreadyBooked',
  'meetingCancelled',
  'meetingPast',
  'recommendationSent',
  'noFollowUp',
] as const;
export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number];

/**
 * A command could not run for a reason the user can act on; `code` names an i18n key under
 * `commandError.`. `detail`, when given, is an encoded message (shared/domain/messages) that
 * says more, e.g. which actions are possible instead.
 */
export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    readonly detail?: string,
  ) {
    super(`command refused: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'CommandError';
  }
}

/** i18n key of a role refusal (shared/protection/roles: the profile may not run the command). */
export const NOT_PERMITTED_KEY = 'roles.notPermitted';

/** Is this the command layer's role refusal (`ProtectionError('not-permitted')`)? Nothing was written. */
export function isNotPermitted(error: unknown): boolean {
  return isProtectionError(error, 'not-permitted');
}
