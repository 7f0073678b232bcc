import { encodeMessage } from '../domain/messages';

/**
 * Why a backup could not be written, checked or restored. Every refusal of a restore is one of
 * these and comes before anything is written; the renderer words it under `backup.error.<code>`
 * (what happened) and `backup.action.<code>` (what to do).
 */
export const BACKUP_ERROR_CODES = [
  /** Not an .otk file at all. */
  'not-a-backup',
  /** An .otk exchange file (format 1), not a backup. */
  'exchange-file',
  /** Written by a newer app: a newer format, or a database of a newer version. */
  'newer-format',
  /** Neither the recovery key nor a coordinator's passphrase of that installation opens it. */
  'wrong-key',
  /** The recovery key has a typo (params.group: which group, when known). */
  'recovery-key-typo',
  /** The file was changed after it was written (or is damaged). */
  'tampered',
  /** The file ends early: the copy was interrupted or the disk filled up. */
  'truncated',
  /** Protected with a weaker key derivation than this app accepts. */
  'weak-kdf',
  /** The header cannot be read. */
  'invalid-header',
  /** Authentic, but the contents do not read back (counts, lines, tables). */
  'invalid-payload',
  /** The backup's database is older than this app can restore verbatim. */
  'older-database',
  /** This installation already holds data: a restore would drop it. */
  'not-empty',
  /** The disk (or the browser's storage) is full: nothing was written. */
  'storage-full',
  /** Reading back the file just written gave something else than was written. */
  'verify-mismatch',
  /** The backup folder cannot be written (gone, not chosen again, no permission). */
  'folder-unavailable',
  /** The chosen file could not be read to its end (the drive went away, the file was moved). */
  'unreadable',
] as const;

export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }

  /** The i18n key of what happened, with its parameters (shared/domain/messages). */
  get encodedMessage(): string {
    return encodeMessage(`backup.error.${this.code}`, this.params);
  }
}

export function isBackupError(error: unknown, code?: BackupErrorCode): error is BackupError {
  return error instanceof BackupError && (code === undefined || error.code === code);
}
