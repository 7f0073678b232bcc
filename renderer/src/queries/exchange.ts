import type { OtkDatabase } from '../db/schema';
import { COUNTER_OPEN_CONFLICTS } from '../db/counters';
import type { ConflictRow, ExchangeLogRow, ExchangePeerRow, QuarantineRow } from '../db/rows/exchange';

/** Reads for the exchange and conflict screens (small tables; case reads stay in queries/consultations). */

/** A case's conflicts, open first (a case with an open conflict is flagged). */
export async function conflictsOfCase(db: OtkDatabase, recordId: string): Promise<ConflictRow[]> {
  const rows = await db.conflicts.where('recordId').equals(recordId).toArray();
  return rows.toSorted((a, b) => (a.state === b.state ? (a.detectedAt < b.detectedAt ? -1 : 1) : a.state === 'open' ? -1 : 1));
}

/** Open conflicts, oldest first, at most `limit`. */
export function openConflicts(db: OtkDatabase, limit = 500): Promise<ConflictRow[]> {
  return db.conflicts.where('state').equals('open').limit(limit).toArray();
}

/** How many conflicts are open (a counter, not a count of the table). */
export async function openConflictCount(db: OtkDatabase): Promise<number> {
  return (await db.counters.get(COUNTER_OPEN_CONFLICTS))?.value ?? 0;
}

/** The installations and named recipients exchanged with, and what was last sent and received. */
export function exchangePeers(db: OtkDatabase): Promise<ExchangePeerRow[]> {
  return db.exchangePeers.toArray();
}

/** The newest bundles sent and imported, newest first. */
export function exchangeHistory(db: OtkDatabase, limit = 100): Promise<ExchangeLogRow[]> {
  return db.exchangeLog.orderBy('at').reverse().limit(limit).toArray();
}

/** Records set aside because their clocks were too far ahead. */
export function quarantinedRecords(db: OtkDatabase, limit = 500): Promise<QuarantineRow[]> {
  return db.quarantine.limit(limit).toArray();
}
