import { BULK_SLICE_MS, timeSlicer } from '../../db/next-task';
import { blobSource } from './files';
import { rawDatabase } from './idb';
import { checkReadBack, spoolSnapshot, type BackupWork } from './spool';
import { workerBackupWork } from './worker-client';

export type { BackupWork };

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
