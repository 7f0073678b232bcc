/**
 * The browser's storage manager (navigator.storage), where it exists — it does in Chromium and
 * Electron: whether the app's data is kept permanently, asking for that, and how much space is
 * used and left. Without persistence a browser may clear the data when the disk runs low.
 */

export interface StorageReport {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

export async function readStorage(): Promise<StorageReport> {
  const manager = storageManager();
  const persisted = manager?.persisted ? await manager.persisted().catch(() => null) : null;
  const estimate = manager?.estimate ? await manager.estimate().catch(() => null) : null;
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

let asked: Promise<boolean> | null = null;

/**
 * Asks the browser to keep the app's data permanently (navigator.storage.persist()), once per page:
 * the web build does it when a session opens. Chromium answers without a prompt (granted for an
 * installed or much-used site); Settings → Storage shows the answer and can ask again.
 */
export function askPersistentStorage(again = false): Promise<boolean> {
  if (asked && !again) return asked;
  const manager = storageManager();
  asked = (async () => {
    if (!manager?.persist) return false;
    if (manager.persisted && (await manager.persisted().catch(() => false))) return true;
    return manager.persist().catch(() => false);
  })();
  return asked;
}
