import { OtkDatabase, DATABASE_NAME } from './schema';
import { populateInstallation } from '../commands/installation';
import { encryptionMiddleware } from './encryption-middleware';
import type { Keyring } from '../protection/keyring';

/**
 * Creates the database handle; a new database gets its installation id and clock on creation.
 * With a keyring (always, in the app) the sensitive fields are sealed at rest with its data key.
 */
export function createDatabase(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof OtkDatabase>[1], keyring?: Keyring): OtkDatabase {
  const db = new OtkDatabase(name, options);
  if (keyring) {
    db.keyring = keyring;
    db.use(encryptionMiddleware(keyring));
  }
  db.on('populate', (tx) => populateInstallation(tx.table('meta'), tx.table('networks')));
  return db;
}
