import type { BundleHeader, BundleKey } from '../../../../shared/sync/bundle';
import type { FieldConflict } from '../../../../shared/sync/conflict';
import type { PreviewCounts } from '../../../../shared/sync/preview';
import { isTombstone } from '../../../../shared/sync/record';
import { SYNC_SCHEMA_VERSION } from '../../../../shared/sync/schema-version';
import type { CommandContext } from '../../access/context';
import { ownRequesterId } from '../../access/guards';
import { mayImport } from '../../../../shared/protection/exchange-policy';
import { readInstallation } from '../../queries/installation';
import { readSettings } from '../../queries/settings';
import { inlineCodec, type BundleCodec } from '../../../../shared/sync/wire/codec';
import { timeSlicer } from '../../db/next-task';
import { planImport, PlanRefusal, type ImportPlan, type PlanEnv } from './plan';
import { refusal, type EntryType, type ImportRefusal, type ProgressListener, type RefusalDetail, type WireRecords } from '../../../../shared/sync/wire/types';

/**
 * Import = decrypt → check every record → preview → apply in one transaction → remember the
 * bundle id. previewImport (here) writes nothing; applyImport (./apply) writes everything or nothing.
 */


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
export function intakeModeOf(ctx: CommandContext, header: BundleHeader): PlanEnv['intake'] {
  if (ctx.profile.role === 'requester') return 'adopt-case-code';
  if (ctx.profile.role === 'coordinator' && header.scope.kind === 'requester') return 'admit-requests';
  return undefined;
}

/** An expert desk's network bundle replaces what the desk holds for the network (PlanEnv.withdrawFrom). */
export function withdrawFromOf(ctx: CommandContext, header: BundleHeader): string | undefined {
  return ctx.profile.role === 'expert' && header.scope.kind === 'network' ? header.scope.networkId : undefined;
}

async function planEnv(ctx: CommandContext, header: BundleHeader, options: { onProgress?: ProgressListener; signal?: AbortSignal }): Promise<PlanEnv> {
  const withdrawFrom = withdrawFromOf(ctx, header);
  return {
    nowMs: ctx.now().getTime(),
    settings: await readSettings(ctx.db),
    onProgress: options.onProgress,
    signal: options.signal,
    // The preview plans outside any transaction, on the UI thread: in slices, so the page stays responsive.
    pause: timeSlicer(),
    intake: intakeModeOf(ctx, header),
    ...(withdrawFrom !== undefined ? { withdrawFrom } : {}),
  };
}

/**
 * Is this bundle for this desk? The scope against the profile (shared/protection/exchange-policy),
 * and an expert desk never takes drafts (they go from experts to the coordinator).
 */
export async function deskRefusal(ctx: CommandContext, header: BundleHeader, records: WireRecords): Promise<ImportRefusal | null> {
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

export function countsOf(plan: ImportPlan): Record<EntryType, PreviewCounts> {
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
  // The case codes of the conflicting cases only (a few): a map of every write's would be tens of ms in one task at 100 000.
  const conflicting = new Set(plan.consultation.conflicts.map((c) => c.recordId));
  const caseCodes = new Map<string, string>();
  if (conflicting.size > 0) for (const write of plan.consultation.writes) if (conflicting.has(write.record.id) && !isTombstone(write.record)) caseCodes.set(write.record.id, write.record.caseCode);
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

