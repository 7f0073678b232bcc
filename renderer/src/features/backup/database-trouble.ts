import type { OtkDatabase } from '../../db/schema';
import { isStorageFull } from '../../db/storage-full';

/**
 * When the app's database cannot be opened, what happened — said in words by
 * ./DatabaseTroubleScreen, which offers the restore — never a blank screen, and never a new empty
 * database in its place without the user's say.
 */
export type Trouble =
  /** Written by a newer version of the app (IndexedDB's VersionError): the data is there, this app is too old. */
  | 'newer'
  /** The browser cannot open it (damaged files, an internal error of the storage). */
  | 'corrupt'
  /** No space to open it (the disk is full). */
  | 'full'
  /** The database opened empty although this profile had an installation: its data is gone (cleared, or replaced after damage). */
  | 'lost';

export function troubleOf(error: unknown): Trouble {
  for (let current = error, depth = 0; current !== null && current !== undefined && depth < 5; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (name === 'VersionError') return 'newer';
    current = inner;
  }
  return isStorageFull(error) ? 'full' : 'corrupt';
}

/**
 * The unreadable database is deleted and a new, empty one opened in its place — only when the
 * person chose to restore a backup into it (./DatabaseTroubleScreen asks first).
 */
export async function replaceUnreadableDatabase(db: OtkDatabase): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}
