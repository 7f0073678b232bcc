import type { Transaction } from 'dexie';
import { fieldStamps } from '../../../shared/sync/field-stamps';

/**
 * Schema v3 → v4: every network and meeting had one clock stamp for the whole record; each of its
 * fields now gets that stamp (they were all last written then), so merges can go field by field.
 */
export async function upgradeToFieldStamps(tx: Transaction): Promise<void> {
  for (const table of ['networks', 'meetings']) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: Record<string, unknown>) => {
        if (typeof record.stamp !== 'string') return;
        record.stamps = fieldStamps(record, Object.keys(record), record.stamp);
        delete record.stamp;
      });
  }
}
