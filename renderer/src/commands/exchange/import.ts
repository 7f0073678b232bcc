import type { BundleHeader, BundleKey } from '../../../../shared/sync/bundle';
import type { FieldConflict } from '../../../../shared/sync/conflict';
import type { PreviewCounts } from '../../../../shared/sync/preview';
import { checkClocks } from '../../../../shared/sync/quarantine';
import { isTombstone } from '../../../../shared/sync/record';
import { SYNC_SCHEMA_VERSION } from '../../../../shared/sync/schema-version';
import type { OtkDatabase } from '../../db/schema';
import type { CommandContext } from '../../access/context';
import { addAudit, auditEvent } from '../audit';
import { ownRequesterId } from '../../access/guards';
import { mayImport } from '../../../../shared/protection/exchange-policy';
import { ProtectionError } from '../../../../shared/protection/errors';
import { caseRowOf } from '../../../../shared/domain/case-row';
import type { AuditEvent } from '../../../../shared/domain/audit';
import type { Settings } from '../../../../shared/domain/settings';
import { helsinkiParts } from '../../../../shared/calendar/helsinki-time';
import { rememberRequester } from '../requesters';
import { admitRequest } from './admit-requests';
import { caseSequenceCounter, COUNTER_OPEN_CONFLICTS, COUNTER_REV, COUNTER_TOTAL, statusCounter } from '../../db/counters';
import { readInstallation } from '../../queries/installation';
import { readSettings } from '../../queries/settings';
import { inlineCodec, type BundleCodec } from '../../../../shared/sync/wire/codec';
import { receiveAndTake, stateAfterImport } from './peers';
import { arrivedRegistry, storedAudit, storedConsultation, storedTombstone } from './delta-marks';
import { planAudit, planConsultations, planDrafts, planImport, planRegistry, planWithdrawn, PlanRefusal, StampMax, type ConsultationWrite, type ImportPlan, type PlanEnv } from './plan';
import type { ConflictRow, ExchangeLogRow, ExchangePeerRow, QuarantineRow, SyncedConsultation, TombstoneRow } from '../../db/rows/exchange';
import { refusal, type EntryType, type ImportRefusal, type ProgressListener, type RefusalDetail, type WireRecords } from '../../../../shared/sync/wire/types';

/**
 * Import = decrypt → check every record → preview → apply in one transaction → remember the
 * bundle id. previewImport writes nothing; applyImport writes everything or nothing.
 */

/** Open conflicts on all cases (the badge of the conflicts screen), kept like the other counters. */
/** Records written per bulkPut inside the applying transaction. */
export const APPLY_CHUNK = 5000;
/** Chunks queued at once inside the applying transaction. */
const IN_FLIGHT = 3;

export interface ImportOptions {
  /** Where to decode (default: this thread). The UI passes createWorkerCodec(). */
  codec?: BundleCodec;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  /** Accept weaker key derivation than 600 000 PBKDF2 iterations. Tests only. */
  minIterations?: number;
}

export interface PreviewConflict {
  kind: FieldConflict['kind'];
  recordId: string;
  caseCode?: string;
  field: string;
  losingSide: FieldConflict['losingSide'];
}

export interface ImportReady {
  ok: true;
  /** Authenticated: sender, recipient, scope, clocks, counts. */
  header: BundleHeader;
  /** What applying would do, per record type. */
  counts: Record<EntryType, PreviewCounts>;
  conflicts: PreviewConflict[];
  quarantined: Array<{ type: EntryType; recordId: string; aheadMs: number }>;
  /** Expert desk: how many cases leave it, no longer routed to its network. */
  withdrawn: number;
  /** A requester's requests at the centre: what the identifier guard warns about (features/exchange/refusal-message words them). */
  findings: RefusalDetail[];
  /** Nothing would change: "nothing new in this bundle". */
  nothingNew: boolean;
  /** For applyImport: the checked records and the merge plan. */
  records: WireRecords;
  plan: ImportPlan;
}

export interface ImportRefused {
  ok: false;
  refusal: ImportRefusal;
  /** The header, when the bundle could be opened that far. */
  header?: BundleHeader;
}

export type ImportPreview = ImportReady | ImportRefused;

export interface ImportResult {
  applied: boolean;
  /** Why nothing was applied. */
  reason?: 'already-imported';
  bundleId: string;
  counts: Record<EntryType, PreviewCounts>;
  /** Conflicts recorded by this import (repeats of known ones not counted). */
  newConflicts: number;
  quarantined: number;
}

