import type { OtkDatabase } from '../db/schema';
import { SEALED_FIELDS, type SealedTable } from '../db/sealed-fields';

/** Where the encryption migration (commands/migrate) has got to, kept in `meta`. */
export const MIGRATION_META_KEY = 'protection.migration';
/** The tables the migration seals, in order. */
export const MIGRATION_TABLES = Object.keys(SEALED_FIELDS) as SealedTable[];

export interface MigrationState {
  /** Index into TABLES of the table in progress; MIGRATION_TABLES.length when done. */
  table: number;
  /** The last primary key sealed in that table. */
  after: string | null;
  counts: Record<string, number>;
}

export async function migrationState(db: OtkDatabase): Promise<MigrationState> {
  return ((await db.meta.get(MIGRATION_META_KEY))?.value as MigrationState | undefined) ?? { table: 0, after: null, counts: {} };
}

export function migrationDone(state: MigrationState): boolean {
  return state.table >= MIGRATION_TABLES.length;
}
