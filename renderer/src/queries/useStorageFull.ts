import { useSyncExternalStore } from 'react';
import { useQueryContext } from './query-context';

/**
 * When a write last failed for lack of space (its clock time; null when none since dismissed), as
 * the database's storage watch (db/storage-watch) reports it, and the way to dismiss it.
 */
export function useStorageFull(): { full: number | null; dismiss: () => void } {
  const watch = useQueryContext().db.storage;
  const full = useSyncExternalStore(
    (listener) => watch?.subscribe(listener) ?? (() => undefined),
    () => watch?.lastFull ?? null,
  );
  return { full, dismiss: () => watch?.dismiss() };
}
