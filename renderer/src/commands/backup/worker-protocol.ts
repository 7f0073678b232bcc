import type { BackupWritten } from '../../../../shared/backup';
import type { BackupProgress } from './progress';
import type { SnapshotInfo } from './snapshot';
import type { ReaderStats, SpoolJob, SpoolStats } from './spool';

/**
 * Messages of the backup workers (./backup.worker.ts, ./worker-host.ts, ./worker-client.ts).
 *
 * A backup's spool is made by two workers joined by a MessageChannel: the READER opens its own
 * read-only connection to the app's database, reads the snapshot (one transaction, every table)
 * and serialises each page of rows as the payload's JSON lines; the WRITER compresses, seals and
 * spools them into a Blob. Each thread does about half of the work, so on two cores they run side
 * by side while the UI thread only waits. The writer then checks a file read back ('check').
 */

/**
 * Encoded pages the reader may have sent ahead of the writer's acknowledgements (≈ 3 MB each: at most
 * ≈ 50 MB waiting in the writer). While held back the reader keeps its snapshot transaction alive
 * with requests (db/keep-alive), so it should rarely wait: 4 held it back for half the backup.
 */
export const LINES_AHEAD = 16;

export type ToBackupWorker =
  /** Reader: the snapshot of `database`, its pages serialised, sent over `port`. */
  | { kind: 'read'; id: number; database: string; port: MessagePort }
  /** Writer: the lines arriving over `port` written as a backup into a Blob spool. */
  | { kind: 'write'; id: number; job: SpoolJob; port: MessagePort }
  /** A written file (the spool, as a Blob) read back and checked. */
  | { kind: 'check'; id: number; blob: Blob; written: BackupWritten; job: Pick<SpoolJob, 'installationKey' | 'databaseVersion'> }
  /** A spool's bytes in one buffer (read here, transferred: the UI thread neither reads nor copies them). */
  | { kind: 'bytes'; id: number; blob: Blob };

/** From the reader to the writer, over their port. */
export type ReaderToWriter =
  | { kind: 'begin'; info: SnapshotInfo }
  /** `count` rows of `type` as JSON lines (the buffer is transferred). */
  | { kind: 'lines'; type: string; count: number; bytes: Uint8Array }
  /** `stats`: the reader's own time (./worker-host SpoolStats). */
  | { kind: 'end'; stats: ReaderStats };

export type { ReaderStats, SpoolStats };

/** From the writer to the reader: one page written, room for another. */
export type WriterToReader = { kind: 'ack' };

export interface SerializedError {
  name: string;
  message: string;
  /** BackupError's code and params. */
  code?: string;
  params?: Record<string, string | number>;
}

export type FromBackupWorker =
  | { kind: 'progress'; id: number; progress: BackupProgress }
  /** The reader read and sent everything. */
  | { kind: 'read'; id: number }
  | { kind: 'spooled'; id: number; blob: Blob; written: BackupWritten; stats: SpoolStats }
  | { kind: 'checked'; id: number }
  | { kind: 'bytes'; id: number; bytes: Uint8Array }
  | { kind: 'failed'; id: number; error: SerializedError };
