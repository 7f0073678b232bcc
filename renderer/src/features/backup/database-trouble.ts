import { isStorageFull } from '../../../../shared/protection/storage-full';

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
