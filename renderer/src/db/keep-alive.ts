/**
 * Waits for `work` (e.g. WebCrypto) inside an IndexedDB transaction without letting it commit.
 *
 * A transaction commits as soon as no request is pending when its callbacks return; a WebCrypto
 * promise settles in a later task, after which no more requests may be placed. So while the work
 * runs, cheap requests are kept in flight one after the other (a `get` of a key that cannot
 * exist), and the result is handed over from inside the next request's success callback — the
 * caller's continuation then runs while the transaction is active. (Dexie's own `waitFor` does
 * the same one level up; this works at the DBCore level where the middleware lives.)
 */
export function keepAlive<T>(trans: IDBTransaction, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    work.then(
      (value) => (outcome = { ok: true, value }),
      (error: unknown) => (outcome = { ok: false, error }),
    );
    const storeName = trans.objectStoreNames[0];
    if (storeName === undefined) {
      work.then(resolve, reject);
      return;
    }
    const store = trans.objectStore(storeName);
    const spin = () => {
      if (outcome) {
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
        return;
      }
      const request = store.get(-Infinity);
      request.onsuccess = spin;
      request.onerror = () => reject(request.error);
    };
    spin();
  });
}
