import { Dexie, type EntityTable, type Table } from 'dexie';
import type { ConsultationRecord } from '../../../shared/domain/consultation';
import type { CaseRow } from '../../../shared/domain/case-row';
import type { AuditEvent } from '../../../shared/domain/audit';
import type { Intake } from '../../../shared/domain/consultation';
import type { Network } from '../../../shared/domain/network';
import type { Meeting } from '../../../shared/meetings/schema';
import type { ProfileRow } from './rows/profile';
import type { Keyring } from './keyring';
import type { StorageWatch } from './storage-watch';
import { upgradeToLifecycle } from './upgrade-lifecycle';
import { upgradeToFieldStamps } from './upgrade-field-stamps';
import type {
  ConflictRow,
  ExchangeLogRow,
  ExchangePeerRow,
  ImportedBundleRow,
  QuarantineRow,
  RegistryArrival,
  TombstoneRow,
} from './rows/exchange';
import type { RecommendationDraftRow, RequestDraftRow } from './rows/desk';
import type { MethodRecord } from './method-record';
import type { IndexSnapshotRow } from './rows/index-snapshot';

/** A key/value row for installation facts (installation id, clock state, settings). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * Counters the UI shows (per status, total, case-code sequences, the list's revision), maintained in
 * the same transaction as every write so that no screen ever counts a large index.
 */
export interface CounterRow {
  key: string;
  value: number;
}

/** A requester seen before, so the next request from them fills the fields. */
export type RequesterRecord = Intake['requester'] & {
  /** Lower-case name|organisation|e-mail: one row per person and workplace. */
  key: string;
  lastUsedAt: string;
  uses: number;
};

/**
 * Per-field clock stamps of a registry record (network, meeting): every field except the id and the
 * local bookkeeping (`rev`, `updatedAt`, `stamps`, `seen`), each with the HLC stamp of its last write,
 * so that two installations changing different fields of the same record both keep their change.
 */
export type FieldStamps = Record<string, string>;

/** An expert network in the registry, with its local revision and per-field clock stamps. */
export type NetworkRecord = Network & {
  rev: number;
  updatedAt: string;
  stamps: FieldStamps;
  /** What this copy has seen of each installation's writes (shared/sync/knowledge), after a merge. */
  seen?: Record<string, string>;
  /** Which import wrote it last (local, for delta bundles; never travels). */
  arrived?: RegistryArrival;
};

export type MeetingRecord = Meeting & { rev: number; updatedAt: string; stamps: FieldStamps; seen?: Record<string, string>; arrived?: RegistryArrival };

export const DATABASE_NAME = 'otk-consultation-desk';

// Dexie switches on its debug mode (a console task for every transaction and promise, for async
// stack traces) on any page served from localhost or 127.0.0.1 — the web build, the end-to-end
// tests and the benchmark — but not in the desktop app (app://otk). The same database code
// everywhere: off in every build; the development server keeps Dexie's default.
if (!import.meta.env.DEV) Dexie.debug = false;

