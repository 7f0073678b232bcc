import { randomUUID } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { MAX_FILE_BYTES, type BridgeResult, type FileFilter } from '../../shared/bridge/contract';

export type FileSystem = Pick<typeof fsPromises, 'open' | 'rename' | 'rm' | 'stat'>;

/** Electron's `dialog`, as used here: always modal to the window that asked. */
export interface FileDialogs<W> {
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

export interface FileDeps<W> {
  dialog: FileDialogs<W>;
  fs: FileSystem;
  /** Where the save dialog starts, e.g. `app.getPath('documents')`. */
  documentsDir: () => string;
}

/**
 * Replaces `target` with `bytes` so that no reader ever sees a half-written file: write a private
 * temporary file next to it, flush it to disk, then rename it over the target. On any failure the
 * temporary file is removed, the target is untouched and the error is rethrown.
 */
export async function writeFileAtomic(fs: FileSystem, target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.otk-save-${randomUUID()}.tmp`);
  let handle: fsPromises.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', 0o600);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, dirname(target));
}

/** Makes the rename itself durable on POSIX; directories cannot be opened this way on Windows. */
async function syncDirectory(fs: FileSystem, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort only: the file is already in place.
  }
}

function defaultSavePath(documentsDir: () => string, suggestedName: string): string {
  try {
    return join(documentsDir(), suggestedName);
  } catch {
    return suggestedName;
  }
}

export async function saveFile<W>(
  deps: FileDeps<W>,
  window: W,
  args: { suggestedName: string; bytes: Uint8Array; filters?: FileFilter[] | undefined },
): Promise<BridgeResult<'saveFile'>> {
  // The contract refuses larger bytes from the renderer; a PDF main rendered itself is checked here.
  if (args.bytes.byteLength > MAX_FILE_BYTES) return { status: 'failed', code: 'too-large' };
  const choice = await deps.dialog.showSaveDialog(window, {
    defaultPath: defaultSavePath(deps.documentsDir, args.suggestedName),
    filters: args.filters,
  });
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
  try {
    await writeFileAtomic(deps.fs, choice.filePath, args.bytes);
  } catch {
    return { status: 'failed', code: 'write-failed' };
  }
  return { status: 'saved', location: choice.filePath };
}

/**
 * Read-only and, where the platform has it, non-blocking: opening a named pipe that appeared at the
 * path after the check returns at once instead of waiting forever for a writer. (Regular files
 * read the same either way; Windows has no O_NONBLOCK and no named pipes in the file system.)
 */
export const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Asks for one file and reads it whole. The path is checked before it is opened: only a regular
 * file (a symbolic link counts as what it points to) of at most `maxBytes` (MAX_FILE_BYTES by
 * default) — a folder, named pipe, device or socket is refused as not-a-file and never opened, so
 * a FIFO cannot hang the shell and /dev/zero cannot fill its memory. The opened handle is checked
 * again (same file, still regular, still small enough), in case the path changed in between.
 */
export async function openFile<W>(
  deps: FileDeps<W>,
  window: W,
  args: { filters: FileFilter[]; maxBytes?: number | undefined },
): Promise<BridgeResult<'openFile'>> {
  const choice = await deps.dialog.showOpenDialog(window, { properties: ['openFile'], filters: args.filters });
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return { status: 'cancelled' };
  const maxBytes = Math.min(args.maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES);

  let checked: Stats;
  try {
    checked = await deps.fs.stat(path);
  } catch {
    return { status: 'failed', code: 'read-failed' };
  }
  if (!checked.isFile()) return { status: 'failed', code: 'not-a-file' };
  if (checked.size > maxBytes) return { status: 'failed', code: 'too-large' };

  let handle: fsPromises.FileHandle;
  try {
    handle = await deps.fs.open(path, OPEN_FOR_READING);
  } catch {
    return { status: 'failed', code: 'read-failed' };
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.dev !== checked.dev || opened.ino !== checked.ino) {
      return { status: 'failed', code: 'not-a-file' };
    }
    if (opened.size > maxBytes) return { status: 'failed', code: 'too-large' };
    const buffer = await handle.readFile();
    // The file may have grown since the stat.
    if (buffer.byteLength > maxBytes) return { status: 'failed', code: 'too-large' };
    return { status: 'opened', name: basename(path), bytes: new Uint8Array(buffer) };
  } catch {
    return { status: 'failed', code: 'read-failed' };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
