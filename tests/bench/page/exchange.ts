import { Dexie } from 'dexie';
import { deriveBundleKey, type BundleKey } from '../../../shared/sync/bundle';
import type { BundleCodec } from '../../../shared/sync/wire/codec';
import type { ExchangeProgress } from '../../../shared/sync/wire/types';
import { createDatabase } from '../../../renderer/src/db/open';
import { systemClock } from '../../../shared/clock';
import type { CommandContext } from '../../../renderer/src/access/context';
import { Keyring } from '../../../renderer/src/db/keyring';
import { setUpFirstProfile } from '../../../renderer/src/commands/session';
import { markNothingToMigrate } from '../../../renderer/src/commands/migrate';
import { COUNTER_TOTAL } from '../../../renderer/src/db/counters';
import { applyImport, createWorkerCodec, exportBundle, previewImport, type WorkerCodec } from '../../../renderer/src/commands/exchange';
import { BENCH_PASSPHRASE, BENCH_PROFILE_NAME } from '../passphrase.mjs';

/**
 * export / import for the benchmark, run as the app runs them: the bundle codec (JSON, deflate,
 * AES-GCM, record checks) in the bundle worker (`createWorkerCodec`, as the exchange screens do),
 * the database work on this page's thread. Each run also reports the longest main-thread task
 * while it ran (Long Tasks API) and, for import, where the time went.
 */

const BUNDLE_PASSPHRASE = 'synthetic passphrase for the benchmark bundle';
let bundleKey: BundleKey | null = null;
let lastBundle: Uint8Array | null = null;
let codec: WorkerCodec | null = null;

const workerCodec = (): WorkerCodec => (codec ??= createWorkerCodec());

/** The longest task (Long Tasks API: over 50 ms) on this page while `work` runs; 0 when none. */
async function withLongestTask<T>(work: () => Promise<T>): Promise<{ result: T; longestTask: number; tasks: string }> {
  let longest = 0;
  const seen: PerformanceEntry[] = [];
  const note = (entry: PerformanceEntry) => {
    longest = Math.max(longest, entry.duration);
    seen.push(entry);
  };
  const observer = new PerformanceObserver((list) => list.getEntries().forEach(note));
  observer.observe({ type: 'longtask' });
  // What ran long (Long Animation Frames: each script's entry point and its time), for the log.
  const scripts: string[] = [];
  const frames = new PerformanceObserver((list) => {
    for (const frame of list.getEntries() as Array<PerformanceEntry & { scripts?: Array<{ invoker: string; sourceFunctionName: string; sourceURL: string; duration: number }> }>) {
      for (const script of frame.scripts ?? []) {
        if (script.duration < 40) continue;
        scripts.push(`${Math.round(frame.startTime)} ${script.invoker} ${script.sourceFunctionName || '?'}@${script.sourceURL.split('/').pop()} ${Math.round(script.duration)}`);
      }
    }
  });
  try {
    frames.observe({ type: 'long-animation-frame' });
  } catch {
    // not supported: the long tasks alone
  }
  try {
    const result = await work();
    // Entries arrive after their task; one more task lets the last one in.
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.takeRecords().forEach(note);
    // For the log: the long tasks, each as start+duration (ms on the page's clock), and the long scripts.
    const tasks = seen.map((entry) => `${Math.round(entry.startTime)}+${Math.round(entry.duration)}`).join(' ');
    return { result, longestTask: longest, tasks: scripts.length > 0 ? `${tasks}; long scripts: ${scripts.join(', ')}` : tasks };
  } finally {
    observer.disconnect();
    frames.disconnect();
  }
}

/**
 * One timed full export through the app's command (read every record in keyset pages — each
 * record's sealed fields opened by the encryption middleware — on this thread; JSON lines,
 * deflate and AES-GCM in the bundle worker), with a key derived beforehand (that is `kdf`).
 * Keeps the bundle for importOnce.
 */
