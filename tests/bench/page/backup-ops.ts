import { Dexie } from 'dexie';
import { createDatabase } from '../../../renderer/src/db/open';
import { systemClock } from '../../../shared/clock';
import { Keyring } from '../../../renderer/src/db/keyring';
import type { CommandContext } from '../../../renderer/src/access/context';
import { COUNTER_TOTAL } from '../../../renderer/src/db/counters';
import { validatedBridge } from '../../../renderer/src/bridge/validated';
import { blobInParts } from '../../../renderer/src/bridge/web';
import { writeBackup, type BackupProgress } from '../../../renderer/src/commands/backup/write';
import { applyRestore, previewRestore } from '../../../renderer/src/commands/backup/restore';
import { blobSource } from '../../../renderer/src/commands/backup/files';
import { workerBackupWork } from '../../../renderer/src/commands/backup/worker-client';
import { inPageBackupWork, type BackupWork } from '../../../renderer/src/commands/backup/work';
import type { SpoolStats } from '../../../renderer/src/commands/backup/worker-protocol';
import type { BridgeMethod } from '../../../shared/bridge/methods';
import { APP_VERSION } from '../../../renderer/src/services/app-meta';
import { BENCH_PASSPHRASE } from '../passphrase.mjs';

/**
 * Backup and restore (issue 20) for the benchmark page, spread into `window.otkBench` by
 * ./harness.ts. Both run the app's own commands on this page's thread, as the app's screens do:
 *
 * - `backupOnce`: `writeBackup(ctx, bridge, { kind: 'download' })` — the web build's path. The
 *   snapshot (one read-only transaction, every table) is written as an encrypted .otk into the
 *   Blob spool, READ BACK from the spool and verified (every chunk authenticated, lines counted,
 *   digest compared), then handed to the bridge's `saveFile` (contract-validated, as in the app).
 *   Only the bridge's last step differs: instead of clicking a download link, the bench bridge
 *   keeps the Blob it builds (web.ts blobInParts, for `restoreOnce`) and answers `saved`. The timing includes the
 *   verification; `verifyMs` is the verification alone (from the 'verifying' progress to 'saving').
 * - `restoreOnce`: the last backup restored into a fresh, empty installation (its own database,
 *   as a new installation's first-run screen has it — nothing set up), through `previewRestore`
 *   (opened with the benchmark profile's passphrase: ONE PBKDF2 600 000 derivation is in the
 *   timing, ≈ 0.1–0.2 s; every chunk authenticated and counted, nothing written) and
 *   `applyRestore` (one transaction, every row as stored). The database is deleted afterwards.
 *
 * Both also report the longest main-thread task during the operation (Long Tasks API: tasks of
 * 50 ms or more; 0 when there was none).
 */

let lastBackup: Blob | null = null;

/** The web bridge as the app builds it, except that a saved file is kept here, not downloaded. */
const benchBridge = validatedBridge(async (method: BridgeMethod, args: unknown) => {
  if (method === 'saveFile') {
    const { bytes, suggestedName } = args as { bytes: Uint8Array; suggestedName: string };
    // The web bridge's own Blob building (a part per task), as its download does.
    lastBackup = await blobInParts(bytes);
    return { status: 'saved', location: suggestedName };
  }
  return { status: 'failed', code: 'unsupported' };
});

/** Observes long tasks from now on; `stop(from, to)` gives the longest that overlapped [from, to]. */
function watchLongTasks(): { stop(from: number, to: number): number; entries: PerformanceEntry[] } {
  const entries: PerformanceEntry[] = [];
  const supported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  const observer = supported ? new PerformanceObserver((list) => entries.push(...list.getEntries())) : null;
  observer?.observe({ type: 'longtask' });
  return {
    entries,
    stop(from, to) {
      if (!observer) return -1;
      entries.push(...observer.takeRecords());
      observer.disconnect();
      return entries.filter((entry) => entry.startTime + entry.duration >= from && entry.startTime <= to).reduce((max, entry) => Math.max(max, entry.duration), 0);
    },
  };
}