/** How this profile takes in the cases of a bundle with this scope (see PlanEnv.intake). */
function intakeModeOf(ctx: CommandContext, header: BundleHeader): PlanEnv['intake'] {
  if (ctx.profile.role === 'requester') return 'adopt-case-code';
  if (ctx.profile.role === 'coordinator' && header.scope.kind === 'requester') return 'admit-requests';
  return undefined;
}

/** An expert desk's network bundle replaces what the desk holds for the network (PlanEnv.withdrawFrom). */
function withdrawFromOf(ctx: CommandContext, header: BundleHeader): string | undefined {
  return ctx.profile.role === 'expert' && header.scope.kind === 'network' ? header.scope.networkId : undefined;
}

async function planEnv(ctx: CommandContext, header: BundleHeader, options: { onProgress?: ProgressListener; signal?: AbortSignal }): Promise<PlanEnv> {
  const withdrawFrom = withdrawFromOf(ctx, header);
  return {
    nowMs: ctx.now().getTime(),
    settings: await readSettings(ctx.db),
    onProgress: options.onProgress,
    signal: options.signal,
    intake: intakeModeOf(ctx, header),
    ...(withdrawFrom !== undefined ? { withdrawFrom } : {}),
  };
}

/**
 * Is this bundle for this desk? The scope against the profile (shared/protection/exchange-policy),
 * and an expert desk never takes drafts (they go from experts to the coordinator).
 */
async function deskRefusal(ctx: CommandContext, header: BundleHeader, records: WireRecords): Promise<ImportRefusal | null> {
  if (!mayImport(ctx.profile, header.scope, await ownRequesterId(ctx.profile))) return refusal('wrong-desk');
  if (ctx.profile.role !== 'coordinator' && records.draft.length > 0) return refusal('wrong-desk');
  // A centre's methods registry takes methods only from the centre's own installations (full, delta).
  if (ctx.profile.role === 'coordinator' && records.method.length > 0 && header.scope.kind !== 'full' && header.scope.kind !== 'delta') return refusal('out-of-scope', { type: 'method', scope: header.scope.kind });
  const { recipient } = header;
  if (ctx.profile.role === 'coordinator' && recipient.kind === 'named' && recipient.area !== undefined) {
    const { centreArea } = await readSettings(ctx.db);
    if (centreArea !== '' && centreArea !== recipient.area) return refusal('other-centre');
  }
  return null;
}

function countsOf(plan: ImportPlan): Record<EntryType, PreviewCounts> {
  return { consultation: plan.consultation.counts, network: plan.network.counts, meeting: plan.meeting.counts, audit: plan.audit.counts, draft: plan.draft.counts, method: plan.method.counts };
}

/**
 * Opens a bundle and works out what importing it would do. Writes nothing. `passphrase` may be a
 * key derived beforehand for this bundle (deriveBundleKey with its header's kdf salt and iterations). A bundle that cannot
 * be imported comes back as `{ ok: false, refusal }` naming why (wrong passphrase, tampered,
 * truncated, newer format, wrong recipient, already imported, out of scope, invalid record, …).
 */
export async function previewImport(ctx: CommandContext, bytes: Uint8Array, passphrase: string | BundleKey, options: ImportOptions = {}): Promise<ImportPreview> {
  const { db } = ctx;
  const codec = options.codec ?? inlineCodec;
  const installation = await readInstallation(db);
  const decoded = await codec.decode(
    {
      bytes,
      passphrase,
      expectations: { installationId: installation.id, supportedSchemaVersion: SYNC_SCHEMA_VERSION, ...(options.minIterations !== undefined ? { minIterations: options.minIterations } : {}) },
    },
    { onProgress: options.onProgress, signal: options.signal },
  );
  if (!decoded.ok) return decoded;
  const { header, records } = decoded;
  const wrongDesk = await deskRefusal(ctx, header, records);
  if (wrongDesk) return { ok: false, refusal: wrongDesk, header };
  if (await db.importedBundles.get(header.bundleId)) return { ok: false, refusal: refusal('already-imported'), header };
  let plan: ImportPlan;
  try {
    plan = await planImport(db, records, await planEnv(ctx, header, options), header.bundleId);
  } catch (error) {
    if (error instanceof PlanRefusal) return { ok: false, refusal: error.refusal, header };
    throw error;
  }
  const caseCodes = new Map<string, string>();
  for (const write of plan.consultation.writes) if (!isTombstone(write.record)) caseCodes.set(write.record.id, write.record.caseCode);
  const counts = countsOf(plan);
  const quarantined = [plan.consultation, plan.network, plan.meeting, plan.method, plan.audit].flatMap((part) =>
    part.quarantined.map((entry) => ({ type: entry.type, recordId: entry.recordId, aheadMs: Math.max(...entry.stamps.map((stamp) => stamp.aheadMs)) })),
  );
  const nothingNew = plan.withdrawn.length === 0 && Object.values(counts).every((c) => c.new + c.updated + c.conflicts + c.quarantined === 0);
  return {
    ok: true,
    header,
    counts,
    conflicts: plan.consultation.conflicts.map((c) => ({ kind: c.kind, recordId: c.recordId, field: c.field, losingSide: c.losingSide, ...(caseCodes.has(c.recordId) ? { caseCode: caseCodes.get(c.recordId)! } : {}) })),
    quarantined,
    withdrawn: plan.withdrawn.length,
    findings: plan.consultation.findings,
    nothingNew,
    records,
    plan,
  };
}

