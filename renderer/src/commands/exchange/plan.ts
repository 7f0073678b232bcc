import type { AuditEvent } from '../../../../shared/domain/audit';
import type { CaseRow } from '../../../../shared/domain/case-row';
import { caseRowOf } from '../../../../shared/domain/case-row';
import type { ConsultationStatus } from '../../../../shared/domain/consultation';
import type { Settings } from '../../../../shared/domain/settings';
import { mergeAuditEvent } from '../../../../shared/sync/audit-set';
import type { FieldConflict } from '../../../../shared/sync/conflict';
import { knowledgeOf, sameKnowledge } from '../../../../shared/sync/knowledge';
import { mergeRecord } from '../../../../shared/sync/merge';
import type { PreviewCounts } from '../../../../shared/sync/preview';
import { MAX_DRIFT_MS } from '../../../../shared/sync/hlc';
import { checkClocks, type QuarantinedStamp } from '../../../../shared/sync/quarantine';
import { isTombstone, type StampedRecord, type Tombstone } from '../../../../shared/sync/record';
import type { MeetingRecord, NetworkRecord, OtkDatabase } from '../../db/schema';
import type { RecommendationDraftRow } from '../../db/rows/desk';
import { currentNetworkId } from '../../../../shared/sync/scope';
import { requestFindings, requestProblem } from './admit-requests';
import { caseCodeOf } from '../../../../shared/sync/wire/validate';
import { COUNTER_REV } from '../../db/counters';
import type { SyncedConsultation, TombstoneRow } from '../../db/rows/exchange';
import { LocalIds } from './local-ids';
import { refusal, type EntryType, type ImportRefusal, type RefusalDetail, type ProgressListener, type WireConsultation, type WireDraft, type WireMeeting, type WireMethod, type WireNetwork, type WireRecords } from '../../../../shared/sync/wire/types';
import type { MethodRecord } from '../../db/method-record';
import { CONFLICT_FIELDS, completeAndDerive, wireAudit, type StoredAuditEvent } from '../../../../shared/sync/wire/records';

/**
 * What importing a bundle would do, worked out against the database without writing anything:
 * per record, merged with what is stored (shared/sync/merge), quarantined when a clock is more than
 * 24 h ahead, and for every case written its new list row. Reads go page by page (one bulkGet of
 * the stored copies per page, never one get per record). The same functions run again inside the
 * applying transaction when the database changed since the preview.
 */

export const PLAN_PAGE = 2000;

export type BeforeState = ConsultationStatus | 'deleted' | null;

export interface ConsultationWrite {
  /** The record to store (its `rev` is assigned when applied), or its tombstone. */
  record: Omit<SyncedConsultation, 'rev'> | Tombstone;
  /** Its state before the import: a status, deleted, or not held here. */
  before: BeforeState;
  /** The list row (its `rev` is assigned when applied); null for a tombstone. */
  row: Omit<CaseRow, 'rev'> | null;
  /** A requester's new request, admitted as a received case when applied (./admit-requests). */
  admit?: boolean;
  /** The record written is exactly the sender's copy (see isSendersCopy): a delta back to the sender leaves it out. */
  exact?: boolean;
}

export interface QuarantineEntry {
  type: EntryType;
  recordId: string;
  record: unknown;
  stamps: QuarantinedStamp[];
}

export interface RecordPlan<W> {
  counts: PreviewCounts;
  writes: W[];
  quarantined: QuarantineEntry[];
  /** Networks and meetings: the ids of the writes that are exactly the sender's copy. */
  same?: ReadonlySet<string>;
}

export interface ConsultationPlan extends RecordPlan<ConsultationWrite> {
  conflicts: FieldConflict[];
  /** In requests to be admitted: what the identifier guard warns about (shown in the preview, not refused). */
  findings: RefusalDetail[];
}

