import type { ConsultationRecord } from '../../../shared/domain/consultation';
import type { OtkDatabase } from '../db/schema';

/**
 * Read side of consultations. Every list reads an index range with a limit — never a whole table,
 * never offset() (see the handbook's performance design).
 */
export function newestConsultations(db: OtkDatabase, limit: number): Promise<ConsultationRecord[]> {
  return db.consultations.orderBy('[receivedAt+id]').reverse().limit(limit).toArray();
}

export async function counterValue(db: OtkDatabase, key: string): Promise<number> {
  return (await db.counters.get(key))?.value ?? 0;
}
