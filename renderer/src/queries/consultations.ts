import type { ConsultationRecord } from '../../../shared/domain/consultation';
import type { CaseRow } from '../../../shared/domain/case-row';
import type { AuditEvent } from '../../../shared/domain/audit';
import type { Profile } from '../../../shared/protection/roles';
import type { OtkDatabase, RequesterRecord } from '../db/schema';
import { requireRead } from '../access/guards';
import { requesterKey } from '../../../shared/domain/requester-key';
/**
 * Read side of consultations. Every read uses a key or an index range with a limit — never a whole
 * table, never offset() (see the handbook's performance design). The work list's full index is
 * loaded once by data/case-index.ts.
 */
export function newestCaseRows(db: OtkDatabase, limit: number): Promise<CaseRow[]> {
  return db.caseRows.orderBy('[receivedAt+id]').reverse().limit(limit).toArray();
}

/**
 * One case by id, for `profile`: a case the profile may not read (an expert's case of another
 * network, another requester's request) is refused with `ProtectionError('not-permitted')`.
 */
export async function consultationById(db: OtkDatabase, profile: Profile, id: string): Promise<ConsultationRecord | undefined> {
  const record = await db.consultations.get(id);
  if (record) requireRead(profile, record);
  return record;
}

/** A case's timeline: its audit events, oldest first (events of the same millisecond in clock order). */
export async function timelineOf(db: OtkDatabase, id: string): Promise<AuditEvent[]> {
  const events = await db.audit.where('[entityId+at]').between([id, ''], [id, '\uffff']).toArray();
  return events.toSorted((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.clock < b.clock ? -1 : a.clock > b.clock ? 1 : 0));
}

/**
 * Requesters seen before, most recently used first — as far as the profile may see them: the
 * centre all of them; a requester desk only its own contact; an expert desk none (it never sees
 * who asked).
 */
export async function recentRequesters(ctx: { db: OtkDatabase; profile: Profile }, limit: number): Promise<RequesterRecord[]> {
  const { db, profile } = ctx;
  if (profile.role === 'expert') return [];
  const recent = await db.requesters.orderBy('lastUsedAt').reverse().limit(limit).toArray();
  return profile.role === 'coordinator' ? recent : recent.filter((requester) => requesterKey(requester) === profile.requesterKey);
}

export async function counterValue(db: OtkDatabase, key: string): Promise<number> {
  return (await db.counters.get(key))?.value ?? 0;
}
