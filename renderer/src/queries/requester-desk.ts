import { useLiveQuery } from 'dexie-react-hooks';
import type { Intake } from '../../../shared/domain/consultation';
import { useQueryContext } from './query-context';
import { myRequests } from './desk';
import { readDeskRequester } from './desk-identity';
import type { RequesterRecord } from '../db/schema';

/** The requester's contact as a request carries it. */
export type RequesterContact = Intake['requester'];

/** "My requests", live: follows saves, sends and imported replies. Undefined while loading. */
export function useMyRequests() {
  const commands = useQueryContext();
  return useLiveQuery(() => myRequests(commands), [commands]);
}

/**
 * The requester this desk speaks for (the contact stored at set-up), live; null when none is
 * stored, undefined while loading.
 */
export function useDeskRequester(): RequesterContact | null | undefined {
  const { db, profile } = useQueryContext();
  return useLiveQuery(async () => contactOf(await readDeskRequester(db, profile)), [db, profile]);
}

/** The request's requester section: exactly the stored contact, without the row's bookkeeping. */
export function contactOf(row: RequesterRecord | undefined): RequesterContact | null {
  if (!row) return null;
  const { key: _key, lastUsedAt: _at, uses: _uses, ...contact } = row;
  return contact;
}
