import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { peerOf } from '../../../../shared/sync/knowledge';
import type { MeetingRecord, NetworkRecord } from '../../db/schema';
import type { MethodRecord } from '../../db/method-record';
import type { ConsultationWrite } from './plan';
import type { ArrivedFrom, RegistryArrival, SyncedConsultation, TombstoneRow } from '../../db/rows/exchange';
import type { StoredAuditEvent } from '../../../../shared/sync/wire/records';

/**
 * What a delta bundle carries: everything written or arrived here since its base — and nothing
 * the recipient already holds. Both halves are here: the marks an import leaves on what it writes
 * (local bookkeeping, never sent: ./wire strips them) and the tests a delta applies when reading.
 *
 * - Cases and tombstones: read by list revision above the base (./read). One that an import wrote
 *   as exactly the sender's copy carries `arrivedFrom` with that revision; a delta for that sender
 *   leaves it out while the revision is unchanged (a later write here gives a new one).
 * - Networks and meetings (their `rev` is their own version): changed here since the base when a
 *   stamp of this installation is newer than the base's clock; arrived since the base when the
 *   import that last wrote them has a later list revision — unless it was exactly the copy of
 *   the delta's recipient.
 * - Audit events: this installation's own with a clock newer than the base; imported ones by
 *   `importRev` above the base, except those the recipient's own bundles brought.
 */

/** What a delta is measured against: the base export and the recipient. */
export interface DeltaBase {
  /** The list revision when the base export began. */
  rev: number;
  /** This installation's clock when the base export began (its `clock.to`). */
  since: string;
  /** The recipient's installation id. */
  peer: string;
  /** This installation's id (the peer part of its own stamps). */
  self: string;
}

/** A case as the import stores it: marked when it is exactly the sender's copy, any older mark dropped. */
export function storedConsultation(write: ConsultationWrite, rev: number, sender: string): ConsultationRecord {
  const { arrivedFrom: _old, ...record } = write.record as SyncedConsultation;
  const mark: ArrivedFrom | undefined = write.exact ? { peer: sender, rev } : undefined;
  return { ...record, rev, ...(mark ? { arrivedFrom: mark } : {}) } as ConsultationRecord;
}

export function storedTombstone(write: ConsultationWrite, rev: number, sender: string): TombstoneRow {
  const { arrivedFrom: _old, ...tombstone } = write.record as TombstoneRow;
  return { ...tombstone, entity: 'consultation', rev, ...(write.exact ? { arrivedFrom: { peer: sender, rev } } : {}) };
}

/** Networks or meetings as the import stores them: with the import's revision and whether each is the sender's copy. */
export function arrivedRegistry<S extends NetworkRecord | MeetingRecord | MethodRecord>(writes: readonly S[], same: ReadonlySet<string> | undefined, rev: number, sender: string): S[] {
  return writes.map((record) => ({ ...record, arrived: { peer: sender, rev, same: same?.has(record.id) ?? false } satisfies RegistryArrival }));
}

export function storedAudit<E extends StoredAuditEvent>(event: E, rev: number, sender: string): StoredAuditEvent {
  return { ...event, importRev: rev, importedFrom: sender };
}

/** The recipient holds this version of the case or tombstone (it came from there and nothing wrote it since). */
export function heldByRecipient(base: DeltaBase, row: { rev: number; arrivedFrom?: ArrivedFrom }): boolean {
  return row.arrivedFrom !== undefined && row.arrivedFrom.peer === base.peer && row.arrivedFrom.rev === row.rev;
}

/** A network or meeting changed here or arrived here since the base (and not from the recipient as it is). */
export function registryChangedSince(base: DeltaBase, record: { stamps: Readonly<Record<string, string>>; arrived?: RegistryArrival }): boolean {
  for (const stamp of Object.values(record.stamps)) if (stamp > base.since && peerOf(stamp) === base.self) return true;
  const { arrived } = record;
  return arrived !== undefined && arrived.rev > base.rev && !(arrived.same && arrived.peer === base.peer);
}

/** One of this installation's own audit events, written since the base began. */
export function ownAuditSince(base: DeltaBase, event: StoredAuditEvent): boolean {
  return event.importRev === undefined && event.clock > base.since;
}

/** An audit event that arrived since the base, not in one of the recipient's own bundles. */
export function importedAuditFor(base: DeltaBase, event: StoredAuditEvent): boolean {
  return event.importedFrom !== base.peer;
}
