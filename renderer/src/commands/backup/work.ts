import type { BackupWritten } from '../../../../shared/backup';
import type { OtkDatabase } from '../../db/schema';
import { BULK_SLICE_MS, timeSlicer } from '../../db/next-task';
import { blobSource } from './files';
import { rawDatabase } from './idb';
import { checkReadBack, spoolSnapshot, type Spooled, type SpoolJob, type WorkOptions } from './spool';
import { workerBackupWork } from './worker-client';

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

export function inPageBackupWork(): BackupWork {
  const pause = timeSlicer(BULK_SLICE_MS);
  return {
    spool: async (db, job, options = {}) => spoolSnapshot(await rawDatabase(db), job, { ...options, pause }),
    check: (blob, written, job, options = {}) => checkReadBack(blobSource(blob), written, job, { ...options, pause }),
    bytesOf: async (blob) => new Uint8Array(await blob.arrayBuffer()),
    dispose: () => undefined,
  };
}

export const defaultBackupWork = (): BackupWork => (typeof Worker === 'function' ? workerBackupWork() : inPageBackupWork());