export interface ImportPlan {
  consultation: ConsultationPlan;
  network: RecordPlan<NetworkRecord>;
  meeting: RecordPlan<MeetingRecord>;
  /** A centre's own methods (issue 21). */
  method: RecordPlan<MethodRecord>;
  audit: RecordPlan<AuditEvent>;
  /** Recommendation drafts that came back from an expert desk. */
  draft: RecordPlan<RecommendationDraftRow>;
  /** Expert desk: the cases this desk holds that are no longer routed to its network (removed when applied). */
  withdrawn: string[];
  /** The newest stamp among the records that will be applied (the clock receives it). */
  maxStamp: string | undefined;
  /** COUNTER_REV when planning began; when it differs at apply time, the plan is worked out again. */
  snapshotRev: number;
  /** The database changed while planning (the plan is worked out again when applied). */
  stale: boolean;
}

export interface PlanEnv {
  nowMs: number;
  settings: Settings;
  /**
   * How this desk takes cases in: a coordinator admits a requester's new requests (checked with
   * the intake rules, given the centre's receipt and code when applied); a requester's desk takes
   * the centre's case code for its own requests.
   */
  intake?: 'admit-requests' | 'adopt-case-code';
  /**
   * An expert desk opening its network's bundle: the bundle holds every case routed to the network
   * now, so a case held here for it and missing from the bundle was routed elsewhere (or purged)
   * and leaves this desk (`ImportPlan.withdrawn`).
   */
  withdrawFrom?: string;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  /** Yields to the event loop between records when a slice of work is used up (./slices); never inside a transaction. */
  pause?: () => Promise<void> | null;
}

/** A refusal found while planning (a record whose derived fields or list row cannot be computed). */
export class PlanRefusal extends Error {
  constructor(
    readonly refusal: ImportRefusal,
    options?: { cause?: unknown },
  ) {
    super(refusal.code, options);
    this.name = 'PlanRefusal';
  }
}

const emptyCounts = (): PreviewCounts => ({ new: 0, updated: 0, unchanged: 0, conflicts: 0, quarantined: 0 });

class StampMax {
  value: string | undefined;
  add(stamp: string): void {
    if (this.value === undefined || stamp > this.value) this.value = stamp;
  }
  addAll(stamps: Readonly<Record<string, string>> | undefined): void {
    if (stamps) for (const stamp of Object.values(stamps)) this.add(stamp);
  }
}

/** The first 15 characters (the wall time) of a stamp more than 24 h ahead of `nowMs` compare greater than this. */
function aheadLimit(nowMs: number): string {
  return String(Math.floor(nowMs) + MAX_DRIFT_MS).padStart(15, '0');
}

function quarantineCheck(stamps: Readonly<Record<string, string>>, seen: Readonly<Record<string, string>> | undefined, nowMs: number, limit: string): QuarantinedStamp[] {
  // Fast path: stamps are fixed-width, so comparing the wall digits as strings finds any clock too far ahead.
  let ahead = false;
  for (const stamp of Object.values(stamps)) if (stamp.slice(0, 15) > limit) ahead = true;
  if (seen) for (const stamp of Object.values(seen)) if (stamp.slice(0, 15) > limit) ahead = true;
  if (!ahead) return [];
  const all: Record<string, string> = { ...stamps };
  if (seen) for (const [peer, stamp] of Object.entries(seen)) all[`seen.${peer}`] = stamp;
  return checkClocks(all, nowMs).quarantined;
}

/**
 * The merged record is exactly the sender's copy: the same stamp on every field and the same
 * knowledge. Then the sender holds everything of it that syncs (unstamped, derived fields are
 * never merged), and sending it back would change nothing there.
 */
export function isSendersCopy(merged: StampedRecord | Tombstone, incoming: StampedRecord | Tombstone): boolean {
  const mine = merged.stamps as Readonly<Record<string, string>>;
  const theirs = incoming.stamps as Readonly<Record<string, string>>;
  const fields = Object.keys(mine);
  if (fields.length !== Object.keys(theirs).length || fields.some((field) => mine[field] !== theirs[field])) return false;
  return sameKnowledge(knowledgeOf(merged), knowledgeOf(incoming));
}