export class OtkDatabase extends Dexie {
  consultations!: EntityTable<ConsultationRecord, 'id'>;
  caseRows!: EntityTable<CaseRow, 'id'>;
  requesters!: EntityTable<RequesterRecord, 'key'>;
  networks!: EntityTable<NetworkRecord, 'id'>;
  audit!: EntityTable<AuditEvent, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  counters!: EntityTable<CounterRow, 'key'>;
  meetings!: EntityTable<MeetingRecord, 'id'>;
  tombstones!: EntityTable<TombstoneRow, 'id'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;
  exchangeLog!: EntityTable<ExchangeLogRow, 'id'>;
  exchangePeers!: EntityTable<ExchangePeerRow, 'id'>;
  importedBundles!: EntityTable<ImportedBundleRow, 'id'>;
  quarantine!: EntityTable<QuarantineRow, 'id'>;
  profiles!: EntityTable<ProfileRow, 'id'>;
  recommendationDrafts!: EntityTable<RecommendationDraftRow, 'id'>;
  requestDrafts!: EntityTable<RequestDraftRow, 'id'>;
  methods!: EntityTable<MethodRecord, 'id'>;
  indexSnapshot!: Table<IndexSnapshotRow, string>;
  /** The session's keys when the database seals at rest (set by createDatabase; absent in plain test databases). */
  keyring?: Keyring;
  /** Writes that failed for lack of space (set by createDatabase). */
  storage?: StorageWatch;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Live queries must not deep-clone cached results (handbook: performance design).
    super(name, { cache: 'immutable', ...options });
    // Schema v1. Index only what a screen reads by; ids are UUID v7 strings, never ++auto.
    // - consultations: full records, read one at a time by id (and in id order by export).
    // - caseRows: the list's slim projection; [receivedAt+id] gives the first page at start-up
    //   without loading anything else, rev is the change feed that keeps the in-memory list current.
    // - audit: [entityId+at] is a case's timeline.
    // - networks: a small registry (tens of rows), read whole; deactivated, never deleted.
    // A later schema adds version(2) with an upgrade function; never edit a released version.
    this.version(1).stores({
      consultations: 'id',
      caseRows: 'id, [receivedAt+id], rev',
      requesters: 'key, lastUsedAt',
      networks: 'id, area',
      audit: 'id, [entityId+at], at',
      meta: 'key',
      counters: 'key',
    });
    // Schema v2 (lifecycle): meetings by network and date for the week view (slots come from each
    // network's meeting rhythm);
    // every case gets the lifecycle fields and its list row the columns the home screen reads.
    this.version(2)
      .stores({
        meetings: 'id, [networkId+date], date',
      })
      .upgrade(upgradeToLifecycle);
    // Schema v3 (exchange between installations, renderer/src/commands/exchange):
    // - audit gains a sparse `importRev` index: events that arrived in a bundle, numbered from the
    //   list revision, so a delta bundle relays them even when their clocks are older than its base;
    // - tombstones: deleted consultations (no values), by local revision for delta bundles;
    // - conflicts: the values that lost a merge, by case (`recordId`) and open/resolved;
    // - exchangeLog: every bundle sent or imported (ids, counts, clocks — no case data), by peer;
    // - exchangePeers: per other installation or named recipient, what was received/acknowledged;
    // - importedBundles: bundle ids already imported (re-import is a no-op);
    // - quarantine: records whose clocks were more than 24 h ahead, kept aside, not applied.
    // Records need no upgrade: a consultation without `seen` knows exactly its own stamps.
    this.version(3).stores({
      audit: 'id, [entityId+at], at, importRev',
      tombstones: 'id, rev',
      conflicts: 'id, recordId, state',
      exchangeLog: 'id, peer, at',
      exchangePeers: 'id',
      importedBundles: 'id',
      quarantine: 'id, recordId, bundleId',
    });
    // Schema v4: networks and meetings get per-field stamps (they had one stamp per record).
    this.version(4).upgrade(upgradeToFieldStamps);
    // Schema v5 (data protection): local profiles, each with its key envelope (the installation's
    // data key wrapped under the profile's passphrase). Read before unlocking, so nothing in a
    // profile row is case data. Existing plaintext is sealed after the first unlock by the
    // resumable encryption migration (renderer/src/commands/migrate.ts), not here: an upgrade
    // runs before any key exists.
    this.version(5).stores({ profiles: 'id' });
    // Schema v6 (the requester and expert desks, renderer/src/commands/desk):
    // - recommendationDrafts: an expert's recommendation drafts, one per case (the case id), by
    //   network; on a coordinator's installation the drafts the networks sent back;
    // - requestDrafts: a requester's unsent requests, newest first.
    // Both start empty; their free text is sealed (renderer/src/db/sealed-fields.ts).
    this.version(6).stores({ recommendationDrafts: 'id, networkId', requestDrafts: 'id, updatedAt' });
    // Schema v7 (issue 21): methods — the centre's own methods beside the shipped catalogue (tens of
    // rows, read whole; deactivated, never deleted). Starts empty; nothing in it is sealed (method
    // names and descriptions, no case data).
    this.version(7).stores({ methods: 'id' });
    // Schema v8 (issue 22): indexSnapshot — the work list index's sealed snapshot (./index-snapshot):
    // a header and a few large sealed chunks, read whole at unlock. Derived data: not backed up,
    // starts empty, and a snapshot written under another schema version is ignored (an upgrade may
    // rewrite list rows without a revision).
    this.version(8).stores({ indexSnapshot: 'id' });
  }
}
