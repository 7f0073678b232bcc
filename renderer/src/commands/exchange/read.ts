import type { BundleEntry } from '../../../../shared/sync/bundle';
import { currentNetworkId, requesterScopeId } from '../../../../shared/sync/scope';
import type { CaseRow } from '../../../../shared/domain/case-row';
import type { MeetingRecord, OtkDatabase } from '../../db/schema';
import { requesterKey } from '../../../../shared/domain/requester-key';
import type { SyncedConsultation, TombstoneRow } from '../../db/rows/exchange';
import type { WireDraft } from '../../../../shared/sync/wire/types';
import type { NetworkContent, RequesterContent } from '../../../../shared/sync/scope';
import type { RecommendationDraftRow } from '../../db/rows/desk';
import { networkProjection, requestProjection, requesterProjection, wireAudit, wireConsultation, wireMeeting, wireMethod, wireNetwork, wireTombstone, type StoredAuditEvent } from '../../../../shared/sync/wire/records';
import { recommendedMethods } from '../../../../shared/lifecycle/recommendation';
import { findShippedMethod } from '../../../../shared/reference/methods';
import { openedHere, storedSource, type ExportBatch } from './stored-pages';
import { heldByRecipient, importedAuditFor, ownAuditSince, registryChangedSince, type DeltaBase } from './delta-marks';

/**
 * Reading what an export carries, page by page along a key (never offset(), never one getAll of
 * everything): each page is one short read, turned into bundle entries and handed to the encoder,
 * so an export of 100 000 cases never holds them all in memory on the main thread.
 */

/**
 * Records per read. Opening a page's sealed records is one task on the UI thread (WebCrypto settles
 * them without leaving it), ≈ 60 µs a case: 500 keep it under 50 ms.
 */
export const READ_PAGE = 500;

/** What to read (resolved from the user's ExportScope by ./export). */
export type Selection =
  | { kind: 'full' }
  /** `auditFrom`: where to start reading this installation's audit events by time (the base's start, less a margin). */
  | { kind: 'delta'; base: DeltaBase; auditFrom: string }
  | { kind: 'network'; networkId: string; content?: NetworkContent }
  | { kind: 'requester'; requesterId: string; content?: RequesterContent; caseIds?: readonly string[] };

type Keyed = { id: string };

/**
 * Pages of a table in primary-key order. The next page is requested before the current one is
 * handed on, so the database reads while the encoder compresses.
 */
async function* pagesById<T extends Keyed>(db: OtkDatabase, table: 'consultations' | 'caseRows' | 'tombstones' | 'meetings' | 'audit', signal?: AbortSignal): AsyncGenerator<T[]> {
  const t = db.table<T, string>(table);
  const query = (after: string | undefined) => (after === undefined ? t.orderBy(':id') : t.where(':id').above(after)).limit(READ_PAGE).toArray();
  let next: Promise<T[]> | null = query(undefined);
  while (next) {
    signal?.throwIfAborted();
    const page: T[] = await next;
    next = page.length === READ_PAGE ? query(page[page.length - 1]!.id) : null;
    next?.catch(() => undefined);
    if (page.length > 0) yield page;
  }
}

/** Pages of rows whose unique numeric index (`rev`, `importRev`) is above `from`, in that order (prefetching like pagesById). */
async function* pagesAbove<T>(db: OtkDatabase, table: 'caseRows' | 'tombstones' | 'audit', index: 'rev' | 'importRev', from: number, signal?: AbortSignal): AsyncGenerator<T[]> {
  const query = (after: number) => db.table<T>(table).where(index).above(after).limit(READ_PAGE).toArray();
  let next: Promise<T[]> | null = query(from);
  while (next) {
    signal?.throwIfAborted();
    const page: T[] = await next;
    next = page.length === READ_PAGE ? query((page[page.length - 1] as Record<string, number>)[index]!) : null;
    next?.catch(() => undefined);
    if (page.length > 0) yield page;
  }
}

/** Audit events with `at` ≥ from, paging along the (non-unique) `at` index: offset only within one instant. */
async function* auditSince(db: OtkDatabase, from: string, signal?: AbortSignal): AsyncGenerator<StoredAuditEvent[]> {
  let at = from;
  let skip = 0;
  for (;;) {
    signal?.throwIfAborted();
    const page = await db.audit.where('at').aboveOrEqual(at).offset(skip).limit(READ_PAGE).toArray();
    if (page.length > 0) yield page;
    if (page.length < READ_PAGE) return;
    const last = page[page.length - 1]!.at;
    const sameInstant = page.filter((event) => event.at === last).length;
    skip = last === at ? skip + sameInstant : sameInstant;
    at = last;
  }
}

