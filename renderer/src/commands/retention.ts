import type { CaseRow } from '../../../shared/domain/case-row';
import type { ConsultationRecord } from '../../../shared/domain/consultation';
import type { IsoDate } from '../../../shared/calendar/finnish-holidays';
import { helsinkiDate } from '../../../shared/calendar/target-date';
import {
  DEFAULT_RETENTION_POLICY,
  dueForPurge,
  duePurges,
  purgeAuditDetails,
  purgeTombstoneOf,
  retentionCaseOf,
  retentionPolicySchema,
  type DuePurge,
  type RetentionCase,
  type RetentionDecision,
  type RetentionPolicy,
  type RetentionPolicyInput,
} from '../../../shared/protection/retention';
import { clearIndexSnapshot } from '../db/index-snapshot';
import type { OtkDatabase } from '../db/schema';
import type { CommandContext } from '../access/context';
import { ValidationError } from '../access/errors';
import { takeStamps } from './stamps';
import { addAudit, auditEvent } from './audit';
import { bumpCounters } from './counters';
import { COUNTER_REV, COUNTER_TOTAL, statusCounter } from '../db/counters';
import { requireCase, requireGlobal } from '../access/guards';
import { unbookFromMeeting } from './meeting-records';
import { requesterKeyPart } from '../../../shared/domain/requester-key';
import { requesterStorageKey } from '../access/requester-key';
import { COUNTER_OPEN_CONFLICTS } from '../db/counters';
import type { SyncedConsultation, TombstoneRow } from '../db/rows/exchange';

/**
 * Retention (issue 8): the centre's policy (shared/protection/retention), the list of cases due for
 * purging, and the purge itself. A purge leaves, per case, only the content-free sync tombstone (so
 * no stale copy from another installation brings the case back, and delta bundles carry the
 * deletion) and one 'retention.purge' audit event with codes — never the case's text.
 */

/** The meta row holding the retention policy. */
export const RETENTION_POLICY_KEY = 'retentionPolicy';

/** Cases per purge transaction: large purges commit in chunks (each case whole, never half). */
export const PURGE_CHUNK = 500;
/** Records read per step while checking candidates, and list rows per page of the fallback scan. */
const READ_CHUNK = 2000;

/** The saved policy, defaults filled in (the defaults when none is saved or the stored one is unreadable). */
export async function readRetentionPolicy(db: OtkDatabase): Promise<RetentionPolicy> {
  const row = await db.meta.get(RETENTION_POLICY_KEY);
  const parsed = retentionPolicySchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_RETENTION_POLICY;
}

/** Saves the policy (validated; audited with the fields changed and their new values, which are codes). */
export async function saveRetentionPolicy(ctx: CommandContext, input: RetentionPolicyInput): Promise<RetentionPolicy> {
  requireGlobal(ctx, 'retention.review');
  const parsed = retentionPolicySchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const policy = parsed.data;
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.meta, db.audit], async () => {
    const before = await readRetentionPolicy(db);
    const fields = (Object.keys(policy) as Array<keyof RetentionPolicy>).filter((key) => before[key] !== policy[key]);
    if (fields.length === 0 && (await db.meta.get(RETENTION_POLICY_KEY))) return before;
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    await db.meta.put({ key: RETENTION_POLICY_KEY, value: policy });
    await addAudit(
      db,
      auditEvent(ctx, now, stamp!, {
        action: 'retention.policy',
        entity: 'retention',
        entityId: RETENTION_POLICY_KEY,
        fields,
        details: Object.fromEntries(Object.entries(policy).map(([key, value]) => [key, String(value)])),
      }),
    );
    return policy;
  });
}

/** What the due list needs of a list row: codes and the date of receipt, no content. */
export type RetentionRow = Pick<CaseRow, 'id' | 'caseCode' | 'status' | 'consentMode' | 'receivedDate'>;

/** A case due for purging, with its code for the list. */
export type DueCase = DuePurge & { caseCode: string };

const ENDED: ReadonlySet<string> = new Set(['closed', 'declined', 'cancelled']);

/**
 * Could the case be due today? The list row holds status and consent mode but not the closing or
 * decision date, so this asks the policy with the date of receipt in their place: a case is closed
 * or decided on or after the day it was received (intake refuses receipt dates in the future, and
 * transitions are dated when they are taken), and the due date only moves later as the starting
 * date does. So a row that is not due this way is not due at all, and only the rows that pass need
 * their record read for the exact date.
 */
export function mayBeDue(row: RetentionRow, policy: RetentionPolicy, today: IsoDate): boolean {
  if (!ENDED.has(row.status)) return false;
  const bound: RetentionCase = { id: row.id, status: row.status, consentMode: row.consentMode, closedAt: row.receivedDate, decidedAt: row.receivedDate };
  const decision = dueForPurge(bound, policy, today);
  return decision.applies && decision.due;
}