function pages<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += PLAN_PAGE) out.push(items.slice(start, start + PLAN_PAGE));
  return out;
}

export async function planConsultations(db: OtkDatabase, incoming: readonly WireConsultation[], env: PlanEnv, max: StampMax): Promise<ConsultationPlan> {
  const counts = emptyCounts();
  const pending = new Map<string, ConsultationWrite>();
  const before = new Map<string, BeforeState>();
  const conflicts: FieldConflict[] = [];
  const quarantined: QuarantineEntry[] = [];
  const findings: RefusalDetail[] = [];
  const localIds = await LocalIds.load(db, env.withdrawFrom !== undefined);
  const limit = aheadLimit(env.nowMs);
  let index = 0;
  for (const page of pages(incoming)) {
    env.signal?.throwIfAborted();
    const ids = [...new Set(page.map((record) => record.id))].filter((id) => !before.has(id));
    const rows = await localIds.read(db, ids);
    const stored = new Map<string, SyncedConsultation | Tombstone>();
    for (const id of ids) {
      const row = rows.get(id);
      if (row && isTombstone(row)) {
        const { rev: _rev, entity: _entity, ...plain } = row as TombstoneRow;
        stored.set(id, plain);
        before.set(id, 'deleted');
      } else if (row) {
        stored.set(id, row);
        before.set(id, row.status);
      } else before.set(id, null);
    }
    for (const record of page) {
      const paused = env.pause?.();
      if (paused) await paused;
      const position = index++;
      const ahead = quarantineCheck(record.stamps, record.seen, env.nowMs, limit);
      if (ahead.length > 0) {
        counts.quarantined++;
        quarantined.push({ type: 'consultation', recordId: record.id, record, stamps: ahead });
        continue;
      }
      const local = pending.get(record.id)?.record ?? stored.get(record.id);
      const admit = env.intake === 'admit-requests' && local === undefined && !isTombstone(record);
      if (admit) {
        const problem = requestProblem(record as SyncedConsultation, new Date(env.nowMs));
        if (problem !== null) throw new PlanRefusal(refusal('invalid-record', { type: 'consultation', index: position, field: problem.path, problem: problem.message, request: true }));
        for (const found of requestFindings(record as SyncedConsultation, new Date(env.nowMs))) findings.push({ type: 'consultation', index: position, field: found.path, problem: found.message, request: true });
      }
      const result = mergeRecord<SyncedConsultation>(local as SyncedConsultation | Tombstone | undefined, record as SyncedConsultation | Tombstone, { freeTextFields: CONFLICT_FIELDS });
      // A requester's desk takes the centre's case code and target date for its own requests (unstamped, so the merge keeps the local ones).
      const adoptCode =
        env.intake === 'adopt-case-code' &&
        local !== undefined &&
        !isTombstone(local) &&
        !isTombstone(result.record) &&
        !isTombstone(record) &&
        (record.caseCode !== local.caseCode || record.targetDate !== local.targetDate);
      if (adoptCode) {
        result.write = true;
        if (result.outcome === 'unchanged') result.outcome = 'updated';
      }
      if (result.conflicts.length > 0) {
        counts.conflicts++;
        conflicts.push(...result.conflicts);
      } else counts[result.outcome]++;
      max.addAll(record.stamps);
      max.addAll(record.seen);
      if (!result.write) continue;
      const merged = result.record;
      if (isTombstone(merged)) {
        pending.set(record.id, { record: merged, before: before.get(record.id)!, row: null, exact: isSendersCopy(merged, record) });
        continue;
      }
      // Only the knowledge vector "grew" to what the stored record implies already: nothing to write.
      if (!adoptCode && local !== undefined && !isTombstone(local) && result.changedFields.length === 0 && sameKnowledge(knowledgeOf(local), knowledgeOf(merged))) continue;
      try {
        const completed = completeAndDerive(merged, result.changedFields, local === undefined, env.settings);
        if (env.intake === 'adopt-case-code' && !isTombstone(record)) Object.assign(completed, { caseCode: record.caseCode, targetDate: record.targetDate });
        const { rev: _rev, ...row } = caseRowOf({ ...completed, rev: 0 });
        const { rev: _recordRev, ...plain } = completed as SyncedConsultation & { rev?: number };
        const exact = !admit && !adoptCode && isSendersCopy(plain, record);
        pending.set(record.id, { record: plain, before: before.get(record.id)!, row, exact, ...(admit ? { admit: true } : {}) });
      } catch (error) {
        throw new PlanRefusal(refusal('invalid-record', { type: 'consultation', index: position, ...caseCodeOf(record) }), { cause: error });
      }
    }
    env.onProgress?.({ phase: 'planning', done: index, total: incoming.length });
  }
  return { counts, writes: [...pending.values()], conflicts, quarantined, findings };
}

