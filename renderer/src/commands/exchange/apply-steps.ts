import type { BundleHeader } from '../../../../shared/sync/bundle';
import type { PreviewCounts } from '../../../../shared/sync/preview';
import { isTombstone } from '../../../../shared/sync/record';
import type { OtkDatabase } from '../../db/schema';
import { clearIndexSnapshot } from '../../db/index-snapshot';
import type { CommandContext } from '../../access/context';
import { addAudit, auditEvent } from '../audit';
import { caseRowOf, type CaseRow } from '../../../../shared/domain/case-row';
import type { AuditEvent } from '../../../../shared/domain/audit';
import type { Settings } from '../../../../shared/domain/settings';
import { helsinkiParts } from '../../../../shared/calendar/helsinki-time';
import { rememberRequester } from '../requesters';
import { admitRequest } from './admit-requests';
import { caseSequenceCounter, COUNTER_OPEN_CONFLICTS, COUNTER_REV, COUNTER_TOTAL, statusCounter } from '../../db/counters';
import { stateAfterImport } from './peers';
import { arrivedRegistry, storedConsultation, storedTombstone } from './delta-marks';
import { type ConsultationWrite, type ImportPlan } from './plan';
import type { ConflictRow, ExchangeLogRow, ExchangePeerRow, QuarantineRow, SyncedConsultation, TombstoneRow } from '../../db/rows/exchange';
import { type EntryType, type ProgressListener } from '../../../../shared/sync/wire/types';
import type { ConsultationStatus } from '../../../../shared/domain/codes';
import { countsOf } from './import';
import { sealedCopy, withRevision, type SealedCases } from './seal-writes';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';

/**
 * The steps applyImport (./apply) takes inside its one transaction: each writes one part of what a
 * previewed bundle brings. None of them opens a transaction of its own.
 */

/**
 * Audit events per bulkPut inside the applying transaction. IndexedDB clones a chunk in the task
 * that queues it (≈ 9 µs an event on the 2-core machine): 5000 a chunk made 45 ms tasks idle and
 * 100–300 ms busy; 500 keep them a few milliseconds.
 */
export const AUDIT_CHUNK = 500;
/**
 * Cases (and list rows) per bulkPut in writeCases. IndexedDB clones each value on the UI thread as
 * it is put (≈ 40 µs a sealed case and its row on the 2-core machine), and a chunk is queued in
 * one task, so 100 cases keep every task of the transaction far under 50 ms; the database writes
 * a chunk several times slower than it is queued, so three in flight keep it busy.
 */
export const WRITE_CHUNK = 100;
/** Chunks queued at once inside the applying transaction. */
const IN_FLIGHT = 3;

export const importTables = (db: OtkDatabase) => [
  db.consultations,
  db.caseRows,
  db.tombstones,
  db.conflicts,
  db.audit,
  db.meta,
  db.counters,
  db.networks,
  db.meetings,
  db.exchangeLog,
  db.exchangePeers,
  db.importedBundles,
  db.quarantine,
  db.recommendationDrafts,
  db.requesters,
  db.methods,
  db.indexSnapshot,
];

/**
 * Writes `items` in chunks of `size` through `write`, a few chunks queued at once (IN_FLIGHT) so
 * the database never idles while the next is prepared. Each chunk is cloned by IndexedDB in the
 * task that queues it: `size` keeps that task short.
 */