/** Every list row, page by page along the primary key (when the caller has no in-memory index). */
async function* caseRowPages(db: OtkDatabase): AsyncGenerator<CaseRow[]> {
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? db.caseRows.orderBy(':id') : db.caseRows.where(':id').above(after)).limit(READ_CHUNK).toArray();
    if (page.length > 0) yield page;
    if (page.length < READ_CHUNK) return;
    after = page[page.length - 1]!.id;
  }
}

/** The exact retention decision of the stored records among `ids`, read a chunk at a time. */
async function exactDue(db: OtkDatabase, ids: readonly string[], policy: RetentionPolicy, today: IsoDate): Promise<DueCase[]> {
  const cases: RetentionCase[] = [];
  const codes = new Map<string, string>();
  for (let start = 0; start < ids.length; start += READ_CHUNK) {
    const records = await db.consultations.bulkGet(ids.slice(start, start + READ_CHUNK));
    for (const record of records) {
      if (!record) continue;
      cases.push(retentionCaseOf(record));
      codes.set(record.id, record.caseCode);
    }
  }
  return duePurges(cases, policy, today).map((due) => ({ ...due, caseCode: codes.get(due.id)! }));
}

/**
 * The cases due for purging on `today` (a Finnish date) under the saved policy, earliest due first.
 * Never reads every record: the list rows (the in-memory index's `rows`, or one paged pass over the
 * `caseRows` table when none are given) rule out open cases and cases received too recently to be
 * due (see mayBeDue); only the remaining candidates' records are read, for their closing or
 * decision date.
 */
export async function dueCases(ctx: CommandContext, today: IsoDate, rows?: Iterable<RetentionRow>): Promise<DueCase[]> {
  requireGlobal(ctx, 'retention.review');
  const { db } = ctx;
  const policy = await readRetentionPolicy(db);
  const candidates: string[] = [];
  if (rows) {
    for (const row of rows) if (mayBeDue(row, policy, today)) candidates.push(row.id);
  } else {
    for await (const page of caseRowPages(db)) for (const row of page) if (mayBeDue(row, policy, today)) candidates.push(row.id);
  }
  return exactDue(db, candidates, policy, today);
}

export type PurgeSkipReason = 'missing' | 'not-due';

export interface PurgeResult {
  /** The ids purged, in the order given. */
  purged: string[];
  /** Ids left as they were: already gone, or no longer due (reopened, policy changed). */
  skipped: Array<{ id: string; reason: PurgeSkipReason }>;
}

const purgeTables = (db: OtkDatabase) => [db.consultations, db.caseRows, db.tombstones, db.conflicts, db.quarantine, db.meetings, db.counters, db.audit, db.meta, db.indexSnapshot];

type Due = { record: SyncedConsultation; decision: Extract<RetentionDecision, { applies: true }> };

/** What the purge keeps in memory of a purged case until its requester is checked: the id and the requester. */
type Purged = Pick<ConsultationRecord, 'id' | 'requester'>;

/**
 * Purges one chunk of cases in ONE transaction. Each case is checked again against the saved policy
 * (it may have been reopened since the list was shown): per case, the record and its list row are
 * deleted, its open and resolved conflicts and quarantined copies go, its place in a meeting is
 * freed, the tombstone is written with a fresh stamp and the next list revision (the work list's
 * change feed and delta bundles follow it), the counters move exactly, and one audit event records
 * the rule and dates.
 */