/**
 * Networks and meetings merge field by field like cases (shared/sync/merge: the later stamp of each
 * field wins), so two installations that changed different fields of the same record both keep
 * their change. Their free text (a network's note, a meeting's location) is short practical text:
 * the later edit wins without a conflict copy. A record whose stamps run more than 24 h ahead is
 * quarantined. The local revision and `updatedAt` stay local.
 */
async function planWhole<W extends { id: string; stamps: Record<string, string> }, S extends W & { rev: number }>(
  table: 'networks' | 'meetings' | 'methods',
  type: 'network' | 'meeting' | 'method',
  db: OtkDatabase,
  incoming: readonly W[],
  env: PlanEnv,
  max: StampMax,
): Promise<RecordPlan<S>> {
  const counts = emptyCounts();
  const quarantined: QuarantineEntry[] = [];
  const pending = new Map<string, S>();
  const same = new Set<string>();
  for (const page of pages(incoming)) {
    const storedRows = await db.table<S, string>(table).bulkGet(page.map((record) => record.id));
    const stored = new Map(storedRows.filter((row): row is S => row !== undefined).map((row) => [row.id, row]));
    for (const record of page) {
      const ahead = checkClocks(record.stamps, env.nowMs).quarantined;
      if (ahead.length > 0) {
        counts.quarantined++;
        quarantined.push({ type, recordId: record.id, record, stamps: ahead });
        continue;
      }
      for (const stamp of Object.values(record.stamps)) max.add(stamp);
      const local = pending.get(record.id) ?? stored.get(record.id);
      const merged = mergeRecord(local, { ...record, rev: local?.rev ?? 0 } as unknown as S);
      if (!merged.write) {
        counts.unchanged++;
        continue;
      }
      counts[merged.outcome === 'new' ? 'new' : merged.outcome === 'updated' ? 'updated' : 'unchanged']++;
      const next = merged.record as unknown as S;
      pending.set(record.id, { ...next, rev: (local?.rev ?? 0) + 1, ...(local && merged.outcome === 'updated' ? { updatedAt: (record as unknown as { updatedAt: string }).updatedAt } : {}) } as S);
      if (isSendersCopy(next, record)) same.add(record.id);
      else same.delete(record.id);
    }
  }
  return { counts, writes: [...pending.values()], quarantined, same };
}

export async function planAudit(db: OtkDatabase, incoming: readonly AuditEvent[], env: PlanEnv, max: StampMax): Promise<RecordPlan<AuditEvent>> {
  const counts = emptyCounts();
  const quarantined: QuarantineEntry[] = [];
  const pending = new Map<string, AuditEvent>();
  for (const page of pages(incoming)) {
    env.signal?.throwIfAborted();
    const ids = page.map((event) => event.id);
    const storedRows = (await db.audit.bulkGet(ids)) as Array<StoredAuditEvent | undefined>;
    const stored = new Map(storedRows.filter((row): row is StoredAuditEvent => row !== undefined).map((row) => [row.id, wireAudit(row)]));
    for (const event of page) {
      const ahead = checkClocks({ clock: event.clock }, env.nowMs).quarantined;
      if (ahead.length > 0) {
        counts.quarantined++;
        quarantined.push({ type: 'audit', recordId: event.id, record: event, stamps: ahead });
        continue;
      }
      max.add(event.clock);
      const result = mergeAuditEvent(pending.get(event.id) ?? stored.get(event.id), event);
      counts[result.outcome]++;
      if (result.outcome !== 'unchanged') pending.set(event.id, result.event);
    }
  }
  return { counts, writes: [...pending.values()], quarantined };
}

