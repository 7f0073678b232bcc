import { checkClocks } from '../../../../shared/sync/quarantine';
import { isTombstone } from '../../../../shared/sync/record';
import type { OtkDatabase } from '../../db/schema';
import type { CommandContext } from '../../access/context';
import { addAudit } from '../audit';
import { ProtectionError } from '../../../../shared/protection/errors';
import { COUNTER_REV } from '../../db/counters';
import { readInstallation } from '../../queries/installation';
import { readSettings } from '../../queries/settings';
import { receiveAndTake } from './peers';
import { storedAudit } from './delta-marks';
import { planAudit, planConsultations, planDrafts, planRegistry, planWithdrawn, StampMax, type ImportPlan, type PlanEnv } from './plan';
import type { ProgressListener } from '../../../../shared/sync/wire/types';
import type { ConsultationStatus } from '../../../../shared/domain/codes';
import { deskRefusal, intakeModeOf, withdrawFromOf, type ImportReady, type ImportResult } from './import';
import { sealCases } from './seal-writes';
import { admitRequests, advanceCaseSequences, AUDIT_CHUNK, countImport, importTables, inChunks, laterOf, newConflictRows, recordImport, withdrawCases, writeCases, writeQuarantine, writeRegistries } from './apply-steps';
import { mergeSummaries, summariseWrites, summariseWritesInSlices } from './write-summary';
import { timeSlicer } from '../../db/next-task';

/**
 * Applies a previewed bundle in ONE transaction (its cases sealed just before it, ./seal-writes, so
 * that the transaction only writes): the merged cases and their list rows (each with a
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
  // The cryptography before the transaction: it only writes (a re-planned write is sealed on put).
  const sealed = await sealCases(db, preview.plan.consultation.writes, { onProgress: options.onProgress });
  // So is every walk over all the writes (counters, case-code sequences): in slices, not in one task of the transaction.
  const planned = preview.plan.consultation;
  const prepared = await summariseWritesInSlices(
    planned.writes.filter((write) => write.admit !== true),
    settings.caseCodePrefix,
    timeSlicer(),
  );
  options.onProgress?.({ phase: 'writing', done: 0, total: preview.plan.consultation.writes.length });
  return db.transaction('rw', importTables(db), async () => {
    if (await db.importedBundles.get(header.bundleId)) {
      return { applied: false, reason: 'already-imported' as const, bundleId: header.bundleId, counts: preview.counts, newConflicts: 0, quarantined: 0 };
    }
    const plan = await currentPlan(db, preview, env);
    // The clock takes in the newest stamp applied (the header's clock too, unless it is too far ahead);
    // then one stamp for each admitted request's receipt and one for each audit event written here.
    const admitted = plan.consultation.writes.filter((write) => write.admit);
    const headerTo = checkClocks({ to: header.clock.to }, now.getTime()).quarantined.length === 0 ? header.clock.to : undefined;
    const [auditStamp, ...admissionStamps] = await receiveAndTake(db, now.getTime(), laterOf(plan.maxStamp, headerTo), 1 + 2 * admitted.length);
    const admissionEvents = await admitRequests(ctx, admitted, admissionStamps, settings, now, header.bundleId);
    const writes = plan.consultation.writes;
    const withdrawnRows = (await db.caseRows.bulkGet(plan.withdrawn)).filter((row) => row !== undefined);
    const conflictRows = await newConflictRows(db, plan, header, now);
    // The summary prepared before the transaction holds while the cases are the preview's (else they were planned again here).
    const unadmitted = plan.consultation === planned ? prepared : summariseWrites(writes.filter((write) => write.admit !== true), settings.caseCodePrefix);
    const summary = mergeSummaries(unadmitted, summariseWrites(admitted, settings.caseCodePrefix));
    const { finalRev, firstRev } = await countImport(db, plan, summary.deltas, withdrawnRows as Array<{ status: ConsultationStatus }>, conflictRows.length);
    let rev = firstRev;
    const nextRev = () => (rev += 1);

    await writeCases(db, writes, sender, nextRev, options.onProgress, sealed);
    await inChunks(plan.audit.writes, AUDIT_CHUNK, (chunk) => db.audit.bulkPut(chunk.map((event) => storedAudit(event, nextRev(), sender))));
    for (const event of admissionEvents) await addAudit(db, event);
    if (withdrawFrom !== undefined) {
      const arriving = writes.filter((write) => !isTombstone(write.record)).map((write) => write.record.id);
      await withdrawCases(db, arriving, withdrawnRows.map((row) => row.id), auditStamp!, nextRev);
    }
    await writeRegistries(db, plan, finalRev, sender);
    if (conflictRows.length > 0) await db.conflicts.bulkAdd(conflictRows);
    const quarantined = await writeQuarantine(db, plan, header, now);
    await advanceCaseSequences(db, summary.highest);
    const counts = await recordImport(ctx, { header, plan, installationId: installation.id, finalRev, newConflicts: conflictRows.length, quarantined, auditStamp: auditStamp!, now });
    return { applied: true, bundleId: header.bundleId, counts, newConflicts: conflictRows.length, quarantined };
  });
}

/**
 * The plan to apply: the preview's, with the registries and drafts merged against what is stored
 * now (they change without moving the list revision), and the cases and audit events merged again
 * if the database changed since the preview.
 */
async function currentPlan(db: OtkDatabase, preview: ImportReady, env: PlanEnv): Promise<ImportPlan> {
  const { records, header } = preview;
  const registryMax = new StampMax();
  const { network, meeting, method } = await planRegistry(db, records, env, registryMax);
  const draft = await planDrafts(db, records.draft, env, header.bundleId);
  const plan: ImportPlan = { ...preview.plan, network, meeting, method, draft, maxStamp: laterOf(preview.plan.maxStamp, registryMax.value) };
  const rev = (await db.counters.get(COUNTER_REV))?.value ?? 0;
  if (!plan.stale && rev === plan.snapshotRev) return plan;
  const max = new StampMax();
  const consultation = await planConsultations(db, records.consultation, env, max);
  const audit = await planAudit(db, records.audit, env, max);
  const withdrawn = await planWithdrawn(db, records.consultation, env);
  return { ...plan, consultation, audit, withdrawn, maxStamp: laterOf(max.value, registryMax.value), snapshotRev: rev, stale: false };
}
