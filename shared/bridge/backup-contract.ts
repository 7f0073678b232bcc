import { z } from 'zod';
import { BACKUP_FILE_NAME } from '../backup/file-name';

/**
 * The bridge calls of backups (issue 20), merged into ./contract's `bridgeContract`. In Electron
 * the coordinator chooses a folder with the shell's folder dialog; main remembers every folder
 * chosen that way and refuses any other (a renderer cannot name a folder it was not given). In a
 * folder, only the app's own backup files are written, read, listed and deleted: names matching
 * BACKUP_FILE_NAME, written to a temporary file and renamed into place when complete (atomic),
 * and deleted only when they begin as an .otk backup. The web bridge has no folders: every call
 * answers `unsupported` (the browser downloads backups instead).
 */

/** At most this many bytes per part read or written (a backup is written and read in parts). */
export const MAX_BACKUP_PART_BYTES = 64 * 1024 * 1024;

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'expected a Uint8Array' });
const partBytes = bytes.refine((value) => value.byteLength <= MAX_BACKUP_PART_BYTES, { error: `a part must not be larger than ${MAX_BACKUP_PART_BYTES} bytes` });
/** An absolute folder path as the shell's dialog gave it (main checks it against the folders chosen). */
const folder = z.string().min(1).max(4096).refine((path) => !path.includes('\0'), 'a folder path holds no NUL');
const backupName = z.string().regex(BACKUP_FILE_NAME, 'not a backup file name of this app');
const offset = z.number().int().min(0).max(2 ** 50);

export const BACKUP_FAILURE_CODES = [
  /** No folders in this shell (the browser). */
  'unsupported',
  /** Not a folder chosen through the dialog (e.g. from another computer's settings): choose it again. */
  'folder-not-allowed',
  /** The folder is gone or unreachable (network drive not connected). */
  'folder-missing',
  /** The disk is full. */
  'disk-full',
  /** Writing failed for another reason (permissions, the drive went away). */
  'write-failed',
  'read-failed',
  'not-found',
  /** The file does not begin as an .otk backup: the app does not delete it. */
  'not-a-backup',
] as const;

/**
 * An opened backup file, as the shell names it to the renderer: an opaque random id (a UUID), never
 * a path. Main keeps the file the person picked in the open dialog open under it; the renderer can
 * only read that file, by parts, and close it.
 */
const fileHandle = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a file handle');

export const backupFailure = z.object({ status: z.literal('failed'), code: z.enum(BACKUP_FAILURE_CODES) }).strict();
export type BackupFailureCode = (typeof BACKUP_FAILURE_CODES)[number];

export const backupContract = {
  /** The folder dialog: the chosen folder is remembered by main as one the app may write backups to. */
  chooseBackupFolder: {
    args: z.object({}).strict(),
    result: z.discriminatedUnion('status', [z.object({ status: z.literal('chosen'), folder: z.string() }).strict(), z.object({ status: z.literal('cancelled') }).strict(), backupFailure]),
  },
  /**
   * Writes a backup in parts into a temporary file beside its name (`write` at an offset, the first
   * at 0 creating it), then `commit` (flushed to disk, size checked, renamed into place) or `abort`.
   */
  writeBackupPart: {
    args: z.discriminatedUnion('action', [
      z.object({ action: z.literal('write'), folder, name: backupName, offset, bytes: partBytes }).strict(),
      z.object({ action: z.literal('commit'), folder, name: backupName, size: offset }).strict(),
      z.object({ action: z.literal('abort'), folder, name: backupName }).strict(),
    ]),
    result: z.discriminatedUnion('status', [z.object({ status: z.literal('done') }).strict(), backupFailure]),
  },
  /** Reads part of a backup file (the check after writing, and the generations' owner check). */
  readBackupPart: {
    args: z.object({ folder, name: backupName, offset, length: z.number().int().min(1).max(MAX_BACKUP_PART_BYTES) }).strict(),
    result: z.discriminatedUnion('status', [z.object({ status: z.literal('read'), bytes, size: z.number().int().min(0) }).strict(), backupFailure]),
  },
  /** The backup files in the folder (names matching the pattern only). */
  listBackupFiles: {
    args: z.object({ folder }).strict(),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('listed'), files: z.array(z.object({ name: z.string(), size: z.number().int().min(0) }).strict()).max(100_000) }).strict(),
      backupFailure,
    ]),
  },
  /**
   * The open dialog for a backup to restore: the file picked is opened for reading and stays open
   * under an opaque handle (its name and size are said), so a backup of any size is read in parts
   * (`readBackupFile`) — the renderer never names a path. Closed with `closeBackupFile`.
   */
  openBackupFile: {
    args: z.object({ typeName: z.string().min(1).max(200) }).strict(),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('opened'), handle: fileHandle, name: z.string().max(4096), size: z.number().int().min(0) }).strict(),
      z.object({ status: z.literal('cancelled') }).strict(),
      backupFailure,
    ]),
  },
  /** Part of a backup file opened with `openBackupFile` (fewer bytes only at its end). */
  readBackupFile: {
    args: z.object({ handle: fileHandle, offset, length: z.number().int().min(1).max(MAX_BACKUP_PART_BYTES) }).strict(),
    result: z.discriminatedUnion('status', [z.object({ status: z.literal('read'), bytes }).strict(), backupFailure]),
  },
  /** Closes a file opened with `openBackupFile` (an unknown handle is closed already). */
  closeBackupFile: {
    args: z.object({ handle: fileHandle }).strict(),
    result: z.object({ status: z.literal('closed') }).strict(),
  },
  /** Deletes one backup file of the app (an older generation). */
  deleteBackupFile: {
    args: z.object({ folder, name: backupName }).strict(),
    result: z.discriminatedUnion('status', [z.object({ status: z.literal('deleted') }).strict(), backupFailure]),
  },
} as const;