export function exchangeOps(context: () => Promise<CommandContext>) {
  async function exportOnce(): Promise<{ ms: number; bytes: number; records: number; longestTask: number; tasks: string }> {
    bundleKey ??= await deriveBundleKey(BUNDLE_PASSPHRASE);
    const ctx = await context();
    const { result, longestTask, tasks } = await withLongestTask(async () => {
      const start = performance.now();
      const exported = await exportBundle(ctx, { scope: { kind: 'full' }, recipient: { kind: 'named', name: 'Benchmark' }, passphrase: bundleKey!, codec: workerCodec() });
      return { exported, start, ms: performance.now() - start };
    });
    lastBundle = result.exported.bytes;
    return { ms: result.ms, bytes: result.exported.bytes.length, records: result.exported.header.counts.consultation ?? 0, longestTask, tasks: `from ${Math.round(result.start)}: ${tasks}` };
  }

  /**
   * One timed import of the last exported bundle into a fresh, empty installation (its own
   * database, opened with its own Keyring and set up with its own coordinator profile — untimed, as
   * a new installation is set up before anything is imported into it): previewImport (decode and
   * check in the worker, plan here) then applyImport (seal, then one transaction). The split, from
   * the progress the commands report:
   *   decode   start → the worker's first 'validating' (decrypt, inflate, JSON)
   *   validate → the decoded records are on this thread (record checks in the worker, the transfer)
   *   plan     → the preview is ready (the desk checks, the merge plan and list rows)
   *   seal     applyImport's start → its first 'writing' (every case and list row sealed)
   *   write    → applied (the one transaction)
   */
  async function importOnce(run: number): Promise<{ ms: number; written: number; longestTask: number; split: Record<string, number>; tasks: string }> {
    if (!lastBundle || !bundleKey) throw new Error('importOnce needs exportOnce first');
    const name = `otk-bench-import-${run}`;
    await Dexie.delete(name);
    const keyring = new Keyring();
    const target = createDatabase({ name, clock: systemClock, keyring });
    await target.open();
    try {
      const { profile } = await setUpFirstProfile({ db: target, keyring, now: () => new Date() }, { name: BENCH_PROFILE_NAME, installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: BENCH_PASSPHRASE, confirm: BENCH_PASSPHRASE });
      await markNothingToMigrate(target);
      const ctx: CommandContext = { db: target, actor: profile.name, profile, now: () => new Date() };
      const marks: Partial<Record<ExchangeProgress['phase'] | 'decoded' | 'previewed' | 'applying' | 'applied', number>> = {};
      const mark = (phase: keyof typeof marks) => (marks[phase] ??= performance.now());
      const onProgress = (progress: ExchangeProgress) => mark(progress.phase);
      const worker = workerCodec();
      const timedCodec: BundleCodec = {
        encode: (job, entries, options) => worker.encode(job, entries, options),
        decode: async (job, options) => {
          const outcome = await worker.decode(job, options);
          mark('decoded');
          return outcome;
        },
      };
      const { result, longestTask, tasks } = await withLongestTask(async () => {
        const start = performance.now();
        const preview = await previewImport(ctx, lastBundle!, bundleKey!, { codec: timedCodec, onProgress });
        if (!preview.ok) throw new Error(`the bundle was refused: ${preview.refusal.code}`);
        mark('previewed');
        mark('applying');
        const applied = await applyImport(ctx, preview, { onProgress });
        mark('applied');
        return { applied, start, ms: performance.now() - start };
      });
      const written = (await target.counters.get(COUNTER_TOTAL))?.value ?? 0;
      if (!result.applied.applied || written !== result.applied.counts.consultation.new) throw new Error(`import wrote ${written} of ${result.applied.counts.consultation.new}`);
      const at = (phase: keyof typeof marks) => marks[phase] ?? Number.NaN;
      const split = {
        decode: at('validating') - result.start,
        validate: at('decoded') - at('validating'),
        plan: at('previewed') - at('decoded'),
        seal: at('writing') - at('applying'),
        write: at('applied') - at('writing'),
      };
      const marked = Object.entries(marks).map(([phase, t]) => `${phase} ${Math.round(t)}`).join(', ');
      return { ms: result.ms, written, longestTask, split, tasks: `${marked}; long tasks ${tasks}` };
    } finally {
      keyring.lock();
      target.close();
      await Dexie.delete(name);
    }
  }

  return { exportOnce, importOnce };
}

/** Stops the bundle worker (the harness's close). */
export function closeExchange(): void {
  codec?.dispose();
  codec = null;
}
