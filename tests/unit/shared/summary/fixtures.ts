import { CONSENT_MODES } from '../../../../shared/domain/consent';
import { CLOSE_OUT_OUTCOMES, OTHERWISE_SOUGHT } from '../../../../shared/lifecycle/close-out';
import { REGION_CODES, areaOfRegion } from '../../../../shared/reference/regions';
import { AGE_BAND_CODES, SECTOR_CODES, SERVICE_LEVEL_CODES, THEME_CODES } from '../../../../shared/reference/themes';
import type { SummaryCase } from '../../../../shared/summary/input';
import { SHIPPED_METHOD_CODES } from '../../../../shared/reference/methods';
import { DEFAULT_CRITERIA } from '../../../../shared/knowledge/ot-criteria';
import { DECLINE_REASONS } from '../../../../shared/lifecycle/transition-data';
import { createRandom } from '../../../support/random';

/** The tests' seeded generator: generated case sets are the same on every run. */
export const random = createRandom;

export function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** A consistent summary case: the flags follow the lifecycle (declined cases are never accepted, …). */
export function generateCase(rnd: () => number, months: readonly string[], overrides: Partial<SummaryCase> = {}): SummaryCase {
  const region = pick(rnd, REGION_CODES);
  const themeCount = 1 + Math.floor(rnd() * rnd() * 3);
  const themes = new Set<string>();
  while (themes.size < themeCount) themes.add(pick(rnd, THEME_CODES.slice(0, 8)));
  const declined = rnd() < 0.15;
  const accepted = !declined && rnd() < 0.85;
  const consulted = accepted && rnd() < 0.8;
  const closed = consulted && rnd() < 0.7;
  const days = consulted ? Math.floor(rnd() * rnd() * 30) : null;
  return {
    receivedMonth: pick(rnd, months),
    area: areaOfRegion(region),
    region,
    themes: [...themes],
    sector: pick(rnd, SECTOR_CODES),
    ageBand: pick(rnd, AGE_BAND_CODES),
    serviceLevel: pick(rnd, SERVICE_LEVEL_CODES),
    consentMode: pick(rnd, CONSENT_MODES),
    status: closed ? 'closed' : consulted ? 'consulted' : accepted ? 'routed' : declined ? 'declined' : 'received',
    networkId: accepted ? `00000000-0000-7000-8000-0000000000${1 + Math.floor(rnd() * 5)}${1 + Math.floor(rnd() * 7)}` : null,
    outcome: closed ? pick(rnd, CLOSE_OUT_OUTCOMES) : null,
    wouldOtherwiseHaveSought: closed ? pick(rnd, OTHERWISE_SOUGHT) : null,
    accepted,
    declined,
    consulted,
    closed,
    daysToConsultation: days,
    targetMet: days === null ? null : days <= 7,
    ...overrides,
  };
}

export function generateCases(count: number, seed: number, months: readonly string[], overrides: Partial<SummaryCase> = {}): SummaryCase[] {
  const rnd = random(seed);
  return Array.from({ length: count }, () => generateCase(rnd, months, overrides));
}

/**
 * Issue 21's fields on generated cases, from a PRNG of their own (the other fields, and so the
 * golden files, stay as they were): 0–2 recommended methods on consulted cases (now and then a
 * local method), 0–3 criteria on accepted or declined ones, and the decline reason.
 */
export function withKnowledge(cases: readonly SummaryCase[], seed: number): SummaryCase[] {
  const rnd = random(seed ^ 0x5eed);
  const methodCodes = [...SHIPPED_METHOD_CODES, 'local-a1b2c3d4e5'];
  const criteria = DEFAULT_CRITERIA.criteria.map((c) => c.code);
  const some = (list: readonly string[], max: number) => {
    const n = Math.floor(rnd() * (max + 1));
    const out = new Set<string>();
    while (out.size < n) out.add(pick(rnd, list));
    return [...out];
  };
  return cases.map((c) => ({
    ...c,
    methods: c.consulted ? some(methodCodes, 2) : [],
    criteria: c.accepted || c.declined ? some(criteria, 3) : [],
    declineReason: c.declined ? pick(rnd, DECLINE_REASONS) : null,
  }));
}
