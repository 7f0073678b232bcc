import type { Bridge } from '../../../../shared/bridge/contract';
import {
  BackupError,
  backupFileName,
  isBackupError,
  type BackupCompression,
} from '../../../../shared/backup';
import { LockedError } from '../../db/keyring';
import { isStorageFull } from '../../../../shared/protection/storage-full';
import type { CommandContext } from '../../access/context';
import { addAudit, auditEvent } from '../audit';
import { readInstallation } from '../../queries/installation';
import { takeStamps } from '../stamps';
import { folderSink, folderSource, type FinishingSink } from './files';
import { rawDatabase } from './idb';
import { checkReadBack, type Spooled, type SpoolJob } from './spool';
import { defaultBackupWork, type BackupWork } from './work';
import type { BackupProgress } from './progress';
import { BACKUP_META_KEY, readBackupState, updateBackupState, type BackupRecord, type BackupWhere } from './state';
import { pruneGenerations } from './generations';
import { BULK_SLICE_MS, timeSlicer } from '../../db/next-task';

/**
 * A backup: the whole database as stored, read in one snapshot, written as an encrypted .otk
 * backup (shared/backup), then READ BACK — decrypted, every line counted against the header and
 * the content digest compared with the writer's — and only then recorded as the last verified
 * backup, audited (when, where, counts; no content). In the chosen folder, older generations of
 * this installation's own backups are then removed (7 daily, 4 weekly, 12 monthly). A failure at
 * any step is recorded, audited and thrown, never silent; a half-written file never keeps a
 * backup's name.
 */

export type BackupTarget =
  /** The folder chosen in Settings (Electron). */
  | { kind: 'folder'; folder: string }
  /** The browser's download (the web build's automatic backup, and its "Back up now"). */
  | { kind: 'download' }
  /** A file the coordinator chooses with the save dialog. */
  | { kind: 'file' };

export type { BackupProgress };

export interface BackupOptions {
  /** The app version written into the header (renderer/src/app/appMeta). */
  appVersion: string;
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
  /**
   * This computer's device tag (8 hex digits, kept in local storage, never in a backup): in the
   * file name, and generations prune only this device's backups. Absent: the older name.
   */
  device?: string;
  /** Bytes per write to the folder (default 8 MiB). Tests only: small parts show what waits on the folder. */
  folderPartBytes?: number;
  /** How the payload is packed (default: shared/backup DEFAULT_BACKUP_COMPRESSION). Tests only: a backup packed 'none' restores as exactly. */
  compression?: BackupCompression;
  /** Where the spool is written and checked (default ./work defaultBackupWork: the backup workers, or this thread without workers). */
  work?: () => BackupWork;
}

export type BackupOutcome = { status: 'written'; record: BackupRecord; removed: string[]; generationsFailed: boolean } | { status: 'cancelled' };

const whereOf = (target: BackupTarget): BackupWhere => (target.kind === 'folder' ? 'folder' : target.kind);

function errorCode(error: unknown): string {
  if (isBackupError(error)) return error.code;
  if (isStorageFull(error)) return 'storage-full';
  return 'unknown';
}

/** Records a failure (state + audit) without letting a second failure hide the first. */
async function recordFailure(ctx: CommandContext, stage: 'write' | 'verify' | 'generations', error: unknown, target: BackupTarget): Promise<void> {
  const { db } = ctx;
  const now = ctx.now();
  const code = errorCode(error);
  try {
    await db.transaction('rw', [db.meta, db.audit], async () => {
      await updateBackupState(db, (state) => ({ ...state, failure: { at: now.toISOString(), code, stage } }));
      const [stamp] = await takeStamps(db, now.getTime(), 1);
      await addAudit(db, auditEvent(ctx, now, stamp!, { action: 'backup.failed', entity: 'backup', entityId: BACKUP_META_KEY, details: { stage, code, where: whereOf(target) } }));
    });
  } catch (second) {
    console.error('recording the failed backup failed too', second);
  }
}

/** Bytes per read of the spool while it is copied to the folder. */
const COPY_PART = 4 * 1024 * 1024;

/** Copies the written backup to the folder's sink and commits it there. */
async function copyToFolder(blob: Blob, folder: FinishingSink, onProgress: (done: number) => void): Promise<void> {
  for (let offset = 0; offset < blob.size; offset += COPY_PART) {
    await folder.write(new Uint8Array(await blob.slice(offset, offset + COPY_PART).arrayBuffer()));
    onProgress(Math.min(blob.size, offset + COPY_PART));
  }
  await folder.close();
}

