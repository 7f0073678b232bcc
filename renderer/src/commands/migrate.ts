import type { Table } from 'dexie';
import type { OtkDatabase } from '../db/schema';
import { addAudit, auditEvent } from './audit';
import { takeStamps } from './stamps';
import type { CommandContext } from '../access/context';
import { MIGRATION_META_KEY, migrationDone, migrationState, MIGRATION_TABLES as TABLES, type MigrationState } from '../queries/migration';

/**
 * The encryption migration: seals, in place, the data written before encryption at rest existed.
 * It runs after the first unlock, table by table in primary-key order, in batches; each batch and
 * the position reached are written in one transaction, so a crash or a closed window loses
 * nothing and the next unlock continues from there. Requesters also get opaque lookup keys (the
 * old primary key was their name, organisation and e-mail).
 *
 * Sealing goes through the database's encryption middleware: reading a batch opens what is sealed,
 * writing it back seals it all.
 */
const BATCH = 500;

/** A new installation has nothing to seal: it starts as migrated. */
export async function markNothingToMigrate(db: OtkDatabase): Promise<void> {
  await db.meta.put({ key: MIGRATION_META_KEY, value: { table: TABLES.length, after: null, counts: {} } satisfies MigrationState });
}

const isLookupKey = (key: string) => /^[0-9a-f]{64}$/.test(key);

/** Seals what is still plaintext; reports records done so far. Requires an unlocked keyring. */
export async function encryptAtRest(ctx: CommandContext, onProgress?: (done: number) => void): Promise<MigrationState> {
  const { db, profile, now } = ctx;
  const keyring = db.keyring;
  if (!keyring?.unlocked) throw new Error('the encryption migration needs an unlocked session');
  let state = await migrationState(db);
  while (!migrationDone(state)) {
    const name = TABLES[state.table]!;
    const table = db.table(name) as Table<Record<string, unknown>, string>;
    const primaryKey = table.schema.primKey.name;
    state = await db.transaction('rw', [table, db.meta, db.audit], async () => {
      const current = await migrationState(db);
      const rows = await (current.after === null ? table.orderBy(':id') : table.where(':id').above(current.after)).limit(BATCH).toArray();
      if (rows.length === 0) {
        const next: MigrationState = { table: current.table + 1, after: null, counts: current.counts };
        if (migrationDone(next)) {
          const at = now();
          const [stamp] = await takeStamps(db, at.getTime(), 1);
          const details = Object.fromEntries(Object.entries(next.counts).map(([k, v]) => [k, String(v)]));
          await addAudit(db, auditEvent({ actor: profile.name }, at, stamp!, { action: 'protection.encrypt', entity: 'profile', entityId: profile.id, details }));
        }
        await db.meta.put({ key: MIGRATION_META_KEY, value: next });
        return next;
      }
      if (name === 'requesters') {
        const plainKeys = rows.map((row) => String(row[primaryKey])).filter((key) => !isLookupKey(key));
        await table.bulkDelete(plainKeys);
        await table.bulkPut(rows.map((row) => (isLookupKey(String(row[primaryKey])) ? row : { ...row, [primaryKey]: keyring.lookupKey(String(row[primaryKey])) })));
      } else {
        await table.bulkPut(rows);
      }
      const next: MigrationState = { ...current, after: String(rows.at(-1)![primaryKey]), counts: { ...current.counts, [name]: (current.counts[name] ?? 0) + rows.length } };
      await db.meta.put({ key: MIGRATION_META_KEY, value: next });
      return next;
    });
    onProgress?.(Object.values(state.counts).reduce((a, b) => a + b, 0));
  }
  return state;
}
