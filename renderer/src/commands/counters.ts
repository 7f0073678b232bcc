import type { OtkDatabase } from '../db/schema';

export const COUNTER_TOTAL = 'consultations:total';
export const statusCounter = (status: string) => `consultations:status:${status}`;

/** Adds deltas to counters. Must run inside the writing command's transaction (counters table included). */
export async function bumpCounters(db: OtkDatabase, deltas: Record<string, number>): Promise<void> {
  const keys = Object.keys(deltas);
  const rows = await db.counters.bulkGet(keys);
  await db.counters.bulkPut(keys.map((key, i) => ({ key, value: (rows[i]?.value ?? 0) + deltas[key]! })));
}
