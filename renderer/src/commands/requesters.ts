import type { Intake } from '../../../shared/domain/consultation';
import type { OtkDatabase, RequesterRecord } from '../db/schema';

export function requesterKey(requester: Intake['requester']): string {
  return [requester.name, requester.organisation, requester.email].map((part) => part.trim().toLocaleLowerCase('fi')).join('|');
}

/**
 * The requester's primary key in the `requesters` table. With encryption at rest it is the opaque
 * HMAC of `requesterKey` under the session's index key, so the key (unlike the sealed fields)
 * names nobody; a plain test database keeps `requesterKey`.
 */
export function requesterStorageKey(db: OtkDatabase, requester: Intake['requester']): string {
  const key = requesterKey(requester);
  return db.keyring ? db.keyring.lookupKey(key) : key;
}

/** Remembers the requester for the next request. Runs inside the writing command's transaction. */
export async function rememberRequester(db: OtkDatabase, requester: Intake['requester'], at: string): Promise<void> {
  const key = requesterStorageKey(db, requester);
  const previous = await db.requesters.get(key);
  const row: RequesterRecord = { ...requester, key, lastUsedAt: at, uses: (previous?.uses ?? 0) + 1 };
  await db.requesters.put(row);
}