const importTables = (db: OtkDatabase) => [
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
];

/** Counter changes for the cases written: total and per status, as a case appears, changes status or is deleted. */
function counterDeltas(writes: readonly ConsultationWrite[]): Record<string, number> {
  const deltas: Record<string, number> = {};
  const add = (key: string, n: number) => (deltas[key] = (deltas[key] ?? 0) + n);
  for (const { record, before } of writes) {
    const wasLive = before !== null && before !== 'deleted';
    if (isTombstone(record)) {
      if (wasLive) {
        add(COUNTER_TOTAL, -1);
        add(statusCounter(before), -1);
      }
      continue;
    }
    if (!wasLive) add(COUNTER_TOTAL, 1);
    else add(statusCounter(before), -1);
    add(statusCounter(record.status), 1);
  }
  return Object.fromEntries(Object.entries(deltas).filter(([, n]) => n !== 0));
}

async function inChunks<T>(items: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += APPLY_CHUNK) await write(items.slice(start, start + APPLY_CHUNK));
}

/**
 * Admits a requester's new requests (planned with `admit`): the centre's receipt, case code (from
 * this year's sequence), target date and list row replace the sender's, the requester is
 * remembered for the reply, and each gets a 'consultation.create' audit event (returned, written
 * with the others). Mutates the writes; runs inside the applying transaction.
 */