export async function writeBackup(ctx: CommandContext, bridge: Bridge, target: BackupTarget, options: BackupOptions): Promise<BackupOutcome> {
  const { db } = ctx;
  const keyring = db.keyring;
  if (!keyring?.unlocked) throw new LockedError();
  const installationKey = keyring.dataKey();
  const raw = await rawDatabase(db);
  const installation = await readInstallation(db);
  const before = await readBackupState(db);
  const startedAt = ctx.now();
  let file = backupFileName(installation.id, startedAt, 0, options.device);
  if (before.last?.file === file) file = backupFileName(installation.id, startedAt, 1, options.device);
  // The snapshot is written into a spool first, so its read-only transaction — which holds every
  // save back while it is open — never waits on the folder (a slow or stalled network share); the
  // spool then goes to the folder, with the database free again. The spool is written and checked
  // in the backup workers (./work.ts), away from the UI thread.
  const work = options.work?.() ?? defaultBackupWork();
  const job: SpoolJob = { databaseVersion: raw.version, appVersion: options.appVersion, now: startedAt, compression: options.compression, installationKey };
  const folder: FinishingSink | null = target.kind === 'folder' ? folderSink(bridge, target.folder, file, options.folderPartBytes) : null;
  const progress = { onProgress: options.onProgress, signal: options.signal };
  try {
    // 1. Write.
    let spooled: Spooled;
    try {
      spooled = await work.spool(db, job, progress);
      if (folder) await copyToFolder(spooled.blob, folder, (done) => options.onProgress?.({ phase: 'saving', done, total: spooled.written.bytes }));
    } catch (error) {
      await folder?.abort();
      if (error instanceof DOMException && error.name === 'AbortError') return { status: 'cancelled' };
      await recordFailure(ctx, 'write', error, target);
      throw isBackupError(error) ? error : new BackupError(isStorageFull(error) ? 'storage-full' : 'folder-unavailable', 'the backup could not be written', { reason: 'write-failed' }, { cause: error });
    }
    const { written } = spooled;

    // 2. Read it back and check it: the folder's file from the disk (here, through the bridge), the spool in the workers.
    try {
      options.onProgress?.({ phase: 'verifying', done: 0, total: written.bytes });
      if (target.kind === 'folder') await checkReadBack(await folderSource(bridge, target.folder, file), written, job, { ...progress, pause: timeSlicer(BULK_SLICE_MS) });
      else await work.check(spooled.blob, written, job, progress);
    } catch (error) {
      if (target.kind === 'folder') await bridge.deleteBackupFile({ folder: target.folder, name: file }).catch(() => undefined);
      if (error instanceof DOMException && error.name === 'AbortError') return { status: 'cancelled' };
      await recordFailure(ctx, 'verify', error, target);
      throw isBackupError(error) ? new BackupError(error.code === 'folder-unavailable' ? error.code : 'verify-mismatch', error.message, error.params, { cause: error }) : new BackupError('verify-mismatch', 'the backup did not read back', {}, { cause: error });
    }
    return await finishBackup(ctx, bridge, target, options, { file, startedAt, installationId: installation.id, spooled, work });
  } finally {
    work.dispose();
  }
}

/** Saves a download or a chosen file, records and audits the backup, prunes the folder's generations. */
async function finishBackup(
  ctx: CommandContext,
  bridge: Bridge,
  target: BackupTarget,
  options: BackupOptions,
  { file, startedAt, installationId, spooled, work }: { file: string; startedAt: Date; installationId: string; spooled: Spooled; work: BackupWork },
): Promise<BackupOutcome> {
  const { db } = ctx;
  const { written } = spooled;
  // 3. The browser's download, or a file the coordinator chooses.
  let location: string | undefined;
  if (target.kind !== 'folder') {
    options.onProgress?.({ phase: 'saving', done: 0, total: written.bytes });
    const saved = await bridge.saveFile({ suggestedName: file, bytes: await work.bytesOf(spooled.blob), filters: [{ name: 'OT-keskus backup', extensions: ['otk'] }] });
    if (saved.status === 'cancelled') return { status: 'cancelled' };
    if (saved.status === 'failed') {
      const error = new BackupError('folder-unavailable', `saving the backup failed: ${saved.code}`, { reason: saved.code });
      await recordFailure(ctx, 'write', error, target);
      throw error;
    }
    location = saved.location;
  }

  // 4. Recorded: the last verified backup, and the audit event. A folder's file was read back from
  // the disk; a download or a chosen file was checked as written, before the browser or the save
  // dialog stored it (neither gives the app a way to read it back), and the audit says which.
  const record: BackupRecord = {
    at: startedAt.toISOString(),
    backupId: written.header.backupId,
    file: target.kind === 'file' && location ? (location.split(/[\\/]/).at(-1) ?? file) : file,
    where: whereOf(target),
    ...(target.kind === 'folder' ? { folder: target.folder } : {}),
    counts: Object.fromEntries(Object.entries(written.counts)),
    bytes: written.bytes,
    digest: written.digest,
  };
  const now = ctx.now();
  await db.transaction('rw', [db.meta, db.audit], async () => {
    await updateBackupState(db, (state) => ({ ...state, last: record, failure: null }));
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    const counts = Object.fromEntries(Object.entries(record.counts).map(([type, n]) => [type, String(n)]));
    await addAudit(
      db,
      auditEvent(ctx, now, stamp!, {
        action: 'backup.write',
        entity: 'backup',
        entityId: record.backupId,
        details: { where: record.where, file: record.file, ...(record.folder ? { folder: record.folder } : {}), bytes: String(record.bytes), digest: record.digest.slice(0, 16), verified: target.kind === 'folder' ? 'read-back' : 'before-saving', ...counts },
      }),
    );
  });

  // 5. Older generations in the folder.
  let removed: string[] = [];
  let generationsFailed = false;
  if (target.kind === 'folder') {
    try {
      removed = await pruneGenerations(bridge, target.folder, installationId, file, options.device ?? null);
    } catch (error) {
      generationsFailed = true;
      await recordFailure(ctx, 'generations', error, target);
    }
  }
  return { status: 'written', record, removed, generationsFailed };
}
