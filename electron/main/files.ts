import { randomUUID } from 'node:crypto';
import type * as fsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { MAX_FILE_BYTES, type BridgeResult, type FileFilter } from '../../shared/bridge/contract';

export type FileSystem = Pick<typeof fsPromises, 'open' | 'rename' | 'rm'>;

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

export async function openFile<W>(
  deps: FileDeps<W>,
  window: W,
  args: { filters: FileFilter[]; maxBytes?: number | undefined },
): Promise<BridgeResult<'openFile'>> {
  const choice = await deps.dialog.showOpenDialog(window, { properties: ['openFile'], filters: args.filters });
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return { status: 'cancelled' };
  const maxBytes = args.maxBytes ?? MAX_FILE_BYTES;

  let handle: fsPromises.FileHandle;
  try {
    handle = await deps.fs.open(path, 'r');
  } catch {
    return { status: 'failed', code: 'read-failed' };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { status: 'failed', code: 'read-failed' };
    if (info.size > maxBytes) return { status: 'failed', code: 'too-large' };
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
