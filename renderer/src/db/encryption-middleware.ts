import type { DBCore, DBCoreCursor, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { LockedError, type Keyring } from './keyring';
import { isSealedTable, type SealedTable } from './sealed-fields';
import { isSealedRow, needsSealing, openRow, sealRow } from './sealing';
import { keepAlive } from './keep-alive';
import { nextTask } from './next-task';

type Row = Record<string, unknown>;

/**
 * Encryption at rest, in one place: a Dexie DBCore middleware under every table access. Writes
 * (add/put, which also carry update/modify) seal the table's sensitive fields (./sealed-fields)
 * before they reach IndexedDB; reads (get, bulkGet, queries, cursors) open them. Commands and
 * screens see plain records and never handle ciphertext.
 *
 * WebCrypto is asynchronous, so the middleware keeps the transaction alive while it works
 * (./keep-alive): one Dexie transaction per command still holds.
 *
 * Without an unlocked key: a write that carries sensitive plaintext is refused (LockedError, the
 * transaction aborts, nothing is written) and reads return records still sealed (schema upgrades
 * can move them untouched). Records written already sealed (an import that sealed them before its
 * transaction, the encryption migration) pass through.
 */
export function encryptionMiddleware(keyring: Keyring): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'otk-field-encryption',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return isSealedTable(name) ? sealedTable(table, name, keyring) : table;
      },
    }),
  };
}

function idbTransaction(trans: DBCoreTransaction): IDBTransaction {
  return trans as unknown as IDBTransaction;
}

function sealedTable(table: DBCoreTable, name: SealedTable, keyring: Keyring): DBCoreTable {
  const primaryKeyOf = (row: Row) => table.schema.primaryKey.extractKey?.(row);

  /**
   * The rows with their sealed parts opened, inside the transaction; null when there is nothing to
   * open (no sealed row, or locked: then the caller returns the rows as stored).
   */
  const opened = (trans: DBCoreTransaction, rows: readonly unknown[]): Promise<unknown[]> | null => {
    if (!keyring.unlocked || !rows.some(isSealedRow)) return null;
    return keepAlive(idbTransaction(trans), openStored(name, rows, keyring.dataKey(), primaryKeyOf));
  };
  /** One row, opened (a promise) or as stored. */
  const openedRow = (trans: DBCoreTransaction, row: unknown): unknown => opened(trans, [row])?.then(([value]) => value) ?? row;

  return {
    ...table,
    mutate: (req) => {
      if ((req.type !== 'add' && req.type !== 'put') || !req.values.some((row) => needsSealing(name, row))) return table.mutate(req);
      if (!keyring.unlocked) return Promise.reject(new LockedError());
      const key = keyring.dataKey();
      const values = req.values;
      const sealing = Promise.all(
        values.map((row: Row, i) => (needsSealing(name, row) ? sealRow(name, req.keys?.[i] ?? primaryKeyOf(row), row, key) : row)),
      );
      return keepAlive(idbTransaction(req.trans), sealing).then((sealed) => table.mutate({ ...req, values: sealed }));
    },
    get: (req) => table.get(req).then((row: unknown) => openedRow(req.trans, row)),
    getMany: (req) => table.getMany(req).then((rows) => opened(req.trans, rows) ?? rows),
    query: (req) =>
      table.query(req).then((res) => (req.values ? (opened(req.trans, res.result)?.then((result) => ({ ...res, result })) ?? res) : res)),
    openCursor: (req) =>
      table.openCursor(req).then((cursor) => (cursor && req.values !== false ? openingCursor(cursor, (row) => openedRow(req.trans, row)) : cursor)),
  };
}

/**
 * Rows opened per task. WebCrypto may settle a batch of decryptions without leaving the task, so a
 * read of thousands of rows (an export page, the list's index) opens them OPEN_SLICE at a time and
 * yields between slices (keepAlive holds the transaction meanwhile): no long task on the UI thread.
 */
export const OPEN_SLICE = 100;

/**
 * Rows of `name` as stored, opened exactly as this middleware opens them on read (the same
 * function, so there is one definition of what is sealed and how): a sealed row gets its sealed
 * part opened under `dataKey`, bound to the table and the row's primary key (`primaryKeyOf`); any
 * other row is returned as it is. In slices of OPEN_SLICE rows that yield between them. Also used
 * outside the middleware to open rows read beneath it — e.g. the bundle worker opens an export's
 * pages there (commands/exchange/stored-pages.ts) with the data key posted to it. A row that does
 * not authenticate rejects (ProtectionError 'tampered').
 */
export function openStored(name: SealedTable, rows: readonly unknown[], dataKey: CryptoKey, primaryKeyOf: (row: Row) => unknown): Promise<unknown[]> {
  return inSlices(rows, (row) => (isSealedRow(row) ? openRow(name, primaryKeyOf(row as Row), row as Row, dataKey) : row));
}

async function inSlices(rows: readonly unknown[], open: (row: unknown) => unknown): Promise<unknown[]> {
  if (rows.length <= OPEN_SLICE) return Promise.all(rows.map(open));
  const out: unknown[] = [];
  for (let start = 0; start < rows.length; start += OPEN_SLICE) {
    if (start > 0) await nextTask();
    out.push(...(await Promise.all(rows.slice(start, start + OPEN_SLICE).map(open))));
  }
  return out;
}

/** A cursor whose `value` is the opened record: each step opens it before the caller sees it. */
function openingCursor(cursor: DBCoreCursor, open: (row: unknown) => unknown): DBCoreCursor {
  let value: unknown;
  return Object.create(cursor, {
    value: { get: () => value },
    start: {
      value: (onNext: () => void) =>
        cursor.start(() => {
          const result = open(cursor.value);
          if (result instanceof Promise) {
            result.then(
              (v: unknown) => {
                value = v;
                onNext();
              },
              (error: Error) => cursor.fail(error),
            );
          } else {
            value = result;
            onNext();
          }
        }),
    },
  }) as DBCoreCursor;
}

/**
 * Seals rows of a table before their write, exactly as the middleware would on put: the same
 * fields (./sealed-fields), the same sealed value bound to the same table and primary key, the
 * same stored shape. The middleware then passes them through untouched, so a command can do the
 * cryptography before its transaction and the transaction only writes. `primaryKeyOf` gives the
 * key each row will be stored under. Null when the keyring is locked or absent (then the
 * middleware decides on put, as always).
 */
export async function sealAhead(keyring: Keyring | undefined, name: SealedTable, rows: readonly Row[], primaryKeyOf: (row: Row) => unknown): Promise<Row[] | null> {
  if (!keyring?.unlocked) return null;
  const key = keyring.dataKey();
  return Promise.all(rows.map((row) => (needsSealing(name, row) ? sealRow(name, primaryKeyOf(row), row, key) : row)));
}
