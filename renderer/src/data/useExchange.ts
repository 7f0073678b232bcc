import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/services';
import { readInstallation } from '../commands/installation';
import { conflictsOfCase, exchangeHistory, exchangePeers, openConflictCount, openConflicts, readInstallationName } from '../commands/exchange';

/** This installation's id and the name it gives itself in bundles, live. */
export function useInstallationIdentity() {
  const { db } = useServices().commands;
  return useLiveQuery(async () => ({ id: (await readInstallation(db)).id, name: await readInstallationName(db) }), [db]);
}

/** Installations and named recipients exchanged with. */
export function useExchangePeers() {
  const { db } = useServices().commands;
  return useLiveQuery(() => exchangePeers(db), [db]);
}

/** Bundles sent and imported, newest first. */
export function useExchangeHistory(limit = 50) {
  const { db } = useServices().commands;
  return useLiveQuery(() => exchangeHistory(db, limit), [db, limit]);
}

export function useOpenConflicts() {
  const { db } = useServices().commands;
  return useLiveQuery(() => openConflicts(db), [db]);
}

export function useOpenConflictCount() {
  const { db } = useServices().commands;
  return useLiveQuery(() => openConflictCount(db), [db]);
}

export function useCaseConflicts(id: string) {
  const { db } = useServices().commands;
  return useLiveQuery(() => conflictsOfCase(db, id), [db, id]);
}
