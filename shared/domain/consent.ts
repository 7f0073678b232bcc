import { z } from 'zod';
import { choice, isoDate, MSG, optionalIsoDate, requiredText } from './validation';

/**
 * The legal basis on which the case is handled (DOMAIN.md "Consent modes"), exactly one of:
 * anonymous (no identity at all), consented (who, when, scope, expiry, withdrawal), statutory group.
 */
export const CONSENT_MODES = ['anonymous', 'consented', 'statutory'] as const;
export type ConsentMode = (typeof CONSENT_MODES)[number];
/** The child if able to understand the matter, otherwise the guardian(s); or both. */
export const CONSENTERS = ['child', 'guardians', 'both'] as const;

const anonymous = z.object({ mode: z.literal('anonymous') });

const consented = z
  .object({
    mode: z.literal('consented'),
    consentedBy: choice(CONSENTERS),
    date: isoDate(),
    scope: requiredText(500),
    expiry: optionalIsoDate(),
    withdrawn: optionalIsoDate(),
  })
  .superRefine((consent, ctx) => {
    if (consent.expiry !== '' && consent.expiry <= consent.date) {
      ctx.addIssue({ code: 'custom', path: ['expiry'], message: MSG.dateOrder });
    }
    if (consent.withdrawn !== '' && consent.withdrawn < consent.date) {
      ctx.addIssue({ code: 'custom', path: ['withdrawn'], message: MSG.dateOrder });
    }
  });

const statutory = z.object({
  mode: z.literal('statutory'),
  /** The statutory group and its basis, e.g. the child welfare act §14 expert group. */
  basis: requiredText(300),
});

export const consentSchema = z.discriminatedUnion('mode', [anonymous, consented, statutory], { error: MSG.choose });
export type Consent = z.output<typeof consentSchema>;
