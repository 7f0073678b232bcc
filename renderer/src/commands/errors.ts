import type { z } from 'zod';

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

/** A command could not run for a reason the user can act on; `code` names an i18n key under `commandError.`. */
export class CommandError extends Error {
  constructor(readonly code: 'notFound' | 'changedElsewhere' | 'notRoutable') {
    super(`command refused: ${code}`);
    this.name = 'CommandError';
  }
}
