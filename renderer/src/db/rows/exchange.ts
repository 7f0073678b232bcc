import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import type { FieldConflict } from '../../../../shared/sync/conflict';
import type { ExchangeState } from '../../../../shared/sync/exchange';
import type { QuarantinedStamp } from '../../../../shared/sync/quarantine';
import type { Knowledge, Tombstone } from '../../../../shared/sync/record';
import type { Resolution } from '../../../../shared/sync/resolve';
import type { Scope } from '../../../../shared/sync/scope';

/**
 * The rows of the exchange tables (schema v3, renderer/src/db/schema.ts). None of them is read by
 * the work list; the exchange screens read them through ./queries.
 */

/**
 * A consultation as stored once sync has touched it: the record plus its knowledge vector
 * (`seen`, see shared/sync/knowledge). Records written by the other commands have no `seen`; the
 * merge treats that as "knows exactly its own stamps", so older records need no upgrade.
 */
export type SyncedConsultation = ConsultationRecord & { seen?: Knowledge; arrivedFrom?: ArrivedFrom };

/** A deleted consultation: its tombstone (no field values) with the local revision of its last write. */
export type TombstoneRow = Tombstone & { entity: 'consultation'; rev: number; arrivedFrom?: ArrivedFrom };

/**
 * Local bookkeeping for delta bundles (never travels): this version of a case or tombstone was
 * written by importing `peer`'s full or delta bundle at local revision `rev`, and is exactly the
 * sender's copy (same stamps, same knowledge). A delta for `peer` leaves it out — the sender holds
 * it — while `rev` still equals the record's: any later write here gives a new revision.
 */
export interface ArrivedFrom {
  peer: string;
  rev: number;
}

/**
 * The same for a network or meeting, whose `rev` is its own version number rather than the list
 * revision: `rev` is the list revision of the import that wrote it, `same` whether it is exactly
 * the sender's copy. Local edits are found by their stamps (./read), so this only has to tell
 * what arrived since a delta's base.
 */
export interface RegistryArrival {
  peer: string;
  rev: number;
  same: boolean;
}

/**
 * A value that lost a merge (never dropped silently). `id` is the conflict's deterministic key
 * `recordId|field|losingStamp`, so the same loss reported again (a bundle re-imported, or the loss
 * relayed by a third installation) is stored once. A case with an open conflict is "flagged".
 */
export interface ConflictRow extends FieldConflict {
  id: string;
  state: 'open' | 'resolved';
  detectedAt: string;
  /** The bundle whose import found it, and its sender. */
  bundleId: string;
  peer: string;
  resolution?: { kind: Resolution['kind']; by: string; at: string };
}

/**
 * One bundle sent or imported: ids, clocks and counts only — never case content. The `sent` rows
 * of full/delta bundles are the bases of later delta bundles (`rev` is the local revision when the
 * export started; `at` its time).
 */
export interface ExchangeLogRow {
  /** The bundle id. */
  id: string;
  direction: 'sent' | 'imported';
  /** Peer key: the other installation's id, or `named:<name>` for a named recipient. */
  peer: string;
  peerName?: string;
  scope: Scope['kind'];
  /** For a network scope: which network (an id, not case data). */
  networkId?: string;
  /** Records per type in the bundle. */
  counts: Record<string, number>;
  /** For imports: what the merge did, per type. */
  outcome?: Record<string, { new: number; updated: number; unchanged: number; conflicts: number; quarantined: number }>;
  at: string;
  by: string;
  clockFrom: string | null;
  clockTo: string;
  /** The local list revision (COUNTER_REV) when the export started / after the import. */
  rev: number;
  /** For a desk's bundle (a requester's requests, an expert's drafts): the case ids it carried (ids only). */
  caseIds?: string[];
}

/** What this installation remembers about another one (or a named recipient). */
export interface ExchangePeerRow {
  /** Peer key (see ExchangeLogRow.peer). */
  id: string;
  kind: 'installation' | 'named';
  name?: string;
  /** Newest clocks received from it and acknowledged by it (shared/sync/exchange). */
  state: ExchangeState;
  lastSent?: { bundleId: string; at: string; scope: Scope['kind'] };
  lastReceived?: { bundleId: string; at: string; scope: Scope['kind'] };
}

/** A bundle already imported here: importing it again is a no-op. */
export interface ImportedBundleRow {
  id: string;
  at: string;
  sender: string;
}

/** A record set aside because a clock in it is more than 24 h ahead (not applied). */
export interface QuarantineRow {
  /** `<bundleId>|<type>|<recordId>`. */
  id: string;
  bundleId: string;
  peer: string;
  type: string;
  recordId: string;
  record: unknown;
  stamps: QuarantinedStamp[];
  at: string;
  /** i18n key of the message. */
  message: 'sync.quarantine.clockAhead';
}
