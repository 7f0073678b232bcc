import type { OtkDatabase } from '../db/schema';


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
