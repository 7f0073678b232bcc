import type Dexie from 'dexie';

/**
 * A database written by a newer version of the app is not opened. Dexie 4 opens a database whose
 * IndexedDB version is above the one this app declares (it retries at the installed version), and
 * the app would then read and write tables whose shape it does not know. Instead the open fails
 * with a VersionError — nothing read, nothing written — and the app says what happened and offers
 * the restore (features/backup/DatabaseTroubleScreen).
 */
export function refuseNewerDatabase(db: Dexie): void {
  db.on(
    'ready',
    (opened: Dexie) => {
      const installed = opened.backendDB().version;
      // Dexie's IndexedDB version is its declared version × 10.
      const declared = Math.round(opened.verno * 10);
      if (installed > declared) throw new DOMException(`the database's version ${installed} is newer than this app's ${declared}`, 'VersionError');
    },
    true,
  );
}
