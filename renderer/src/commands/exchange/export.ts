import { MIN_KDF_ITERATIONS, type BundleHeader, type BundleKey, type Recipient } from '../../../../shared/sync/bundle';
import { formatStamp } from '../../../../shared/sync/hlc';
import type { BundleEntry } from '../../../../shared/sync/bundle';
import type { ExportKind } from '../../../../shared/protection/exchange-policy';
import { NETWORK_FIELDS, REQUEST_FIELDS, REQUESTER_FIELDS, type Scope } from '../../../../shared/sync/scope';
import { SYNC_SCHEMA_VERSION } from '../../../../shared/sync/schema-version';
import type { OtkDatabase } from '../../db/schema';
import type { CommandContext } from '../../access/context';
import { CommandError } from '../../access/errors';
import { addAudit, auditEvent } from '../audit';
import { exportKindOf, requireExport } from '../../access/guards';
import { COUNTER_REV } from '../../db/counters';
import { takeStamps } from '../stamps';
import { readInstallation } from '../../queries/installation';
import { inlineCodec, type BundleCodec, type EncodeJob } from '../../../../shared/sync/wire/codec';
import { acknowledgementsFor, DELTA_AUDIT_MARGIN_MS, deltaBaseOf, peerKeyOf, readClock } from './peers';
import { readInstallationName } from '../../queries/installation';
import { countSelection, dataKeyOf, readSelection, readSelectionStored, type Selection } from './read';
import type { WorkerCodec } from './worker-client';
import type { ExchangeLogRow, ExchangePeerRow } from '../../db/rows/exchange';
import type { ProgressListener } from '../../../../shared/sync/wire/types';
import type { ExportScope } from '../../../../shared/sync/scope';

/**
 * Export = choose scope and recipient → (the export screen shows what goes) → read page by page →
 * encode (here or in the bundle worker) → record the export in the exchange log and the audit log
 * in one transaction. Cancelling (AbortSignal) before that last step leaves nothing written.
 */

export interface ExportOptions {
  scope: ExportScope;
  recipient: Recipient;
  /** The passphrase, or a key from deriveBundleKey (then its salt and iterations go into the header). */
  passphrase: string | BundleKey;
  /** PBKDF2 iterations (default 600 000). Fewer are for tests only; importers refuse them. */
  kdfIterations?: number;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  /** Where to encode (default: this thread). The UI passes createWorkerCodec(). */
  codec?: BundleCodec;
}

export interface ExportResult {
  /** The .otk file. */
  bytes: Uint8Array;
  /** What was written (scope — a delta without a base becomes full —, counts, bundle id). */
  header: BundleHeader;
  /** A suggested file name, e.g. otk-full-2026-11-23-3f9a1c.otk. */
  fileName: string;
}

export interface ExportPlan {
  /** The scope the bundle will have (a delta with no acknowledged base is written as full). */
  scope: Scope;
  /** Records per type (consultation includes deletions). */
  counts: Record<string, number>;
  /** For a network or requester scope: the case fields it carries (stamped fields; ids and dates too). */
  fields: readonly string[] | null;
}

interface Resolved {
  scope: Scope;
  selection: Selection;
  /** The local revision and clock when reading began (the base of later deltas). */
  rev: number;
  clockTo: string;
  acknowledged: Record<string, string>;
  peer: ExchangePeerRow | undefined;
}

/** Resolves the scope against what the recipient acknowledged; reads the revision and clock in one snapshot. */
async function resolve(db: OtkDatabase, scope: ExportScope, recipient: Recipient): Promise<Resolved> {
  const peerKey = peerKeyOf(recipient);
  return db.transaction('r', [db.meta, db.counters, db.exchangePeers, db.exchangeLog, db.networks, db.recommendationDrafts], async () => {
    const rev = (await db.counters.get(COUNTER_REV))?.value ?? 0;
    const clockTo = formatStamp(await readClock(db));
    const peers = await db.exchangePeers.toArray();
    const peer = peers.find((p) => p.id === peerKey);
    const acknowledged = acknowledgementsFor(peers);
    switch (scope.kind) {
      case 'full':
        return { scope: { kind: 'full' }, selection: { kind: 'full' }, rev, clockTo, acknowledged, peer };
      case 'delta': {
        const base = recipient.kind === 'installation' ? await deltaBaseOf(db, peerKey) : undefined;
        if (!base) return { scope: { kind: 'full' }, selection: { kind: 'full' }, rev, clockTo, acknowledged, peer };
        const auditFrom = new Date(new Date(base.at).getTime() - DELTA_AUDIT_MARGIN_MS).toISOString();
        const self = (await readInstallation(db)).id;
        const deltaBase = { rev: base.rev, since: base.clockTo, peer: peerKey, self };
        return { scope: { kind: 'delta', since: base.clockTo }, selection: { kind: 'delta', base: deltaBase, auditFrom }, rev, clockTo, acknowledged, peer };
      }
      case 'network':
        if (!(await db.networks.get(scope.networkId))) throw new CommandError('notFound');
        return { scope: { kind: 'network', networkId: scope.networkId }, selection: scope, rev, clockTo, acknowledged: {}, peer };
      case 'requester':
        return { scope: { kind: 'requester', requesterId: scope.requesterId }, selection: scope, rev, clockTo, acknowledged: {}, peer };
    }
  });
}

