import { BackupError, createBackupWriter, entryTypeOf, keySlotsOf, openBackup, type BackupCompression, type BackupWriter, type BackupWritten, type ByteSource } from '../../../../shared/backup';
import type { BackupProgress } from './progress';
import { blobSink } from './files';
import type { RawDatabase } from './idb';
import { readSnapshot, type SnapshotInfo } from './snapshot';
import type { OtkDatabase } from '../../db/schema';

/**
 * The two pieces of a backup's work that run away from the database's transactions and the
 * folder: writing the snapshot into a Blob spool (`spoolSnapshot`), and checking a written file
 * read back (`checkReadBack`). They run in the backup workers (./worker-host.ts: one reads and
 * serialises, one compresses, seals and checks) or, where no worker can be started, on this
 * thread with `pause` between slices (./work.ts chooses).
 */

/** What a spool needs besides the database (structured-cloneable: it crosses to the workers). */
export interface SpoolJob {
  /** The app's schema version (Dexie's verno, not IndexedDB's version): the header's databaseVersion. */
  databaseVersion: number;
  appVersion: string;
  /** The backup's moment (header `created`, backup id). */
  now: Date;
  compression?: BackupCompression;
  /** The unlocked installation data key: it wraps the backup's own key, and opens it again for the check. */
  installationKey: CryptoKey;
}

export interface Spooled {
  blob: Blob;
  written: BackupWritten;
  /** The backup workers' breakdown (absent on one thread). */
  stats?: SpoolStats;
}

export interface WorkOptions {
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
  /** Gives the event loop a turn between slices (on the UI thread). */
  pause?: () => Promise<void> | null;
}

/** The snapshot's total rows. */
export const totalOf = (info: SnapshotInfo): number => Object.values(info.counts).reduce((a, b) => a + b, 0);

/** A writer for the snapshot `info` (its counts and key slots), into `sink`. */
export function writerFor(info: SnapshotInfo, job: SpoolJob, sink: Parameters<typeof createBackupWriter>[1], pause?: () => Promise<void> | null): Promise<BackupWriter> {
  return createBackupWriter(
    {
      sender: { installationId: info.installationId, name: info.installationName },
      app: { version: job.appVersion },
      databaseVersion: job.databaseVersion,
      counts: Object.fromEntries(info.tables.map((table) => [entryTypeOf(table), info.counts[table] ?? 0])),
      slots: keySlotsOf(info.profiles),
      installationKey: job.installationKey,
      now: job.now,
      compression: job.compression,
      pause,
    },
    sink,
  );
}

/** The snapshot written into a Blob spool on one thread (nothing is kept when it fails). */
export async function spoolSnapshot(raw: RawDatabase, job: SpoolJob, options: WorkOptions = {}): Promise<Spooled> {
  const spool = blobSink();
  try {
    let writer: BackupWriter | null = null;
    let done = 0;
    let total = 0;
    await readSnapshot(
      raw,
      {
        begin: async (info) => {
          total = totalOf(info);
          writer = await writerFor(info, job, spool, options.pause);
        },
        rows: async (table, rows) => {
          await writer!.add(entryTypeOf(table), rows);
          done += rows.length;
          options.onProgress?.({ phase: 'writing', done, total });
        },
      },
      { signal: options.signal },
    );
    const written = await writer!.finish();
    await spool.close();
    return { blob: spool.blob(), written };
  } catch (error) {
    await spool.abort();
    throw error;
  }
}

/**
 * The file read back: its size, then every chunk decrypted with the backup key opened by the
 * installation key, every line counted against the header, and the content digest and backup id
 * compared with what the writer wrote. Throws BackupError 'verify-mismatch' when they differ.
 */
export async function checkReadBack(source: ByteSource, written: BackupWritten, job: Pick<SpoolJob, 'installationKey' | 'databaseVersion'>, options: WorkOptions = {}): Promise<void> {
  if (source.size !== written.bytes) throw new BackupError('verify-mismatch', `the file holds ${source.size} bytes, ${written.bytes} were written`);
  const opened = await openBackup(source, { installationKey: job.installationKey }, { supportedDatabaseVersion: job.databaseVersion });
  const scanned = await opened.scan({ onProgress: (p) => options.onProgress?.({ phase: 'verifying', done: p.done, total: p.total }), signal: options.signal, pause: options.pause });
  const sameCounts = JSON.stringify(Object.entries(scanned.counts).toSorted()) === JSON.stringify(Object.entries(written.counts).toSorted());
  if (!sameCounts || scanned.digest !== written.digest || opened.header.backupId !== written.header.backupId) {
    throw new BackupError('verify-mismatch', 'the file read back differs from what was written');
  }
}

/**
 * Where a backup's spool is written and checked: in the backup workers (./worker-client.ts) where
 * the platform has workers, else on this thread in slices of BULK_SLICE_MS (./spool.ts, the same
 * functions the workers run).
 */
export interface BackupWork {
  /** The snapshot written into a Blob spool. */
  spool(db: OtkDatabase, job: SpoolJob, options?: WorkOptions): Promise<Spooled>;
  /** A spool read back and checked against what was written. */
  check(blob: Blob, written: BackupWritten, job: Pick<SpoolJob, 'installationKey' | 'databaseVersion'>, options?: WorkOptions): Promise<void>;
  /** A spool's bytes in one buffer (for the shell's saveFile), read off the UI thread where workers run. */
  bytesOf(blob: Blob): Promise<Uint8Array>;
  /** Ends the workers (after the backup, or to stop it). */
  dispose(): void;
}

/** Where a reader's time went, in ms (for the benchmark's breakdown). */
export interface ReaderStats {
  /** Serialising pages (JSON lines, UTF-8). */
  encodeMs: number;
  /** Waiting for the writer (LINES_AHEAD pages ahead). */
  aheadMs: number;
  /** From opening the connection to the last page sent. */
  totalMs: number;
}

/** Where a spool's time went, in ms: the reader's, and the writer's compressing + sealing (`busyMs`) and waiting for pages (`idleMs`). */
export interface SpoolStats extends ReaderStats {
  busyMs: number;
  idleMs: number;
}
