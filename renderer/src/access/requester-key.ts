import type { Intake } from '../../../shared/domain/consultation';
import type { OtkDatabase } from '../db/schema';

/** One part of a requester key as compared: trimmed, lower case (Finnish rules). */
export function requesterKeyPart(text: string): string {
  return text.trim().toLocaleLowerCase('fi');
}

/** Who a request is from: name|organisation|e-mail, normalised (the role policy's requester key). */
export function requesterKey(requester: Intake['requester']): string {
  return [requester.name, requester.organisation, requester.email].map(requesterKeyPart).join('|');
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
