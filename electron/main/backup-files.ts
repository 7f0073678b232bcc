import { constants } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { BridgeResult } from '../../shared/bridge/contract';
import type { BackupFailureCode } from '../../shared/bridge/backup-contract';
import { BACKUP_FILE_NAME } from '../../shared/backup/file-name';
import { writeFileAtomic, type FileSystem } from './files';

/**
 * Backups in a folder (issue 20; the contract is shared/bridge/backup-contract.ts). The folders a
 * coordinator chose through the folder dialog are remembered in `backup-folders.json` in the
 * user-data folder; every other call names one of them or is refused (`folder-not-allowed`), so a
 * renderer can never make main write, list or delete anywhere else. In a folder, only names of
 * the app's backup files are touched. A backup is written into `.<name>.part` (private to the
 * user) and renamed into place once complete and flushed, so a half-written backup never has a
 * backup's name; a file is deleted only when it begins as an .otk backup (magic, format 2).
 */

export type BackupFs = FileSystem & Pick<typeof fsPromises, 'readFile' | 'readdir' | 'lstat' | 'mkdir' | 'realpath'>;

export interface BackupFileDeps<W> {
  dialog: { showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue> };
  fs: BackupFs;
  /** Electron's `app.getPath('userData')`: where the list of chosen folders is kept. */
  userDataDir: () => string;
}

const FOLDERS_FILE = 'backup-folders.json';
/** The folders remembered (newest first); older choices fall off the list. */
const MAX_FOLDERS = 20;
const MAGIC = [0x4f, 0x54, 0x4b, 0x42];
/** Never through a symbolic link someone put in a shared folder (POSIX; Windows has no O_NOFOLLOW). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | NOFOLLOW;
const BACKUP_FORMAT = 2;

type Failed = { status: 'failed'; code: BackupFailureCode };
const failed = (code: BackupFailureCode): Failed => ({ status: 'failed', code });

function codeOfWriteError(error: unknown): BackupFailureCode {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'ENOENT') return 'folder-missing';
  return 'write-failed';
}

async function readFolders<W>(deps: BackupFileDeps<W>): Promise<string[]> {
  try {
    const parsed: unknown = JSON.parse(await deps.fs.readFile(join(deps.userDataDir(), FOLDERS_FILE), 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}

async function rememberFolder<W>(deps: BackupFileDeps<W>, folder: string): Promise<void> {
  const folders = [folder, ...(await readFolders(deps)).filter((entry) => entry !== folder)].slice(0, MAX_FOLDERS);
  await deps.fs.mkdir(deps.userDataDir(), { recursive: true });
  await writeFileAtomic(deps.fs, join(deps.userDataDir(), FOLDERS_FILE), new TextEncoder().encode(JSON.stringify(folders)));
}

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

/** A regular file in the folder (never a link, a pipe or a device), or why not. */
async function regularFile<W>(deps: BackupFileDeps<W>, folder: string, name: string): Promise<{ path: string; size: number } | Failed> {
  if (!BACKUP_FILE_NAME.test(name)) return failed('not-a-backup');
  const dir = await allowedFolder(deps, folder);
  if (typeof dir !== 'string') return dir;
  const path = join(dir, name);
  try {
    const stat = await deps.fs.lstat(path);
    return stat.isFile() ? { path, size: stat.size } : failed('not-a-backup');
  } catch {
    return failed('not-found');
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
      const handle = await deps.fs.open(temp, args.offset === 0 ? 'wx' : constants.O_WRONLY | NOFOLLOW, 0o600);
      try {
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
    return { status: 'done' };
  } catch (error) {
    return failed(codeOfWriteError(error));
  }
}

export async function readBackupPart<W>(deps: BackupFileDeps<W>, args: { folder: string; name: string; offset: number; length: number }): Promise<BridgeResult<'readBackupPart'>> {
  const file = await regularFile(deps, args.folder, args.name);
  if ('status' in file) return file;
  let handle: fsPromises.FileHandle;
  try {
    handle = await deps.fs.open(file.path, READ);
  } catch {
    return failed('read-failed');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return failed('not-a-backup');
    const length = Math.max(0, Math.min(args.length, stat.size - args.offset));
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(bytes, done, length - done, args.offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return { status: 'read', bytes: bytes.subarray(0, done), size: stat.size };
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

export async function deleteBackupFile<W>(deps: BackupFileDeps<W>, args: { folder: string; name: string }): Promise<BridgeResult<'deleteBackupFile'>> {
  const file = await regularFile(deps, args.folder, args.name);
  if ('status' in file) return file;
  let start: Uint8Array;
  try {
    const handle = await deps.fs.open(file.path, READ);
    try {
      start = new Uint8Array(6);
      await handle.read(start, 0, 6, 0);
    } finally {
      await handle.close();
    }
  } catch {
    return failed('read-failed');
  }
  const isBackup = MAGIC.every((byte, i) => start[i] === byte) && ((start[4]! << 8) | start[5]!) === BACKUP_FORMAT;
  if (!isBackup) return failed('not-a-backup');
  try {
    await deps.fs.rm(file.path);
  } catch {
    return failed('write-failed');
  }
  return { status: 'deleted' };
}
