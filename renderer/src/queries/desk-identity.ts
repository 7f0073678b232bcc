import type { OtkDatabase, RequesterRecord } from '../db/schema';
import type { Profile } from '../../../shared/protection/roles';

/**
 * The requester a requester profile speaks for: their contact as remembered at set-up (or by their
 * latest request), read under the same key `rememberRequester` writes — the HMAC of the profile's
 * requester key when the database seals at rest, the key itself in a plain test database.
 * Undefined for other roles, or when no contact is stored.
 */
export async function readDeskRequester(db: OtkDatabase, profile: Profile): Promise<RequesterRecord | undefined> {
  if (profile.role !== 'requester') return undefined;
  return db.requesters.get(db.keyring ? db.keyring.lookupKey(profile.requesterKey) : profile.requesterKey);
}
