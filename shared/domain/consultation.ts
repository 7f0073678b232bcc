import { z } from 'zod';
import { AGE_BAND_CODES, SECTOR_CODES, SERVICE_LEVEL_CODES, THEME_CODES } from '../reference/themes';
import { REGION_CODES, type AreaCode } from '../reference/regions';
import { choice, MSG, requiredText } from './validation';

export const URGENCIES = ['normal', 'urgent'] as const;
export const CONSENT_MODES = ['anonymous', 'consented', 'statutory'] as const;
export const CONSULTATION_STATUSES = [
  'received',
  'accepted',
  'declined',
  'more-information-requested',
  'routed',
  'scheduled',
  'consulted',
  'closed',
  'cancelled',
] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The requesting professional. */
export const requesterSchema = z.object({
  name: requiredText(200),
  title: requiredText(200),
  organisation: requiredText(200),
  sector: choice(SECTOR_CODES),
  region: choice(REGION_CODES),
  contact: requiredText(200),
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
});

/** What a coordinator records when a consultation request comes in. */
export const intakeSchema = z.object({
  requester: requesterSchema,
  subject: subjectSchema,
  question: requiredText(5000),
  urgency: choice(URGENCIES),
  consentMode: choice(CONSENT_MODES),
});

export type IntakeInput = z.input<typeof intakeSchema>;
export type Intake = z.output<typeof intakeSchema>;

/** The fields of a stored consultation that sync stamps one by one (see shared/sync/hlc.ts). */
export const STAMPED_FIELDS = ['requester', 'subject', 'question', 'urgency', 'consentMode', 'status'] as const;
export type StampedField = (typeof STAMPED_FIELDS)[number];

/** A consultation as stored: the intake plus identity, derived index fields and per-field clocks. */
export interface ConsultationRecord extends Intake {
  /** UUID v7: time-ordered, unique across installations. */
  id: string;
  /** ISO 8601 instant the request was received. */
  receivedAt: string;
  status: ConsultationStatus;
  /** Denormalised for indexing: requester.region and its yhteistyöalue. */
  region: string;
  area: AreaCode;
  createdBy: string;
  /** Hybrid-logical-clock stamp of the last write to each field. */
  stamps: Record<StampedField, string>;
}