/**
 * Recommendation drafts an expert desk sent back: each for a case held here and routed to that
 * network now (else the bundle is refused: a draft for a case re-routed elsewhere must not land on
 * it). A draft not newer than the one held is unchanged.
 */
export async function planDrafts(db: OtkDatabase, incoming: readonly WireDraft[], env: PlanEnv, bundleId: string): Promise<RecordPlan<RecommendationDraftRow>> {
  const counts = emptyCounts();
  const writes: RecommendationDraftRow[] = [];
  if (incoming.length === 0) return { counts, writes, quarantined: [] };
  const ids = incoming.map((draft) => draft.id);
  const [cases, held] = await Promise.all([db.consultations.bulkGet(ids), db.recommendationDrafts.bulkGet(ids)]);
  incoming.forEach((draft, index) => {
    const record = cases[index];
    if (!record || currentNetworkId(record) !== draft.networkId) throw new PlanRefusal(refusal('unknown-case', { type: 'draft', index, ...caseCodeOf(draft) }));
    const before = held[index];
    if (before && before.updatedAt >= draft.updatedAt) {
      counts.unchanged++;
      return;
    }
    counts[before ? 'updated' : 'new']++;
    writes.push({ ...draft, caseCode: record.caseCode, state: 'received', receivedAt: new Date(env.nowMs).toISOString(), bundleId });
  });
  return { counts, writes, quarantined: [] };
}

async function revision(db: OtkDatabase): Promise<number> {
  return (await db.counters.get(COUNTER_REV))?.value ?? 0;
}

/** Plans networks and meetings (small; planned again inside the applying transaction every time). */
export async function planRegistry(db: OtkDatabase, records: WireRecords, env: PlanEnv, max: StampMax) {
  const network = await planWhole<WireNetwork, NetworkRecord>('networks', 'network', db, records.network, env, max);
  const meeting = await planWhole<WireMeeting, MeetingRecord>('meetings', 'meeting', db, records.meeting, env, max);
  const method = await planWhole<WireMethod, MethodRecord>('methods', 'method', db, records.method, env, max);
  return { network, meeting, method };
}

export async function planImport(db: OtkDatabase, records: WireRecords, env: PlanEnv, bundleId: string): Promise<ImportPlan> {
  const snapshotRev = await revision(db);
  const max = new StampMax();
  const consultation = await planConsultations(db, records.consultation, env, max);
  const { network, meeting, method } = await planRegistry(db, records, env, max);
  const audit = await planAudit(db, records.audit, env, max);
  const draft = await planDrafts(db, records.draft, env, bundleId);
  const withdrawn = await planWithdrawn(db, records.consultation, env);
  const stale = (await revision(db)) !== snapshotRev;
  return { consultation, network, meeting, method, audit, draft, withdrawn, maxStamp: max.value, snapshotRev, stale };
}

/** The cases an expert desk holds for its network that its network's bundle no longer carries (a desk holds tens). */
export async function planWithdrawn(db: OtkDatabase, incoming: readonly WireConsultation[], env: PlanEnv): Promise<string[]> {
  if (env.withdrawFrom === undefined) return [];
  const carried = new Set(incoming.map((record) => record.id));
  const rows = await db.caseRows.toArray();
  return rows.filter((row) => row.networkId === env.withdrawFrom && !carried.has(row.id)).map((row) => row.id);
}

export { StampMax };
