import { OtkDatabase, DATABASE_NAME } from './schema';
import { populateInstallation } from './installation';
import { encryptionMiddleware } from './encryption-middleware';
import type { Keyring } from './keyring';
import type { Clock } from '../../../shared/clock';
import { StorageWatch } from './storage-watch';
import { refuseNewerDatabase } from './newer-version';

export interface DatabaseOptions {
  /** The IndexedDB database's name (tests give each database its own). */
  name?: string;
  /** The app's one clock: a new database's installation and first stamps take their time from it. */
  clock: Clock;
  /** With a keyring (always, in the app) the sensitive fields are sealed at rest with its data key. */
  keyring?: Keyring;
  /** Dexie's own options, e.g. another IndexedDB implementation in Node tests. */
  dexie?: ConstructorParameters<typeof OtkDatabase>[1];
}

/** Creates the database handle; a new database gets its installation id and clock on creation. */
export function createDatabase({ name = DATABASE_NAME, clock, keyring, dexie }: DatabaseOptions): OtkDatabase {
  const db = new OtkDatabase(name, dexie);
  db.storage = new StorageWatch();
  db.use(db.storage.middleware(() => clock().getTime()));
  if (keyring) {
    db.keyring = keyring;
    db.use(encryptionMiddleware(keyring));
  }
  refuseNewerDatabase(db);
  db.on('populate', (tx) => populateInstallation(tx.table('meta'), tx.table('networks'), clock()));
  return db;
}