/** A task boundary, so long tasks before the operation are not counted and its last ones are delivered. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface BackupRun {
  ms: number;
  verifyMs: number;
  longestTaskMs: number;
  /** The longest task that began in each phase (reading + writing the spool, checking it, saving). */
  longestByPhase: { writing: number; verifying: number; saving: number };
  bytes: number;
  rows: number;
  consultations: number;
  /** The backup workers' breakdown of the spool (null: it was written on the page). */
  spool: SpoolStats | null;
}

/** The app's backup workers (as writeBackup starts them by default), keeping the spool's breakdown. */
function measuredWork(keep: (stats: SpoolStats | null) => void): BackupWork {
  const work = workerBackupWork();
  return {
    ...work,
    spool: async (...args) => {
      const spooled = await work.spool(...args);
      keep(spooled.stats ?? null);
      return spooled;
    },
  };
}

export function backupOps(deps: { context: () => Promise<CommandContext> }) {
  /** `onPage`: the spool written and checked on this thread (the path without workers), for a comparison in the same run. */
  async function backupOnce(onPage = false): Promise<BackupRun> {
    const ctx = await deps.context();
    await nextTask();
    const tasks = watchLongTasks();
    let verifyingAt = 0;
    let savingAt = 0;
    const onProgress = (progress: BackupProgress) => {
      if (progress.phase === 'verifying' && verifyingAt === 0) verifyingAt = performance.now();
      if (progress.phase === 'saving' && savingAt === 0) savingAt = performance.now();
    };
    const start = performance.now();
    let spool: SpoolStats | null = null;
    const outcome = await writeBackup(ctx, benchBridge, { kind: 'download' }, { appVersion: APP_VERSION, onProgress, work: onPage ? inPageBackupWork : () => measuredWork((stats) => (spool = stats)) });
    const end = performance.now();
    await nextTask();
    const longestTaskMs = tasks.stop(start, end);
    const longestByPhase = { writing: 0, verifying: 0, saving: 0 };
    for (const entry of tasks.entries) {
      if (entry.startTime + entry.duration < start || entry.startTime > end) continue;
      const phase = entry.startTime >= savingAt ? 'saving' : entry.startTime >= verifyingAt ? 'verifying' : 'writing';
      longestByPhase[phase] = Math.max(longestByPhase[phase], entry.duration);
    }
    if (outcome.status !== 'written' || !lastBackup) throw new Error('the backup was not written');
    const { counts } = outcome.record;
    return {
      ms: end - start,
      verifyMs: savingAt - verifyingAt,
      longestTaskMs,
      longestByPhase,
      bytes: outcome.record.bytes,
      rows: Object.values(counts).reduce((a, b) => a + b, 0),
      consultations: counts.consultations ?? 0,
      spool,
    };
  }

  async function restoreOnce(run: number): Promise<{ ms: number; previewMs: number; longestTaskMs: number; written: number }> {
    if (!lastBackup) throw new Error('restoreOnce needs backupOnce first');
    const name = `otk-bench-restore-${run}`;
    await Dexie.delete(name);
    const keyring = new Keyring();
    const target = createDatabase({ name, clock: systemClock, keyring });
    await target.open();
    try {
      await nextTask();
      const tasks = watchLongTasks();
      const start = performance.now();
      const prepared = await previewRestore(target, blobSource(lastBackup), BENCH_PASSPHRASE);
      const previewMs = performance.now() - start;
      await applyRestore(target, prepared, new Date());
      const end = performance.now();
      await nextTask();
      const longestTaskMs = tasks.stop(start, end);
      const written = (await target.counters.get(COUNTER_TOTAL))?.value ?? 0;
      return { ms: end - start, previewMs, longestTaskMs, written };
    } finally {
      keyring.lock();
      target.close();
      await Dexie.delete(name);
    }
  }

  /** Drops the kept backup (before heap figures of other operations). */
  function releaseBackup(): void {
    lastBackup = null;
  }

  return { backupOnce, restoreOnce, releaseBackup };
}
