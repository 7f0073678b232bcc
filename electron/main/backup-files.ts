import { constants } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { BridgeResult } from '../../shared/bridge/contract';
import type { BackupFailureCode } from '../../shared/bridge/backup-contract';
import { BACKUP_FILE_NAME, installationTag, parseBackupFileName } from '../../shared/backup/file-name';
import { writeFileAtomic, type FileSystem } from './files';

/**
 * Backups in a folder (issue 20; the contract is shared/bridge/backup-contract.ts). The folders a
 * coordinator chose through the folder dialog are remembered in `backup-folders.json` in the
 * user-data folder; every other call names one of them or is refused (`folder-not-allowed`), so a
 * renderer can never make main write, list or delete anywhere else. In a folder, only names of
 * the app's backup files are touched. A backup is written into `.<name>.part` (private to the
 * user) and renamed into place once complete and flushed, so a half-written backup never has a
 * backup's name; a file is deleted only when its name carries the tag of an installation this
 * app has written backups for (remembered at each commit in `backup-installations.json`, so a
 * renderer cannot have another installation's backups in a shared folder deleted) and it begins as
 * an .otk backup (magic, format 2) whose header names that same installation. Files are opened
 * without following links (O_NOFOLLOW) and the open handle is checked with fstat to be the regular
 * file that was looked at — Windows has no O_NOFOLLOW, so there the fstat check is what stops a
 * file swapped for a link between the look and the open.
 */

export type BackupFs = FileSystem & Pick<typeof fsPromises, 'readFile' | 'readdir' | 'lstat' | 'mkdir' | 'realpath'>;

export interface BackupFileDeps<W> {
  dialog: { showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue> };
  fs: BackupFs;
  /** Electron's `app.getPath('userData')`: where the list of chosen folders is kept. */
  userDataDir: () => string;
}

const FOLDERS_FILE = 'backup-folders.json';
const INSTALLATIONS_FILE = 'backup-installations.json';
/** The installations remembered (newest first). */
const MAX_INSTALLATIONS = 20;
/** The folders remembered (newest first); older choices fall off the list. */
const MAX_FOLDERS = 20;
const MAGIC = [0x4f, 0x54, 0x4b, 0x42];
/** Never through a symbolic link someone put in a shared folder (POSIX; Windows has no O_NOFOLLOW). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | NOFOLLOW;
const BACKUP_FORMAT = 2;
/** Magic, format version, header length (shared/sync/bundle/format PREFIX_BYTES), and the header's bound. */
const PREFIX = 10;
const MAX_HEADER = 64 * 1024;

type Failed = { status: 'failed'; code: BackupFailureCode };
const failed = (code: BackupFailureCode): Failed => ({ status: 'failed', code });

function codeOfWriteError(error: unknown): BackupFailureCode {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'ENOENT') return 'folder-missing';
  return 'write-failed';
}