/** The case fields a bundle of this kind carries (null: whole records, or no cases). */
const FIELDS: Record<ExportKind, readonly string[] | null> = {
  full: null,
  delta: null,
  'network-cases': NETWORK_FIELDS,
  'network-drafts': null,
  'requester-reply': REQUESTER_FIELDS,
  'requester-requests': REQUEST_FIELDS,
};

/** What an export would carry, for the export screen (reads only; nothing is written). */
export async function previewExport(ctx: CommandContext, options: Pick<ExportOptions, 'scope' | 'recipient'>): Promise<ExportPlan> {
  await requireExport(ctx, options.scope);
  const resolved = await resolve(ctx.db, options.scope, options.recipient);
  return { scope: resolved.scope, counts: await countSelection(ctx.db, resolved.selection), fields: FIELDS[exportKindOf(options.scope)] };
}

/** Whether the codec opens stored pages itself (the bundle worker's codec). */
function opensStored(codec: BundleCodec): codec is WorkerCodec {
  return typeof (codec as Partial<WorkerCodec>).encodeStored === 'function';
}

/** The cases a desk's bundle carries (recorded in the exchange log, so the desk knows what was sent). */
async function* noting(entries: AsyncGenerator<readonly BundleEntry[]>, caseIds: string[]): AsyncGenerator<readonly BundleEntry[]> {
  for await (const batch of entries) {
    for (const entry of batch) caseIds.push((entry.record as { id: string }).id);
    yield batch;
  }
}

function fileNameOf(header: BundleHeader): string {
  return `otk-${header.scope.kind}-${header.created.slice(0, 10)}-${header.bundleId.slice(-6)}.otk`;
}

/** Writes an encrypted .otk bundle for `recipient` and records that it was sent (no case content in the logs). */
export async function exportBundle(ctx: CommandContext, options: ExportOptions): Promise<ExportResult> {
  await requireExport(ctx, options.scope);
  const kind = exportKindOf(options.scope);
  const desk = kind === 'network-drafts' || kind === 'requester-requests';
  const caseIds: string[] = [];
  const { db } = ctx;
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const codec = options.codec ?? inlineCodec;
  const installation = await readInstallation(db);
  const name = await readInstallationName(db);
  const resolved = await resolve(db, options.scope, options.recipient);
  const startedAt = ctx.now();
  const iterations = options.kdfIterations;
  const job: EncodeJob = {
    input: {
      schemaVersion: SYNC_SCHEMA_VERSION,
      sender: { installationId: installation.id, name },
      recipient: options.recipient,
      scope: resolved.scope,
      clock: { from: resolved.scope.kind === 'delta' ? resolved.scope.since : null, to: resolved.clockTo },
      acknowledged: resolved.acknowledged,
    },
    passphrase: options.passphrase,
    options: { now: startedAt, ...(iterations !== undefined ? { iterations, minIterations: Math.min(iterations, MIN_KDF_ITERATIONS) } : {}) },
  };
  const { header, bytes } = desk
    ? await codec.encode(job, noting(readSelection(db, resolved.selection, signal), caseIds), { onProgress, signal })
    : opensStored(codec)
      ? // The bundle worker's reader reads and opens the stored tables (the UI thread only names them): see ./stored-pages.
        await codec.encodeStored(job, readSelectionStored(db, resolved.selection, signal), dataKeyOf(db), { onProgress, signal })
      : await codec.encode(job, readSelection(db, resolved.selection, signal), { onProgress, signal });
  signal?.throwIfAborted();

  const now = ctx.now();
  const peerKey = peerKeyOf(options.recipient);
  await db.transaction('rw', [db.meta, db.audit, db.exchangeLog, db.exchangePeers], async () => {
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    const log: ExchangeLogRow = {
      id: header.bundleId,
      direction: 'sent',
      peer: peerKey,
      peerName: options.recipient.name ?? (options.recipient.kind === 'installation' ? resolved.peer?.name : undefined),
      scope: header.scope.kind,
      ...(header.scope.kind === 'network' ? { networkId: header.scope.networkId } : {}),
      counts: header.counts,
      at: startedAt.toISOString(),
      by: ctx.actor,
      clockFrom: header.clock.from,
      clockTo: header.clock.to,
      rev: resolved.rev,
      ...(desk ? { caseIds } : {}),
    };
    if (log.peerName === undefined) delete log.peerName;
    await db.exchangeLog.add(log);
    const peer: ExchangePeerRow = (await db.exchangePeers.get(peerKey)) ?? { id: peerKey, kind: options.recipient.kind, state: {} };
    await db.exchangePeers.put({
      ...peer,
      ...(options.recipient.name ? { name: options.recipient.name } : {}),
      lastSent: { bundleId: header.bundleId, at: now.toISOString(), scope: header.scope.kind },
    });
    const counts = Object.fromEntries(Object.entries(header.counts).map(([type, n]) => [type, String(n)]));
    await addAudit(db, 
      auditEvent(ctx, now, stamp!, {
        action: 'exchange.export',
        entity: 'exchange',
        entityId: header.bundleId,
        details: {
          recipient: peerKey,
          scope: header.scope.kind,
          ...(header.scope.kind === 'network' ? { network: header.scope.networkId } : {}),
          ...counts,
        },
      }),
    );
  });
  return { bytes, header, fileName: fileNameOf(header) };
}
