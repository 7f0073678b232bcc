import { z } from 'zod';
import { AGE_BAND_CODES, SECTOR_CODES, SERVICE_LEVEL_CODES, THEME_CODES } from '../reference/themes';
import { REGION_CODES, type AreaCode } from '../reference/regions';
import { choice, isoDate, localTime, MSG, optionalText, requiredText } from './validation';
import { consentSchema, type ConsentMode } from './consent';
import { guardIntake, issueMessage } from '../privacy/intake-guard';
import type { RoutingDecision } from './routing-decision';
import type { LifecycleFields } from '../lifecycle/record';
import type { Clock } from '../clock';

export { CHANNELS, CONSULTATION_STATUSES, HOPED_OUTCOMES, REQUEST_KINDS, REQUESTER_LANGUAGES, SERVICE_LANGUAGES, SERVICES_TRIED, URGENCIES, type ConsultationStatus, type Urgency } from './codes';
import { CHANNELS, HOPED_OUTCOMES, REQUEST_KINDS, REQUESTER_LANGUAGES, SERVICE_LANGUAGES, SERVICES_TRIED, URGENCIES, type ConsultationStatus } from './codes';

const PHONE = /^\+?[0-9][0-9 ()-]{4,20}[0-9]$/;
/** Deliberately simple: one @, a dot in the domain, no spaces. The aim is to catch typos, not to parse RFC 5322. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The requesting professional (their identity is not secret; the child's is). */
export const requesterSchema = z
  .object({
    name: requiredText(200),
    title: requiredText(200),
    organisation: requiredText(200),
    sector: choice(SECTOR_CODES),
    region: choice(REGION_CODES),
    phone: z.string().trim().max(40, MSG.tooLong).refine((v) => v === '' || PHONE.test(v), MSG.phone).default(''),
    email: z.string().trim().max(200, MSG.tooLong).refine((v) => v === '' || EMAIL.test(v), MSG.email).default(''),
    language: choice(REQUESTER_LANGUAGES),
  })
  // Runs even when other requester fields are still invalid, so the empty form names it at once.
  .refine((requester) => Boolean(requester.phone?.trim()) || Boolean(requester.email?.trim()), {
    path: ['phone'],
    message: MSG.contactRequired,
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

/** The child or family, described without identity. */
export const subjectSchema = z.object({
  ageBand: choice(AGE_BAND_CODES),
  themes: z
    .array(z.enum(THEME_CODES, { error: MSG.invalid }), { error: MSG.chooseAtLeastOne })
    .min(1, MSG.chooseAtLeastOne)
    .max(THEME_CODES.length)
    .refine((themes) => new Set(themes).size === themes.length, MSG.invalid),
  serviceLevel: choice(SERVICE_LEVEL_CODES),
  servicesTried: z
    .array(z.enum(SERVICES_TRIED, { error: MSG.invalid }))
    .max(SERVICES_TRIED.length)
    .refine((list) => new Set(list).size === list.length, MSG.invalid)
    .default([]),
  servicesTriedNote: optionalText(500),
  serviceLanguage: choice(SERVICE_LANGUAGES),
  interpreterNeeded: z.boolean({ error: MSG.choose }).default(false),
});

/** When and how the request came in: local Finnish (Europe/Helsinki) date and time. */
export const receivedSchema = z.object({
  date: isoDate(),
  time: localTime(),
  channel: choice(CHANNELS),
});

/** Free-text fields of a request, by path: what the identifier guard scans. */
export const FREE_TEXT_PATHS = ['question', 'subject.servicesTriedNote', 'hopedOutcomeNote', 'consent.scope', 'consent.basis'] as const;

/** The intake form's fields, one schema each: the form, the commands, and a record arriving in a file (shared/sync/wire). */
export const INTAKE_FIELDS = {
  requestKind: choice(REQUEST_KINDS),
  received: receivedSchema,
  requester: requesterSchema,
  subject: subjectSchema,
  question: requiredText(5000),
  hopedOutcome: choice(HOPED_OUTCOMES),
  hopedOutcomeNote: optionalText(500),
  urgency: choice(URGENCIES),
  consent: consentSchema,
};

/**
 * What a coordinator records when a consultation request comes in. One schema for the form, the
 * commands and imports. Time-dependent rules (no receipt in the future) take `today` from the caller.
 */
export function createIntakeSchema(today: () => string, now: Clock) {
  return z
    .object(INTAKE_FIELDS)
    .superRefine((intake, ctx) => {
      if (intake.requestKind === 'forensic-investigation') {
        ctx.addIssue({ code: 'custom', path: ['requestKind'], message: MSG.forensicRefused });
      }
      if (intake.received.date > today()) {
        ctx.addIssue({ code: 'custom', path: ['received', 'date'], message: MSG.futureDate });
      }
      if (intake.hopedOutcome === 'other' && intake.hopedOutcomeNote === '') {
        ctx.addIssue({ code: 'custom', path: ['hopedOutcomeNote'], message: MSG.required });
      }
      if (intake.consent.mode === 'consented' && intake.consent.date > today()) {
        ctx.addIssue({ code: 'custom', path: ['consent', 'date'], message: MSG.futureDate });
      }
      // The identifier guard: a valid henkilötunnus in an anonymous request is refused here, so the
      // form, the commands and imports all refuse it. Warnings are shown by the form, not enforced.
      for (const issue of guardIntake(intake, now()).blocking) {
        const { path, message } = issueMessage(issue);
        ctx.addIssue({ code: 'custom', path: path.split('.'), message });
      }
    });
}

export type IntakeSchema = ReturnType<typeof createIntakeSchema>;
export type IntakeInput = z.input<IntakeSchema>;
export type Intake = z.output<IntakeSchema>;

/** The fields of a stored consultation that sync stamps one by one (see shared/sync/hlc.ts). */
export const STAMPED_FIELDS = [
  'received',
  'requester',
  'subject',
  'question',
  'hopedOutcome',
  'hopedOutcomeNote',
  'urgency',
  'consent',
  'status',
  'routing',
  'transitions',
  'recommendation',
  'closeOut',
  'booking',
  'followUpDoneAt',
] as const;
export type StampedField = (typeof STAMPED_FIELDS)[number];

/** A consultation as stored: the intake plus identity, derived index fields and per-field clocks. */
export interface ConsultationRecord extends Omit<Intake, 'requestKind'>, Omit<LifecycleFields, 'status'> {
  /** UUID v7: time-ordered, unique across installations. */
  id: string;
  /** Human-readable code per centre and year, e.g. OTK-2026-0042. */
  caseCode: string;
  /** The instant the request was received (from received.date + time in Europe/Helsinki), ISO 8601 UTC. */
  receivedAt: string;
  /** Date by which the consultation should be held (Finnish calendar date). */
  targetDate: string;
  status: ConsultationStatus;
  /** Denormalised for lists: requester.region and its yhteistyöalue. */
  region: string;
  area: AreaCode;
  createdBy: string;
  /** Every routing to an expert network, oldest first; the last one is current. */
  routing: RoutingDecision[];
  /** Local revision: increases with every write on this installation (the list's change feed). */
  rev: number;
  /** Hybrid-logical-clock stamp of the last write to each field. */
  stamps: Record<StampedField, string>;
}

export type { ConsentMode };

/** The intake values of a stored case: for editing it, and for checking a request that arrived in a file against the intake rules. */
export function intakeOf(record: Pick<ConsultationRecord, 'received' | 'requester' | 'subject' | 'question' | 'hopedOutcome' | 'hopedOutcomeNote' | 'urgency' | 'consent'>): IntakeInput {
  return {
    requestKind: 'consultation',
    received: record.received,
    requester: record.requester,
    subject: record.subject,
    question: record.question,
    hopedOutcome: record.hopedOutcome,
    hopedOutcomeNote: record.hopedOutcomeNote,
    urgency: record.urgency,
    consent: record.consent,
  };
}