async function admitRequests(ctx: CommandContext, writes: ConsultationWrite[], stamps: string[], settings: Settings, now: Date, bundleId: string): Promise<AuditEvent[]> {
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
async function withdrawCases(db: OtkDatabase, arriving: string[], withdrawn: string[], stamp: string, nextRev: () => number): Promise<void> {
  if (arriving.length > 0) await db.tombstones.bulkDelete(arriving);
  if (withdrawn.length === 0) return;
  await Promise.all([db.consultations.bulkDelete(withdrawn), db.caseRows.bulkDelete(withdrawn), db.recommendationDrafts.bulkDelete(withdrawn)]);
  await db.tombstones.bulkPut(withdrawn.map((id): TombstoneRow => ({ id, deleted: true, stamps: { deleted: stamp }, entity: 'consultation', rev: nextRev() })));
}

/** Keeps this installation's case-code sequences ahead of imported codes with its prefix (no duplicate codes later). */
async function advanceCaseSequences(db: OtkDatabase, prefix: string, writes: readonly ConsultationWrite[]): Promise<void> {
  const code = new RegExp(`^${prefix}-(\\d{4})-(\\d{4,})$`);
  const highest = new Map<string, number>();
  for (const { record, before } of writes) {
    if (before !== null || isTombstone(record)) continue;
    const match = code.exec(record.caseCode);
    if (!match) continue;
    const key = caseSequenceCounter(prefix, Number(match[1]));
    highest.set(key, Math.max(highest.get(key) ?? 0, Number(match[2])));
  }
  if (highest.size === 0) return;
  const keys = [...highest.keys()];
  const rows = await db.counters.bulkGet(keys);
  const raised = keys.map((key, i) => ({ key, value: Math.max(rows[i]?.value ?? 0, highest.get(key)!) })).filter((row, i) => row.value !== (rows[i]?.value ?? 0));
  if (raised.length > 0) await db.counters.bulkPut(raised);
}

function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/**
 * Applies a previewed bundle in ONE transaction: the merged cases and their list rows (each with a
 * fresh revision, so the work list's change feed picks them up), tombstones, the counters, the
 * conflicts (cases flagged), the audit events (merged as a set), networks and meetings, the
 * quarantined records, the clock (HLC receive), the exchange log and peer state, the bundle id
 * and an 'exchange.import' audit event. Any failure leaves the database as it was. If the
 * database changed since the preview, the merge is worked out again inside the transaction.
 * Importing the same bundle again changes nothing (`applied: false`).
 */
export async function applyImport(ctx: CommandContext, preview: ImportReady, options: { onProgress?: ProgressListener } = {}): Promise<ImportResult> {
  const { db } = ctx;
  const { header, records } = preview;
  const wrongDesk = await deskRefusal(ctx, header, records);
  if (wrongDesk) throw new ProtectionError('not-permitted', `this bundle is not for a ${ctx.profile.role} desk`, { command: 'exchange.import' });
  const now = ctx.now();
  const installation = await readInstallation(db);
  const settings = await readSettings(db);
  const withdrawFrom = withdrawFromOf(ctx, header);
  const env: PlanEnv = { nowMs: now.getTime(), settings, intake: intakeModeOf(ctx, header), ...(withdrawFrom !== undefined ? { withdrawFrom } : {}) };

  const sender = header.sender.installationId;
  return db.transaction('rw', importTables(db), async () => {
    if (await db.importedBundles.get(header.bundleId)) {
      return { applied: false, reason: 'already-imported' as const, bundleId: header.bundleId, counts: preview.counts, newConflicts: 0, quarantined: 0 };
    }
    // Networks and meetings change without moving COUNTER_REV: always merged against what is stored now.
    const registryMax = new StampMax();
    const { network, meeting, method } = await planRegistry(db, records, env, registryMax);
    const draft = await planDrafts(db, records.draft, env, header.bundleId);
    let plan: ImportPlan = { ...preview.plan, network, meeting, method, draft, maxStamp: laterOf(preview.plan.maxStamp, registryMax.value) };
    const rev = (await db.counters.get(COUNTER_REV))?.value ?? 0;
    if (plan.stale || rev !== plan.snapshotRev) {
      const max = new StampMax();
      const consultation = await planConsultations(db, records.consultation, env, max);
      const audit = await planAudit(db, records.audit, env, max);
      const withdrawn = await planWithdrawn(db, records.consultation, env);
      plan = { ...plan, consultation, audit, withdrawn, maxStamp: laterOf(max.value, registryMax.value), snapshotRev: rev, stale: false };
    }
    // The clock takes in the newest stamp applied (the header's clock too, unless it is too far ahead);
    // then one stamp for each admitted request's receipt and one for each audit event written here.
    const admitted = plan.consultation.writes.filter((write) => write.admit);
    const headerTo = checkClocks({ to: header.clock.to }, now.getTime()).quarantined.length === 0 ? header.clock.to : undefined;
    const [auditStamp, ...admissionStamps] = await receiveAndTake(db, now.getTime(), laterOf(plan.maxStamp, headerTo), 1 + 2 * admitted.length);
    const admissionEvents = await admitRequests(ctx, admitted, admissionStamps, settings, now, header.bundleId);
    const writes = plan.consultation.writes;
    const live = writes.filter((write) => !isTombstone(write.record));
    const deleted = writes.filter((write) => isTombstone(write.record));
    const withdrawnRows = (await db.caseRows.bulkGet(plan.withdrawn)).filter((row) => row !== undefined);

    // Conflicts: stored once under their deterministic key; a known one (open or resolved) is left alone.
    const reported = [...new Map(plan.consultation.conflicts.map((c) => [c.key, c])).values()];
    const known = await db.conflicts.bulkGet(reported.map((c) => c.key));
    const conflictRows: ConflictRow[] = reported
      .filter((_, i) => known[i] === undefined)
      .map((c) => ({ ...c, id: c.key, state: 'open', detectedAt: now.toISOString(), bundleId: header.bundleId, peer: header.sender.installationId }));

    // One revision per case written and per audit event that arrived, plus one for the import itself.
    const revisions = writes.length + plan.audit.writes.length + withdrawnRows.length + 1;
    const deltas: Record<string, number> = { ...counterDeltas(writes), [COUNTER_REV]: revisions };
    for (const row of withdrawnRows) {
      deltas[COUNTER_TOTAL] = (deltas[COUNTER_TOTAL] ?? 0) - 1;
      deltas[statusCounter(row.status)] = (deltas[statusCounter(row.status)] ?? 0) - 1;
    }
    if (conflictRows.length > 0) deltas[COUNTER_OPEN_CONFLICTS] = conflictRows.length;
    const keys = Object.keys(deltas);
    const before = await db.counters.bulkGet(keys);
    const after = keys.map((key, i) => ({ key, value: (before[i]?.value ?? 0) + deltas[key]! }));
    await db.counters.bulkPut(after);
    const finalRev = after.find((row) => row.key === COUNTER_REV)!.value;
    let next = finalRev - revisions;

    // Chunks are queued without waiting for each to finish (a few in flight), so the database never
    // idles while the next chunk is prepared.
    let done = 0;
    const inFlight: Array<Promise<unknown>> = [];
    for (let start = 0; start < live.length; start += APPLY_CHUNK) {
      const chunk = live.slice(start, start + APPLY_CHUNK);
      const stored = [];
      const rows = [];
      for (const write of chunk) {
        next += 1;
        stored.push(storedConsultation(write, next, sender));
        rows.push({ ...write.row!, rev: next });
      }
      const written = Promise.all([db.consultations.bulkPut(stored), db.caseRows.bulkPut(rows)]).then(() => {
        done += chunk.length;
        options.onProgress?.({ phase: 'writing', done, total: writes.length });
      });
      written.catch(() => undefined); // awaited below; a failure aborts the transaction
      inFlight.push(written);
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    if (deleted.length > 0) {
      const tombstones = deleted.map((write) => storedTombstone(write, (next += 1), sender));
      const ids = tombstones.map((t) => t.id);
      await Promise.all([db.tombstones.bulkPut(tombstones), db.consultations.bulkDelete(ids), db.caseRows.bulkDelete(ids)]);
    }
    await inChunks(plan.audit.writes, async (chunk) => {
      await db.audit.bulkPut(chunk.map((event) => storedAudit(event, (next += 1), sender)));
    });
    for (const event of admissionEvents) await addAudit(db, event);
    if (withdrawFrom !== undefined) await withdrawCases(db, live.map((write) => write.record.id), withdrawnRows.map((row) => row.id), auditStamp!, () => (next += 1));
    if (plan.draft.writes.length > 0) await db.recommendationDrafts.bulkPut(plan.draft.writes);
    if (plan.network.writes.length > 0) await db.networks.bulkPut(arrivedRegistry(plan.network.writes, plan.network.same, finalRev, sender));
    if (plan.meeting.writes.length > 0) await db.meetings.bulkPut(arrivedRegistry(plan.meeting.writes, plan.meeting.same, finalRev, sender));
    if (plan.method.writes.length > 0) await db.methods.bulkPut(arrivedRegistry(plan.method.writes, plan.method.same, finalRev, sender));
    if (conflictRows.length > 0) await db.conflicts.bulkAdd(conflictRows);
    const quarantined = [plan.consultation, plan.network, plan.meeting, plan.method, plan.audit].flatMap((part) => part.quarantined);
    if (quarantined.length > 0) {
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
    }
    await advanceCaseSequences(db, settings.caseCodePrefix, writes);

    // Exchange state: a full/delta bundle counts as received (unless something was quarantined: then
    // the sender's next delta must carry it again) and tells which of our bundles the sender has.
    const full = header.scope.kind === 'full' || header.scope.kind === 'delta';
    const peer: ExchangePeerRow = (await db.exchangePeers.get(sender)) ?? { id: sender, kind: 'installation', state: {} };
    await db.exchangePeers.put({
      ...peer,
      name: header.sender.name,
      state: full ? stateAfterImport(peer.state, sender, quarantined.length === 0 ? header.clock.to : undefined, header.acknowledged[installation.id]) : peer.state,
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
      rev: finalRev,
    };
    await db.exchangeLog.put(log);
    await db.importedBundles.add({ id: header.bundleId, at: now.toISOString(), sender });
    const sum = (key: keyof PreviewCounts) => String(Object.values(counts).reduce((total, c) => total + c[key], 0));
    await addAudit(db, 
      auditEvent(ctx, now, auditStamp!, {
        action: 'exchange.import',
        entity: 'exchange',
        entityId: header.bundleId,
        details: {
          sender,
          scope: header.scope.kind,
          records: String(Object.values(header.counts).reduce((total, n) => total + n, 0)),
          new: sum('new'),
          updated: sum('updated'),
          conflicts: String(conflictRows.length),
          quarantined: sum('quarantined'),
        },
      }),
    );
    return { applied: true, bundleId: header.bundleId, counts, newConflicts: conflictRows.length, quarantined: quarantined.length };
  });
}
