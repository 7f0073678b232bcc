import type { Intake } from '../../../shared/domain/consultation';
import type { OtkDatabase, RequesterRecord } from '../db/schema';
import { requesterStorageKey } from '../access/requester-key';
/** Remembers the requester for the next request. Runs inside the writing command's transaction. */
export async function rememberRequester(db: OtkDatabase, requester: Intake['requester'], at: string): Promise<void> {
  const key = requesterStorageKey(db, requester);
  const previous = await db.requesters.get(key);
  const row: RequesterRecord = { ...requester, key, lastUsedAt: at, uses: (previous?.uses ?? 0) + 1 };
  await db.requesters.put(row);
}
