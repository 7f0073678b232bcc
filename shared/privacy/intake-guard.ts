import { encodeMessage } from '../domain/messages';
import type { Consent } from '../domain/consent';
import { guardRequest, type GuardIssue, type GuardResult } from './identifier-guard';

/** The free-text parts of a request that the identifier guard reads. */
export interface IntakeTexts {
  question: string;
  hopedOutcomeNote?: string;
  subject: { servicesTriedNote?: string };
  consent: Consent | { mode: Consent['mode']; scope?: string; basis?: string };
}

/** Each free-text field of a request with its form path. */
export function intakeFreeTexts(intake: IntakeTexts): Array<{ path: string; text: string }> {
  const consent = intake.consent as { scope?: string; basis?: string };
  return [
    { path: 'question', text: intake.question },
    { path: 'subject.servicesTriedNote', text: intake.subject.servicesTriedNote ?? '' },
    { path: 'hopedOutcomeNote', text: intake.hopedOutcomeNote ?? '' },
    { path: 'consent.scope', text: consent.scope ?? '' },
    { path: 'consent.basis', text: consent.basis ?? '' },
  ].filter((field) => field.text !== '');
}

/** The guard's verdict on a request under its own consent mode. */
export function guardIntake(intake: IntakeTexts, today: Date): GuardResult {
  return guardRequest({ consentMode: intake.consent.mode, fields: intakeFreeTexts(intake) }, today);
}

/** A guard issue as a field message (i18n key with its parameters). */
export function issueMessage(issue: GuardIssue): { path: string; message: string } {
  return { path: issue.path, message: encodeMessage(issue.messageKey, issue.params) };
}

/**
 * Everything that would identify the child or family if the case were anonymous — what must be
 * removed before a consented or statutory case may be switched back to anonymous.
 */
export function anonymityFindings(intake: IntakeTexts, today: Date): Array<{ path: string; message: string }> {
  const result = guardRequest({ consentMode: 'anonymous', fields: intakeFreeTexts(intake) }, today);
  return [...result.blocking, ...result.warnings].map((issue) => ({
    path: issue.path,
    message: encodeMessage('guard.removeBeforeAnonymous', issue.params),
  }));
}
