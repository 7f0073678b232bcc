import { z } from 'zod';
import { AREA_CODES } from '../reference/regions';
import { AGE_BAND_CODES, THEME_CODES } from '../reference/themes';
import { choice, MSG, requiredText } from './validation';

/**
 * An expert network (asiantuntijaverkosto / konsultaatiotiimi) in the registry: a standing group of
 * experts hosted in one yhteistyöalue, sometimes with national responsibility for a theme
 * (valtakunnallinen osaamisvastuu). Networks are deactivated (`activeTo`), never deleted, so that
 * history stays readable.
 */

/**
 * Validation messages this schema uses beyond `MSG` (i18n keys in the `validation.*` namespace).
 * `date`, `time` and `dateOrder` are the same keys as the intake's date and time fields.
 */
export const NETWORK_MSG = {
  date: 'validation.date',
  time: 'validation.time',
  dateOrder: 'validation.dateOrder',
  timeOrder: 'validation.timeOrder',
  outOfRange: 'validation.outOfRange',
  nationalThemeNotCovered: 'validation.nationalThemeNotCovered',
} as const;

/** Languages a network can consult in. */
export const NETWORK_LANGUAGES = ['fi', 'sv'] as const;
export type NetworkLanguage = (typeof NETWORK_LANGUAGES)[number];

const missing = (input: unknown) => input === undefined || input === null || input === '';

/** A calendar date `YYYY-MM-DD` that exists (2024-02-29 yes, 2023-02-29 no). */
const requiredDate = () =>
  z.iso.date({ error: (issue) => (missing(issue.input) ? MSG.required : NETWORK_MSG.date) });

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const validDate = z.iso.date();
const isDate = (value: unknown) => validDate.safeParse(value).success;
const isTime = (value: unknown) => typeof value === 'string' && CLOCK_TIME.test(value);

/** A clock time `HH:MM`, 00:00–23:59. */
const clockTime = () =>
  z
    .string({ error: MSG.required })
    .trim()
    .min(1, { error: MSG.required, abort: true })
    .regex(CLOCK_TIME, NETWORK_MSG.time);

/** A whole number in [min, max]. */
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: MSG.required })
    .int(NETWORK_MSG.outOfRange)
    .min(min, NETWORK_MSG.outOfRange)
    .max(max, NETWORK_MSG.outOfRange);

/** A set of codes from a closed list: no unknown codes, no repeats, at least `min`. */
function codeSet<const T extends readonly [string, ...string[]]>(codes: T, min: number) {
  return z
    .array(z.enum(codes, { error: MSG.invalid }), { error: MSG.chooseAtLeastOne })
    .min(min, MSG.chooseAtLeastOne)
    .max(codes.length, MSG.invalid)
    .refine((list) => new Set(list).size === list.length, MSG.invalid);
}

/** A weekly meeting slot: ISO weekday (1 = Monday … 7 = Sunday), local time, cases per slot. */
export const meetingSlotSchema = z
  .object({
    weekday: z.number({ error: MSG.choose }).int(MSG.choose).min(1, MSG.choose).max(7, MSG.choose),
    start: clockTime(),
    end: clockTime(),
    capacity: wholeNumber(1, 99),
  })
  .refine((slot) => !isTime(slot.start) || !isTime(slot.end) || slot.end > slot.start, {
    error: NETWORK_MSG.timeOrder,
    path: ['end'],
  });

/** A period when the network does not take consultations (holiday, summer break); both days included. */
export const outOfOfficeSchema = z
  .object({ from: requiredDate(), to: requiredDate() })
  .refine((period) => !isDate(period.from) || !isDate(period.to) || period.to >= period.from, {
    error: NETWORK_MSG.dateOrder,
    path: ['to'],
  });

export const networkSchema = z
  .object({
    /** UUID (v7 for networks created in the app; fixed UUID-shaped ids for the shipped defaults). */
    id: z.uuid({ error: MSG.invalid }),
    name: z.object({ fi: requiredText(200), sv: requiredText(200), en: requiredText(200) }),
    /** Host yhteistyöalue. */
    area: choice(AREA_CODES),
    themes: codeSet(THEME_CODES, 1),
    ageBands: codeSet(AGE_BAND_CODES, 1),
    /** Languages the network can consult in. */
    languages: codeSet(NETWORK_LANGUAGES, 1),
    /** Themes the network holds national responsibility for; each must also be among `themes`. */
    nationalThemes: codeSet(THEME_CODES, 0).default([]),
    contact: z.object({ person: requiredText(200), channel: requiredText(300) }),
    meetingRhythm: z.array(meetingSlotSchema).max(14, MSG.invalid).default([]),
    /** Target: consultation held within this many days of the request. */
    targetResponseDays: wholeNumber(1, 60).default(7),
    /** First day the network is active. */
    activeFrom: requiredDate(),
    /** Last day the network is active (inclusive); null while it is active. Deactivate, never delete. */
    activeTo: requiredDate().nullable().default(null),
    outOfOffice: z.array(outOfOfficeSchema).max(100, MSG.invalid).default([]),
    /** True for the shipped example configuration, until a coordinator adapts it. */
    example: z.boolean({ error: MSG.invalid }).default(false),
    /** Free note for coordinators (e.g. why the network holds a national responsibility). */
    note: z.string({ error: MSG.invalid }).trim().max(2000, MSG.tooLong).optional(),
  })
  .superRefine((network, ctx) => {
    const { activeFrom, activeTo } = network;
    if (activeTo !== null && isDate(activeFrom) && isDate(activeTo) && activeTo < activeFrom) {
      ctx.addIssue({ code: 'custom', message: NETWORK_MSG.dateOrder, path: ['activeTo'] });
    }
    network.nationalThemes.forEach((theme, index) => {
      if (Array.isArray(network.themes) && !network.themes.includes(theme)) {
        ctx.addIssue({ code: 'custom', message: NETWORK_MSG.nationalThemeNotCovered, path: ['nationalThemes', index] });
      }
    });
  });

export type NetworkInput = z.input<typeof networkSchema>;
export type Network = z.output<typeof networkSchema>;
export type MeetingSlot = z.output<typeof meetingSlotSchema>;
export type OutOfOfficePeriod = z.output<typeof outOfOfficeSchema>;
