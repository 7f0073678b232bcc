import { OtkDatabase, DATABASE_NAME } from './schema';
import { populateInstallation } from '../commands/installation';

/** Creates the database handle; a new database gets its installation id and clock on creation. */
export function createDatabase(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof OtkDatabase>[1]): OtkDatabase {
  const db = new OtkDatabase(name, options);
  db.on('populate', (tx) => populateInstallation(tx.table('meta'), tx.table('networks')));
  return db;
}
