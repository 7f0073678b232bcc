/**
 * This computer's device tag for backup file names (shared/backup/file-name): 8 random hex digits
 * kept in local storage, so never in a backup — a restored installation on a second laptop is the
 * same installation but gets its own tag, and the two never prune each other's backups in a shared
 * folder. Clearing the site's data gives the device a new tag; backups under its old tag are then
 * no longer pruned by it (they stay in the folder, and stay restorable).
 */
const KEY = 'otk.backup.device';
const TAG = /^[0-9a-f]{8}$/;

function randomTag(): string {
  return [...crypto.getRandomValues(new Uint8Array(4))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The tag, created on first use; without local storage, one for this session. */
let session: string | null = null;
export function deviceTag(): string {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored !== null && TAG.test(stored)) return stored;
    const fresh = session ?? randomTag();
    window.localStorage.setItem(KEY, fresh);
    session = fresh;
    return fresh;
  } catch {
    session ??= randomTag();
    return session;
  }
}
