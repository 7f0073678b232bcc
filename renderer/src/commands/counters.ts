import type { OtkDatabase } from '../db/schema';

export const COUNTER_TOTAL = 'consultations:total';
export const COUNTER_REV = 'consultations:rev';
export const statusCounter = (status: string) => `consultations:status:${status}`;
export const caseSequenceCounter = (prefix: string, year: number) => `caseCode:${prefix}:${year}`;

/**
 * Adds deltas to counters and returns the new values. Must run inside the writing command's
 * transaction (counters table included), so counts and records never disagree.
 */
export async function bumpCounters(db: OtkDatabase, deltas: Record<string, number>): Promise<Record<string, number>> {
  const keys = Object.keys(deltas);
  const rows = await db.counters.bulkGet(keys);
  const next = keys.map((key, i) => ({ key, value: (rows[i]?.value ?? 0) + deltas[key]! }));
  await db.counters.bulkPut(next);
  return Object.fromEntries(next.map((row) => [row.key, row.value]));
}
