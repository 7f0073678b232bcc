import type { Intake } from '../../../shared/domain/consultation';
import type { OtkDatabase } from '../db/schema';
import { requesterKey } from '../../../shared/domain/requester-key';

/**
 * The requester's primary key in the `requesters` table. With encryption at rest it is the opaque
 * HMAC of `requesterKey` under the session's index key, so the key (unlike the sealed fields)
 * names nobody; a plain test database keeps `requesterKey`.
 */
export function requesterStorageKey(db: OtkDatabase, requester: Intake['requester']): string {
  const key = requesterKey(requester);
  return db.keyring ? db.keyring.lookupKey(key) : key;
}
