import { z } from 'zod';
import { MSG } from '../domain/validation';
import { THEME_CODES } from './themes';
import methodsJson from './data/methods.json';

/**
 * The methods catalogue (issue 21): evidence-based methods a recommendation may name — shipped,
 * versioned reference data like regions and themes, parsed and checked at load. Each method has a
 * stable code, its name and a one-line description in fi/sv/en, the ages it is meant for, the
 * themes it addresses and, only where it can be cited, its Kasvun tuki assessment with the page
 * that states it (see the note in data/methods.json). Centres add local methods in the app
 * (shared/knowledge/methods.ts); the same schema checks both.
 */

/** A method code: lower-case letters, digits and hyphens (a summary category code too). */
export const METHOD_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const METHOD_MSG = {
  code: 'validation.methodCode',
  oneLine: 'validation.oneLine',
  ageOrder: 'validation.ageOrder',
  sourceRequired: 'validation.sourceRequired',
  sourceAddress: 'validation.sourceAddress',
  scoreScale: 'validation.scoreScale',
} as const;

const NEW_LINE = /[\r\n]/;
/** A required text on one line (a name, a letter's one-line description). */
export const oneLineText = (max: number) =>
  z.string({ error: MSG.required }).trim().min(1, MSG.required).max(max, MSG.tooLong).refine((text) => !NEW_LINE.test(text), METHOD_MSG.oneLine);
const inLanguages = (max: number) => z.object({ fi: oneLineText(max), sv: oneLineText(max), en: oneLineText(max) }, { error: MSG.invalid });
const age = () => z.number({ error: MSG.required }).int('validation.outOfRange').min(0, 'validation.outOfRange').max(25, 'validation.outOfRange');

/**
 * A Kasvun tuki assessment as the cited page states it: `rating` in the page's own words ("5/5",
 * "Vahva dokumentoitu näyttö"); `score` of `scale` only when the page gives a number; the date only
 * when the page gives one. The source address is required: an assessment nobody can check is not
 * recorded at all.
 */
export const kasvunTukiSchema = z
  .object(
    {
      rating: oneLineText(120),
      score: z.number().int().min(0).max(5).nullable().default(null),
      scale: z.union([z.literal(3), z.literal(5)]).nullable().default(null),
      assessedOn: z.iso.date({ error: MSG.date }).nullable().default(null),
      source: z
        .string({ error: METHOD_MSG.sourceRequired })
        .trim()
        .min(1, { error: METHOD_MSG.sourceRequired, abort: true })
        .max(500, MSG.tooLong)
        .refine((url) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(url), METHOD_MSG.sourceAddress),
    },
    { error: MSG.invalid },
  )
  .refine((k) => (k.score === null) === (k.scale === null) && (k.score === null || k.score <= k.scale!), { path: ['score'], message: METHOD_MSG.scoreScale });
export type KasvunTuki = z.output<typeof kasvunTukiSchema>;

/** The fields of a method (extended by local methods); `methodSchema` adds the cross-field rules. */
export const methodFields = z.object(
    {
      code: z.string({ error: MSG.required }).regex(METHOD_CODE, METHOD_MSG.code),
      name: inLanguages(120),
      /** One line, in the letter's language under the method's name. */
      description: inLanguages(240),
      /** The ages (years) the method is meant for, both included. */
      ages: z.object({ from: age(), to: age() }, { error: MSG.invalid }),
      themes: z
        .array(z.enum(THEME_CODES, { error: MSG.invalid }), { error: MSG.chooseAtLeastOne })
        .min(1, MSG.chooseAtLeastOne)
        .max(THEME_CODES.length, MSG.invalid)
        .refine((list) => new Set(list).size === list.length, MSG.invalid),
      /** One of the methods the LAPE programme spread (Kasvun tuki's toolkit). */
      lape: z.boolean().default(false),
      kasvunTuki: kasvunTukiSchema.nullable().default(null),
    },
    { error: MSG.invalid },
  );

/** The first age is not after the last. */
export const agesInOrder = {
  check: (m: { ages?: { from?: unknown; to?: unknown } }) => typeof m.ages?.from !== 'number' || typeof m.ages?.to !== 'number' || m.ages.from <= m.ages.to,
  params: { path: ['ages', 'to'], message: METHOD_MSG.ageOrder },
};
export const methodSchema = methodFields.refine(agesInOrder.check, agesInOrder.params);
export type MethodInput = z.input<typeof methodSchema>;
export type Method = z.output<typeof methodSchema>;

const methodTable = z
  .object({
    note: z.string().min(1),
    version: z.number().int().min(1),
    sources: z.record(z.string(), z.url()),
    methods: z.array(methodSchema).min(4),
  })
  .refine((table) => new Set(table.methods.map((m) => m.code)).size === table.methods.length, { message: 'duplicate method code in methods.json' });

export const METHOD_TABLE = methodTable.parse(methodsJson);
export const SHIPPED_METHODS: readonly Method[] = METHOD_TABLE.methods;
export const SHIPPED_METHOD_CODES: readonly string[] = SHIPPED_METHODS.map((m) => m.code);

const byCode = new Map(SHIPPED_METHODS.map((m) => [m.code, m]));

export function findShippedMethod(code: string): Method | undefined {
  return byCode.get(code);
}