async function purgeChunk(ctx: CommandContext, ids: readonly string[], now: Date): Promise<{ purged: Purged[]; skipped: PurgeResult['skipped'] }> {
  const { db } = ctx;
  const today = helsinkiDate(now);
  return db.transaction('rw', purgeTables(db), async () => {
    const policy = await readRetentionPolicy(db);
    const records = (await db.consultations.bulkGet([...ids])) as Array<SyncedConsultation | undefined>;
    const due: Due[] = [];
    const skipped: PurgeResult['skipped'] = [];
    for (const [i, record] of records.entries()) {
      if (!record) {
        skipped.push({ id: ids[i]!, reason: 'missing' });
        continue;
      }
      const decision = dueForPurge(retentionCaseOf(record), policy, today);
      if (!decision.applies || !decision.due) {
        skipped.push({ id: record.id, reason: 'not-due' });
        continue;
      }
      // Checked for every case before anything is written: a refusal aborts the whole chunk.
      requireCase(ctx, 'retention.purge', record);
      due.push({ record, decision });
    }
    if (due.length > 0) {
      const dueIds = due.map(({ record }) => record.id);
      // A freed place in a meeting is audited as an unbooking (by case id, no content).
      for (const { record } of due) if (record.booking) await unbookFromMeeting(ctx, record.booking.meetingId, record.id, now);
      const conflicts = await db.conflicts.where('recordId').anyOf(dueIds).toArray();
      const quarantined = await db.quarantine.where('recordId').anyOf(dueIds).primaryKeys();

      const deltas: Record<string, number> = { [COUNTER_REV]: due.length, [COUNTER_TOTAL]: -due.length };
      for (const { record } of due) deltas[statusCounter(record.status)] = (deltas[statusCounter(record.status)] ?? 0) - 1;
      const openConflicts = conflicts.filter((c) => c.state === 'open').length;
      if (openConflicts > 0) deltas[COUNTER_OPEN_CONFLICTS] = -openConflicts;
      const counters = await bumpCounters(db, deltas);
      const firstRev = counters[COUNTER_REV]! - due.length + 1;

      const stamps = await takeStamps(db, now.getTime(), due.length * 2);
      const tombstones: TombstoneRow[] = due.map(({ record }, i) => ({ ...purgeTombstoneOf(record, stamps[2 * i]!), entity: 'consultation', rev: firstRev + i }));
      await Promise.all([
        db.consultations.bulkDelete(dueIds),
        db.caseRows.bulkDelete(dueIds),
        db.tombstones.bulkPut(tombstones),
        conflicts.length > 0 ? db.conflicts.bulkDelete(conflicts.map((c) => c.id)) : undefined,
        quarantined.length > 0 ? db.quarantine.bulkDelete(quarantined) : undefined,
        // The list index's sealed snapshot holds the purged rows too: it goes in the same transaction.
        clearIndexSnapshot(db),
      ]);
      for (const [i, { record, decision }] of due.entries()) {
        await addAudit(
          db,
          auditEvent(ctx, now, stamps[2 * i + 1]!, {
            action: 'retention.purge',
            entityId: record.id,
            details: { ...purgeAuditDetails(decision), caseCode: record.caseCode },
          }),
        );
      }
    }
    return { purged: due.map(({ record }) => ({ id: record.id, requester: record.requester })), skipped };
  });
}

/** Who a request came from, as the list row holds it (name and organisation). */
const personOf = (name: string, organisation: string) => `${requesterKeyPart(name)}|${requesterKeyPart(organisation)}`;

/**
 * The remembered requesters (intake's autofill) of the purged cases go too, unless a remaining case
 * is from the same person and organisation: a purge leaves no name behind. One paged pass over the
 * list rows after the purge; a requester used again since the purge began is kept.
 */
async function forgetRequesters(db: OtkDatabase, purged: readonly Purged[], since: string): Promise<void> {
  const byPerson = new Map<string, Set<string>>();
  for (const { requester } of purged) {
    const person = personOf(requester.name, requester.organisation);
    const keys = byPerson.get(person) ?? new Set<string>();
    keys.add(requesterStorageKey(db, requester));
    byPerson.set(person, keys);
  }
  if (byPerson.size === 0) return;
  for await (const page of caseRowPages(db)) {
    for (const row of page) byPerson.delete(personOf(row.requesterName, row.organisation));
    if (byPerson.size === 0) return;
  }
  const keys = [...byPerson.values()].flatMap((set) => [...set]);
  await db.transaction('rw', [db.requesters], async () => {
    const rows = await db.requesters.bulkGet(keys);
    const stale = rows.filter((row) => row !== undefined && row.lastUsedAt <= since).map((row) => row!.key);
    if (stale.length > 0) await db.requesters.bulkDelete(stale);
  });
}

/**
 * Purges the given cases (the coordinator chose them from the due list and confirmed): only cases
 * due under the saved policy today are purged, the rest are reported as skipped. Refused as a whole
 * (`ProtectionError('not-permitted')`, nothing changed) unless the profile may review retention and
 * purge cases. Cannot be undone.
 */
export async function purgeCases(
  ctx: CommandContext,
  ids: readonly string[],
  options: { onProgress?: (done: number, total: number) => void; chunkSize?: number } = {},
): Promise<PurgeResult> {
  requireGlobal(ctx, 'retention.review');
  const unique = [...new Set(ids)];
  const chunkSize = options.chunkSize ?? PURGE_CHUNK;
  const now = ctx.now();
  const result: PurgeResult = { purged: [], skipped: [] };
  const purged: Purged[] = [];
  try {
    for (let start = 0; start < unique.length; start += chunkSize) {
      const chunk = unique.slice(start, start + chunkSize);
      // The chunk's outcome counts only once its transaction has committed.
      const outcome = await purgeChunk(ctx, chunk, now);
      purged.push(...outcome.purged);
      result.purged.push(...outcome.purged.map((record) => record.id));
      result.skipped.push(...outcome.skipped);
      options.onProgress?.(Math.min(start + chunkSize, unique.length), unique.length);
    }
  } finally {
    // Also after a failed chunk: the chunks before it are purged, and so are their requesters.
    await forgetRequesters(ctx.db, purged, now.toISOString());
  }
  return result;
}