async function readList<W>(deps: BackupFileDeps<W>, file: string): Promise<string[]> {
  try {
    const parsed: unknown = JSON.parse(await deps.fs.readFile(join(deps.userDataDir(), file), 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}

/** Puts `entry` first in the list kept in `file` (at most `max`); unchanged lists are not rewritten. */
async function remember<W>(deps: BackupFileDeps<W>, file: string, entry: string, max: number): Promise<void> {
  const before = await readList(deps, file);
  if (before[0] === entry) return;
  const list = [entry, ...before.filter((other) => other !== entry)].slice(0, max);
  await deps.fs.mkdir(deps.userDataDir(), { recursive: true });
  await writeFileAtomic(deps.fs, join(deps.userDataDir(), file), new TextEncoder().encode(JSON.stringify(list)));
}

const readFolders = <W>(deps: BackupFileDeps<W>) => readList(deps, FOLDERS_FILE);
const rememberFolder = <W>(deps: BackupFileDeps<W>, folder: string) => remember(deps, FOLDERS_FILE, folder, MAX_FOLDERS);

/** The folder as chosen earlier, checked to be one and to exist; or why not. */
async function allowedFolder<W>(deps: BackupFileDeps<W>, folder: string): Promise<string | Failed> {
  const wanted = resolve(folder);
  if (!(await readFolders(deps)).includes(wanted)) return failed('folder-not-allowed');
  try {
    if (!(await deps.fs.lstat(wanted)).isDirectory()) return failed('folder-missing');
  } catch {
    return failed('folder-missing');
  }
  return wanted;
}

interface Looked {
  path: string;
  size: number;
  dev: number;
  ino: number;
}

/** A regular file in the folder (never a link, a pipe or a device), or why not. */
async function regularFile<W>(deps: BackupFileDeps<W>, folder: string, name: string): Promise<Looked | Failed> {
  if (!BACKUP_FILE_NAME.test(name)) return failed('not-a-backup');
  const dir = await allowedFolder(deps, folder);
  if (typeof dir !== 'string') return dir;
  const path = join(dir, name);
  try {
    const stat = await deps.fs.lstat(path);
    return stat.isFile() ? { path, size: stat.size, dev: stat.dev, ino: stat.ino } : failed('not-a-backup');
  } catch {
    return failed('not-found');
  }
}

/**
 * Opens the file looked at, for reading: never through a link (O_NOFOLLOW where there is one), and
 * the handle's own fstat must be a regular file with the device and inode looked at — a file
 * swapped for a link or another file between the look and the open is refused (on Windows, where
 * O_NOFOLLOW does not exist, this check is the guard).
 */
async function openLooked<W>(deps: BackupFileDeps<W>, file: Looked): Promise<{ handle: fsPromises.FileHandle; size: number } | Failed> {
  let handle: fsPromises.FileHandle;
  try {
    handle = await deps.fs.open(file.path, READ);
  } catch {
    return failed('read-failed');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.dev !== file.dev || stat.ino !== file.ino) {
      await handle.close().catch(() => undefined);
      return failed('not-a-backup');
    }
    return { handle, size: stat.size };
  } catch {
    await handle.close().catch(() => undefined);
    return failed('read-failed');
  }
}

export async function chooseBackupFolder<W>(deps: BackupFileDeps<W>, window: W): Promise<BridgeResult<'chooseBackupFolder'>> {
  const choice = await deps.dialog.showOpenDialog(window, { properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
  const picked = choice.filePaths[0];
  if (choice.canceled || picked === undefined) return { status: 'cancelled' };
  let folder: string;
  try {
    folder = resolve(await deps.fs.realpath(picked));
    if (!(await deps.fs.lstat(folder)).isDirectory()) return failed('folder-missing');
    await rememberFolder(deps, folder);
  } catch {
    return failed('folder-missing');
  }
  return { status: 'chosen', folder };
}

const partName = (name: string) => `.${name}.part`;

export async function writeBackupPart<W>(
  deps: BackupFileDeps<W>,
  args: { action: 'write'; folder: string; name: string; offset: number; bytes: Uint8Array } | { action: 'commit'; folder: string; name: string; size: number } | { action: 'abort'; folder: string; name: string },
): Promise<BridgeResult<'writeBackupPart'>> {
  const dir = await allowedFolder(deps, args.folder);
  if (typeof dir !== 'string') return dir;
  const temp = join(dir, partName(args.name));
  if (args.action === 'abort') {
    await deps.fs.rm(temp, { force: true }).catch(() => undefined);
    return { status: 'done' };
  }
  try {
    if (args.action === 'write') {
      // The first part creates the file afresh, exclusively (private to the user); later parts write at their offset.
      if (args.offset === 0) await deps.fs.rm(temp, { force: true });
      // A later part goes only into the regular file looked at (a link planted as the temporary
      // file between parts is refused by the fstat check too, where there is no O_NOFOLLOW).
      const looked = args.offset === 0 ? null : await deps.fs.lstat(temp);
      if (looked && !looked.isFile()) return failed('write-failed');
      const handle = await deps.fs.open(temp, args.offset === 0 ? 'wx' : constants.O_WRONLY | NOFOLLOW, 0o600);
      try {
        if (looked) {
          const opened = await handle.stat();
          if (!opened.isFile() || opened.dev !== looked.dev || opened.ino !== looked.ino) return failed('write-failed');
        }
        await handle.write(args.bytes, 0, args.bytes.byteLength, args.offset);
      } finally {
        await handle.close();
      }
      return { status: 'done' };
    }
    const handle = await deps.fs.open(temp, constants.O_RDWR | NOFOLLOW);
    try {
      if ((await handle.stat()).size !== args.size) return failed('write-failed');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await deps.fs.rename(temp, join(dir, args.name));
    // The installation whose backups this app writes: only such files may be deleted later.
    const parsed = parseBackupFileName(args.name);
    if (parsed) await remember(deps, INSTALLATIONS_FILE, parsed.tag, MAX_INSTALLATIONS).catch(() => undefined);
    return { status: 'done' };
  } catch (error) {
    return failed(codeOfWriteError(error));
  }
}

export async function readBackupPart<W>(deps: BackupFileDeps<W>, args: { folder: string; name: string; offset: number; length: number }): Promise<BridgeResult<'readBackupPart'>> {
  const file = await regularFile(deps, args.folder, args.name);
  if ('status' in file) return file;
  const opened = await openLooked(deps, file);
  if ('status' in opened) return opened;
  const { handle, size } = opened;
  try {
    const bytes = await readAt(handle, Math.max(0, Math.min(args.length, size - args.offset)), args.offset);
    return { status: 'read', bytes, size };
  } catch {
    return failed('read-failed');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export async function listBackupFiles<W>(deps: BackupFileDeps<W>, args: { folder: string }): Promise<BridgeResult<'listBackupFiles'>> {
  const dir = await allowedFolder(deps, args.folder);
  if (typeof dir !== 'string') return dir;
  let names: string[];
  try {
    names = (await deps.fs.readdir(dir)).filter((name) => BACKUP_FILE_NAME.test(name));
  } catch {
    return failed('read-failed');
  }
  const files: Array<{ name: string; size: number }> = [];
  for (const name of names) {
    const stat = await deps.fs.lstat(join(dir, name)).catch(() => null);
    if (stat?.isFile()) files.push({ name, size: stat.size });
  }
  return { status: 'listed', files };
}

async function readAt(handle: fsPromises.FileHandle, length: number, position: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(bytes, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return bytes.subarray(0, done);
}

/**
 * The installation tag named in the header of a file that begins as an .otk backup (magic, format
 * 2, header JSON with `sender.installationId`); null when it does not.
 */
async function headerInstallation(handle: fsPromises.FileHandle): Promise<string | null> {
  const start = await readAt(handle, PREFIX, 0);
  if (start.length < PREFIX || !MAGIC.every((byte, i) => start[i] === byte) || ((start[4]! << 8) | start[5]!) !== BACKUP_FORMAT) return null;
  const length = new DataView(start.buffer, start.byteOffset).getUint32(6);
  if (length === 0 || length > MAX_HEADER) return null;
  const header = await readAt(handle, length, PREFIX);
  if (header.length < length) return null;
  try {
    const parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(header)) as { sender?: { installationId?: unknown } };
    const id = parsed.sender?.installationId;
    return typeof id === 'string' ? installationTag(id) : null;
  } catch {
    return null;
  }
}

export async function deleteBackupFile<W>(deps: BackupFileDeps<W>, args: { folder: string; name: string }): Promise<BridgeResult<'deleteBackupFile'>> {
  const file = await regularFile(deps, args.folder, args.name);
  if ('status' in file) return file;
  const tag = parseBackupFileName(args.name)?.tag;
  if (!tag || !(await readList(deps, INSTALLATIONS_FILE)).includes(tag)) return failed('not-a-backup');
  const opened = await openLooked(deps, file);
  if ('status' in opened) return opened;
  let owner: string | null;
  try {
    owner = await headerInstallation(opened.handle);
  } catch {
    return failed('read-failed');
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
  if (owner === null || owner !== tag) return failed('not-a-backup');
  try {
    await deps.fs.rm(file.path);
  } catch {
    return failed('write-failed');
  }
  return { status: 'deleted' };
}