export async function inChunks<T>(items: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const inFlight: Array<Promise<unknown>> = [];
  for (let start = 0; start < items.length; start += size) {
    const written = write(items.slice(start, start + size));
    written.catch(() => undefined); // awaited below; a failure aborts the transaction
    inFlight.push(written);
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
}

/**
 * Admits a requester's new requests (planned with `admit`): the centre's receipt, case code (from
 * this year's sequence), target date and list row replace the sender's, the requester is
 * remembered for the reply, and each gets a 'consultation.create' audit event (returned, written
 * with the others). Mutates the writes; runs inside the applying transaction.
 */
export async function admitRequests(ctx: CommandContext, writes: ConsultationWrite[], stamps: string[], settings: Settings, now: Date, bundleId: string): Promise<AuditEvent[]> {
  if (writes.length === 0) return [];
  const { db } = ctx;
  const year = Number(helsinkiParts(now).date.slice(0, 4));
  const sequenceKey = caseSequenceCounter(settings.caseCodePrefix, year);
  const first = ((await db.counters.get(sequenceKey))?.value ?? 0) + 1;
  await db.counters.put({ key: sequenceKey, value: first + writes.length - 1 });
  const events: AuditEvent[] = [];
  for (const [i, write] of writes.entries()) {
    const record = admitRequest(write.record as SyncedConsultation, { now, stamp: stamps[2 * i]!, sequence: first + i, settings, actor: ctx.actor });
    write.record = record;
    const { rev: _rev, ...row } = caseRowOf({ ...(record as SyncedConsultation), rev: 0 });
    write.row = row;
    await rememberRequester(db, record.requester, now.toISOString());
    events.push(auditEvent(ctx, now, stamps[2 * i + 1]!, { action: 'consultation.create', entityId: record.id, fields: Object.keys(record.stamps), details: { channel: 'imported-file', bundle: bundleId } }));
  }
  return events;
}

/**
 * Expert desk: the cases no longer routed to its network leave it — record, list row and draft —
 * and each leaves a local marker in `tombstones` (with a revision, so the work list's change feed
 * drops the row). On an expert desk tombstones are only these markers (its bundles never carry
 * deletions), so a case routed back later arrives as new and its marker goes.
 */
export async function withdrawCases(db: OtkDatabase, arriving: string[], withdrawn: string[], stamp: string, nextRev: () => number): Promise<void> {
  if (arriving.length > 0) await db.tombstones.bulkDelete(arriving);
  if (withdrawn.length === 0) return;
  // The list index's sealed snapshot holds the withdrawn rows too: it goes in the same transaction.
  await Promise.all([db.consultations.bulkDelete(withdrawn), db.caseRows.bulkDelete(withdrawn), db.recommendationDrafts.bulkDelete(withdrawn), clearIndexSnapshot(db)]);
  await db.tombstones.bulkPut(withdrawn.map((id): TombstoneRow => ({ id, deleted: true, stamps: { deleted: stamp }, entity: 'consultation', rev: nextRev() })));
}

/** Keeps this installation's case-code sequences ahead of imported codes with its prefix (no duplicate codes later); `highest` from ./write-summary. */
export async function advanceCaseSequences(db: OtkDatabase, highest: ReadonlyMap<string, number>): Promise<void> {
  if (highest.size === 0) return;
  const keys = [...highest.keys()];
  const rows = await db.counters.bulkGet(keys);
  const raised = keys.map((key, i) => ({ key, value: Math.max(rows[i]?.value ?? 0, highest.get(key)!) })).filter((row, i) => row.value !== (rows[i]?.value ?? 0));
  if (raised.length > 0) await db.counters.bulkPut(raised);
}

export function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/** Conflicts: stored once under their deterministic key; a known one (open or resolved) is left alone. */
export async function newConflictRows(db: OtkDatabase, plan: ImportPlan, header: BundleHeader, now: Date): Promise<ConflictRow[]> {
  const reported = [...new Map(plan.consultation.conflicts.map((c) => [c.key, c])).values()];
  const known = await db.conflicts.bulkGet(reported.map((c) => c.key));
  return reported
    .filter((_, i) => known[i] === undefined)
    .map((c) => ({ ...c, id: c.key, state: 'open', detectedAt: now.toISOString(), bundleId: header.bundleId, peer: header.sender.installationId }));
}

/**
 * Moves the counters by what the import writes (`caseDeltas`: the cases' own, ./write-summary; one revision per case written, per audit event
 * that arrived and per case withdrawn, plus one for the import itself); returns the list revision
 * after it and the revision the first write follows.
 */
export async function countImport(
  db: OtkDatabase,
  plan: ImportPlan,
  caseDeltas: Readonly<Record<string, number>>,
  withdrawnRows: ReadonlyArray<{ status: ConsultationStatus }>,
  newConflicts: number,
): Promise<{ finalRev: number; firstRev: number }> {
  const writes = plan.consultation.writes;
  const revisions = writes.length + plan.audit.writes.length + withdrawnRows.length + 1;
  const deltas: Record<string, number> = { ...caseDeltas, [COUNTER_REV]: revisions };
  for (const row of withdrawnRows) {
    deltas[COUNTER_TOTAL] = (deltas[COUNTER_TOTAL] ?? 0) - 1;
    deltas[statusCounter(row.status)] = (deltas[statusCounter(row.status)] ?? 0) - 1;
  }
  if (newConflicts > 0) deltas[COUNTER_OPEN_CONFLICTS] = newConflicts;
  const keys = Object.keys(deltas);
  const before = await db.counters.bulkGet(keys);
  const after = keys.map((key, i) => ({ key, value: (before[i]?.value ?? 0) + deltas[key]! }));
  await db.counters.bulkPut(after);
  const finalRev = after.find((row) => row.key === COUNTER_REV)!.value;
  return { finalRev, firstRev: finalRev - revisions };
}

/**
 * Writes the live cases and their list rows in chunks, each with the next revision. Chunks are
 * queued without waiting for each to finish (a few in flight), so the database never idles while
 * the next chunk is prepared. Cases sealed before the transaction (`sealed`, ./seal-writes) are
 * written as they are; any other is sealed by the middleware on put. Then the deleted cases' tombstones.
 */
export async function writeCases(db: OtkDatabase, writes: readonly ConsultationWrite[], sender: string, nextRev: () => number, onProgress?: ProgressListener, sealed?: SealedCases): Promise<void> {
  const live = writes.filter((write) => !isTombstone(write.record));
  const deleted = writes.filter((write) => isTombstone(write.record));
  let done = 0;
  const inFlight: Array<Promise<unknown>> = [];
  for (let start = 0; start < live.length; start += WRITE_CHUNK) {
    const chunk = live.slice(start, start + WRITE_CHUNK);
    const stored = [];
    const rows = [];
    for (const write of chunk) {
      const rev = nextRev();
      const copy = sealedCopy(sealed, write);
      // Queued below: the sealed copy is no longer needed here (the page holds less as the writing goes on).
      sealed?.delete(write);
      if (copy) {
        // Sealed before the transaction (./seal-writes): stored exactly as the middleware would have.
        stored.push(withRevision(copy.record, rev, write.exact ? { arrivedFrom: { peer: sender, rev } } : {}) as unknown as ConsultationRecord);
        rows.push(withRevision(copy.row, rev) as unknown as CaseRow);
      } else {
        stored.push(storedConsultation(write, rev, sender));
        rows.push({ ...write.row!, rev });
      }
    }
    const written = Promise.all([db.consultations.bulkPut(stored), db.caseRows.bulkPut(rows)]).then(() => {
      done += chunk.length;
      onProgress?.({ phase: 'writing', done, total: writes.length });
    });
    written.catch(() => undefined); // awaited below; a failure aborts the transaction
    inFlight.push(written);
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  if (deleted.length > 0) {
    const tombstones = deleted.map((write) => storedTombstone(write, nextRev(), sender));
    const ids = tombstones.map((t) => t.id);
    await Promise.all([db.tombstones.bulkPut(tombstones), db.consultations.bulkDelete(ids), db.caseRows.bulkDelete(ids), clearIndexSnapshot(db)]);
  }
}

/** The registries (networks, meetings, methods), what arrived marked for delta bundles, and the experts' drafts. */
export async function writeRegistries(db: OtkDatabase, plan: ImportPlan, finalRev: number, sender: string): Promise<void> {
  if (plan.draft.writes.length > 0) await db.recommendationDrafts.bulkPut(plan.draft.writes);
  if (plan.network.writes.length > 0) await db.networks.bulkPut(arrivedRegistry(plan.network.writes, plan.network.same, finalRev, sender));
  if (plan.meeting.writes.length > 0) await db.meetings.bulkPut(arrivedRegistry(plan.meeting.writes, plan.meeting.same, finalRev, sender));
  if (plan.method.writes.length > 0) await db.methods.bulkPut(arrivedRegistry(plan.method.writes, plan.method.same, finalRev, sender));
}

/** Records whose clock was too far ahead are kept aside (never dropped), with the bundle they came in. Returns how many. */
export async function writeQuarantine(db: OtkDatabase, plan: ImportPlan, header: BundleHeader, now: Date): Promise<number> {
  const quarantined = [plan.consultation, plan.network, plan.meeting, plan.method, plan.audit].flatMap((part) => part.quarantined);
  if (quarantined.length === 0) return 0;
  await db.quarantine.bulkPut(
    quarantined.map((entry): QuarantineRow => ({
      id: `${header.bundleId}|${entry.type}|${entry.recordId}`,
      bundleId: header.bundleId,
      peer: header.sender.installationId,
      type: entry.type,
      recordId: entry.recordId,
      record: entry.record,
      stamps: entry.stamps,
      at: now.toISOString(),
      message: 'sync.quarantine.clockAhead',
    })),
  );
  return quarantined.length;
}

/**
 * The exchange's own records: the peer's state (a full/delta bundle counts as received — unless
 * something was quarantined: then the sender's next delta must carry it again — and tells which
 * of our bundles the sender has), the exchange log, the bundle id (never imported twice) and the
 * 'exchange.import' audit event (counts only).
 */
export async function recordImport(
  ctx: CommandContext,
  args: { header: BundleHeader; plan: ImportPlan; installationId: string; finalRev: number; newConflicts: number; quarantined: number; auditStamp: string; now: Date },
): Promise<Record<EntryType, PreviewCounts>> {
  const { db } = ctx;
  const { header, plan, now } = args;
  const sender = header.sender.installationId;
  const full = header.scope.kind === 'full' || header.scope.kind === 'delta';
  const peer: ExchangePeerRow = (await db.exchangePeers.get(sender)) ?? { id: sender, kind: 'installation', state: {} };
  await db.exchangePeers.put({
    ...peer,
    name: header.sender.name,
    state: full ? stateAfterImport(peer.state, sender, args.quarantined === 0 ? header.clock.to : undefined, header.acknowledged[args.installationId]) : peer.state,
    lastReceived: { bundleId: header.bundleId, at: now.toISOString(), scope: header.scope.kind },
  });
  const counts = countsOf(plan);
  const log: ExchangeLogRow = {
    id: header.bundleId,
    direction: 'imported',
    peer: sender,
    peerName: header.sender.name,
    scope: header.scope.kind,
    ...(header.scope.kind === 'network' ? { networkId: header.scope.networkId } : {}),
    counts: header.counts,
    outcome: counts,
    at: now.toISOString(),
    by: ctx.actor,
    clockFrom: header.clock.from,
    clockTo: header.clock.to,
    rev: args.finalRev,
  };
  await db.exchangeLog.put(log);
  await db.importedBundles.add({ id: header.bundleId, at: now.toISOString(), sender });
  const sum = (key: keyof PreviewCounts) => String(Object.values(counts).reduce((total, c) => total + c[key], 0));
  await addAudit(
    db,
    auditEvent(ctx, now, args.auditStamp, {
      action: 'exchange.import',
      entity: 'exchange',
      entityId: header.bundleId,
      details: {
        sender,
        scope: header.scope.kind,
        records: String(Object.values(header.counts).reduce((total, n) => total + n, 0)),
        new: sum('new'),
        updated: sum('updated'),
        conflicts: String(args.newConflicts),
        quarantined: sum('quarantined'),
      },
    }),
  );
  return counts;
}
