import { useLiveQuery } from 'dexie-react-hooks';
import { useQueryContext } from './query-context';
import { readInstallation } from './installation';
import { conflictsOfCase, exchangeHistory, exchangePeers, openConflictCount, openConflicts } from './exchange';
import { readInstallationName } from './installation';

/** This installation's id and the name it gives itself in bundles, live. */
export function useInstallationIdentity() {
  const { db } = useQueryContext();
  return useLiveQuery(async () => ({ id: (await readInstallation(db)).id, name: await readInstallationName(db) }), [db]);
}

/** Installations and named recipients exchanged with. */
export function useExchangePeers() {
  const { db } = useQueryContext();
  return useLiveQuery(() => exchangePeers(db), [db]);
}

/** Bundles sent and imported, newest first. */
export function useExchangeHistory(limit = 50) {
  const { db } = useQueryContext();
  return useLiveQuery(() => exchangeHistory(db, limit), [db, limit]);
}

export function useOpenConflicts() {
  const { db } = useQueryContext();
  return useLiveQuery(() => openConflicts(db), [db]);
}

export function useOpenConflictCount() {
  const { db } = useQueryContext();
  return useLiveQuery(() => openConflictCount(db), [db]);
}

export function useCaseConflicts(id: string) {
  const { db } = useQueryContext();
  return useLiveQuery(() => conflictsOfCase(db, id), [db, id]);
}
