import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "requester.name". */
  path: string;
  /** i18n key of the message. */
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