const entries = (type: string, records: readonly unknown[]): BundleEntry[] => records.map((record) => ({ type, record }));

/**
 * Everything, in this order: cases, tombstones, networks, methods, meetings, audit events. The big
 * tables are named as stored sources (./stored-pages: read beneath the middleware and opened with
 * its own function, by the bundle worker or here); the registries, tens of rows, opened here.
 */
async function* fullBatches(db: OtkDatabase): AsyncGenerator<ExportBatch> {
  yield storedSource(db, 'consultations', 'consultation', 'consultation');
  yield storedSource(db, 'tombstones', 'consultation', 'tombstone');
  yield entries('network', (await db.networks.toArray()).map(wireNetwork));
  yield* methodEntries(db);
  yield storedSource(db, 'meetings', 'meeting', 'meeting');
  yield storedSource(db, 'audit', 'audit', 'audit');
}

/** The installation's data key, when unlocked (what the middleware would open with). */
export function dataKeyOf(db: OtkDatabase): CryptoKey | undefined {
  return db.keyring?.unlocked ? db.keyring.dataKey() : undefined;
}

/** A centre's own methods (issue 21, tens of rows): all of them, or those named by `codes`; none when there are none. */
async function* methodEntries(db: OtkDatabase, codes?: Iterable<string>): AsyncGenerator<BundleEntry[]> {
  const local = codes === undefined ? await db.methods.toArray() : (await db.methods.bulkGet([...new Set(codes)].filter((code) => !findShippedMethod(code)))).filter((m) => m !== undefined);
  if (local.length > 0) yield entries('method', local.map(wireMethod));
}

/**
 * Since a base export (./delta-marks): every case and tombstone written here after it began (by
 * local revision, so records relayed from a third installation with older stamps are included)
 * unless it is the recipient's own copy; the networks and meetings changed or arrived since; this
 * installation's audit events stamped after the base and those that arrived in bundles since —
 * never what came from the recipient itself.
 */
async function* deltaEntries(db: OtkDatabase, base: DeltaBase, auditFrom: string, signal?: AbortSignal): AsyncGenerator<BundleEntry[]> {
  const fresh = <T>(type: string, page: readonly T[], keep: (item: T) => boolean, wire: (item: T) => unknown) => {
    const kept = page.filter(keep);
    return kept.length > 0 ? [entries(type, kept.map(wire))] : [];
  };
  for await (const rows of pagesAbove<CaseRow>(db, 'caseRows', 'rev', base.rev, signal)) {
    const records = (await db.consultations.bulkGet(rows.map((row) => row.id))).filter((r): r is SyncedConsultation => r !== undefined);
    yield* fresh('consultation', records, (record) => !heldByRecipient(base, record), wireConsultation);
  }
  for await (const page of pagesAbove<TombstoneRow>(db, 'tombstones', 'rev', base.rev, signal)) yield* fresh('consultation', page, (row) => !heldByRecipient(base, row), wireTombstone);
  yield* fresh('network', await db.networks.toArray(), (record) => registryChangedSince(base, record), wireNetwork);
  yield* fresh('method', await db.methods.toArray(), (record) => registryChangedSince(base, record), wireMethod);
  for await (const page of pagesById<MeetingRecord>(db, 'meetings', signal)) yield* fresh('meeting', page, (record) => registryChangedSince(base, record), wireMeeting);
  for await (const page of auditSince(db, auditFrom, signal)) yield* fresh('audit', page, (event) => ownAuditSince(base, event), wireAudit);
  for await (const page of pagesAbove<StoredAuditEvent>(db, 'audit', 'importRev', base.rev, signal)) yield* fresh('audit', page, (event) => importedAuditFor(base, event), wireAudit);
}

/** The cases currently routed to one network (projected), that network's registry entry and its meetings. */
async function* networkEntries(db: OtkDatabase, networkId: string, signal?: AbortSignal): AsyncGenerator<BundleEntry[]> {
  for await (const rows of pagesById<CaseRow>(db, 'caseRows', signal)) {
    const ids = rows.filter((row) => row.networkId === networkId).map((row) => row.id);
    if (ids.length === 0) continue;
    const records = (await db.consultations.bulkGet(ids)).filter((r): r is SyncedConsultation => r !== undefined && currentNetworkId(r) === networkId);
    if (records.length > 0) yield entries('consultation', records.map(networkProjection));
  }
  const network = await db.networks.get(networkId);
  if (network) yield entries('network', [wireNetwork(network)]);
  // The centre's own methods, so the network's experts can name them in their drafts.
  yield* methodEntries(db);
  const meetings = await db.meetings.where('[networkId+date]').between([networkId, ''], [networkId, '\uffff']).toArray();
  if (meetings.length > 0) yield entries('meeting', meetings.map(wireMeeting));
}

