/**
 * A write that failed because the disk (or the browser's share of it) is full. IndexedDB reports
 * it as a `QuotaExceededError` DOMException — on the request, or as the error of the aborted
 * transaction; Dexie wraps it (`Dexie.QuotaExceededError`, or an AbortError whose `inner` is it).
 * Every command writes in one transaction, so such a failure has changed nothing.
 */
export function isStorageFull(error: unknown): boolean {
  for (let current = error, depth = 0; current !== null && current !== undefined && depth < 5; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner ?? cause;
  }
  return false;
}