/** One requester's cases (projected). The requester is named by a hash; each distinct requester is hashed once. */
async function* requesterEntries(db: OtkDatabase, requesterId: string, signal?: AbortSignal): AsyncGenerator<BundleEntry[]> {
  const hashes = new Map<string, string>();
  /** The methods the sent recommendations name: the centre's own go along, so the requester's letter names them. */
  const named = new Set<string>();
  for await (const page of pagesById<SyncedConsultation>(db, 'consultations', signal)) {
    const matching: SyncedConsultation[] = [];
    for (const record of page) {
      const key = requesterKey(record.requester);
      let hash = hashes.get(key);
      if (hash === undefined) {
        hash = await requesterScopeId(key);
        hashes.set(key, hash);
      }
      if (hash === requesterId) matching.push(record);
    }
    if (matching.length > 0) yield entries('consultation', matching.map(requesterProjection));
    for (const record of matching) if (record.recommendation?.sentAt !== undefined) for (const code of recommendedMethods(record.recommendation)) named.add(code);
  }
  yield* methodEntries(db, named);
}

/** An expert desk's drafts marked ready, for its network (a desk holds tens of them: one read). */
async function* draftEntries(db: OtkDatabase, networkId: string): AsyncGenerator<BundleEntry[]> {
  const rows = await db.recommendationDrafts.where('networkId').equals(networkId).toArray();
  const ready = rows.filter((row) => row.state === 'ready').map(wireDraft);
  if (ready.length > 0) yield entries('draft', ready);
}

export function wireDraft(row: RecommendationDraftRow): WireDraft {
  return { id: row.id, networkId: row.networkId, caseCode: row.caseCode, recommendation: row.recommendation, updatedAt: row.updatedAt, by: row.by };
}

/** A requester desk's own requests, by id (the request fields only; ids of other requesters' cases are skipped). */
async function* requestEntries(db: OtkDatabase, requesterId: string, caseIds: readonly string[]): AsyncGenerator<BundleEntry[]> {
  const records = (await db.consultations.bulkGet([...caseIds])).filter((r): r is SyncedConsultation => r !== undefined);
  const own: SyncedConsultation[] = [];
  for (const record of records) if ((await requesterScopeId(requesterKey(record.requester))) === requesterId) own.push(record);
  if (own.length > 0) yield entries('consultation', own.map(requestProjection));
}

/**
 * What a selection carries, as batches for an encoder that reads and opens stored tables itself
 * (the bundle worker, given the data key): a full export's big tables as stored sources, anything else opened.
 */
export function readSelectionStored(db: OtkDatabase, selection: Selection, signal?: AbortSignal): AsyncGenerator<ExportBatch> {
  return selection.kind === 'full' ? fullBatches(db) : readSelection(db, selection, signal);
}

/** What a selection carries, every record opened on this thread. */
export function readSelection(db: OtkDatabase, selection: Selection, signal?: AbortSignal): AsyncGenerator<readonly BundleEntry[]> {
  switch (selection.kind) {
    case 'full':
      return openedHere(db, fullBatches(db), dataKeyOf(db), signal);
    case 'delta':
      return deltaEntries(db, selection.base, selection.auditFrom, signal);
    case 'network':
      return selection.content === 'drafts' ? draftEntries(db, selection.networkId) : networkEntries(db, selection.networkId, signal);
    case 'requester':
      return selection.content === 'requests' ? requestEntries(db, selection.requesterId, selection.caseIds ?? []) : requesterEntries(db, selection.requesterId, signal);
  }
}

/** Records per type that a selection carries (for the export screen, before anything is written). */
export async function countSelection(db: OtkDatabase, selection: Selection): Promise<Record<string, number>> {
  if (selection.kind === 'full') {
    const [consultation, tombstones, network, meeting, audit, method] = await Promise.all([db.consultations.count(), db.tombstones.count(), db.networks.count(), db.meetings.count(), db.audit.count(), db.methods.count()]);
    return { consultation: consultation + tombstones, network, meeting, audit, ...(method > 0 ? { method } : {}) };
  }
  const counts: Record<string, number> = {};
  for await (const batch of readSelection(db, selection)) for (const entry of batch) counts[entry.type] = (counts[entry.type] ?? 0) + 1;
  return counts;
}
