import { randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import type { BridgeResult } from '../../shared/bridge/contract';
import { OPEN_FOR_READING } from './files';

/**
 * Backups opened for a restore (issue 20), read in parts however large they are. The person picks
 * the file in the shell's open dialog; main opens it and keeps it open under an opaque random
 * handle, which is all the renderer ever gets — with the file's name and size — so the renderer can
 * read exactly that file, by parts, and close it, but never name a path. The opened handle is
 * checked with fstat to be the regular file the dialog's path led to (device and inode), so a
 * file swapped in between is refused. At most MAX_OPEN are kept; opening another closes the oldest.
 */

export interface OpenedFileDeps<W> {
  dialog: { showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue> };
  fs: Pick<typeof fsPromises, 'open' | 'stat'>;
}

const MAX_OPEN = 4;

export class OpenedFiles<W> {
  readonly #open = new Map<string, { handle: fsPromises.FileHandle; size: number }>();

  constructor(private readonly deps: OpenedFileDeps<W>) {}

  get count(): number {
    return this.#open.size;
  }

  async open(window: W, args: { typeName: string }): Promise<BridgeResult<'openBackupFile'>> {
    const choice = await this.deps.dialog.showOpenDialog(window, { properties: ['openFile'], filters: [{ name: args.typeName, extensions: ['otk'] }] });
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) return { status: 'cancelled' };
    let looked: Stats;
    try {
      looked = await this.deps.fs.stat(path);
    } catch {
      return { status: 'failed', code: 'read-failed' };
    }
    if (!looked.isFile()) return { status: 'failed', code: 'not-a-backup' };
    let handle: fsPromises.FileHandle;
    try {
      handle = await this.deps.fs.open(path, OPEN_FOR_READING);
    } catch {
      return { status: 'failed', code: 'read-failed' };
    }
    let size: number;
    try {
      const opened = await handle.stat();
      if (!opened.isFile() || opened.dev !== looked.dev || opened.ino !== looked.ino) {
        await handle.close().catch(() => undefined);
        return { status: 'failed', code: 'not-a-backup' };
      }
      size = opened.size;
    } catch {
      await handle.close().catch(() => undefined);
      return { status: 'failed', code: 'read-failed' };
    }
    while (this.#open.size >= MAX_OPEN) await this.close({ handle: this.#open.keys().next().value! });
    const id = randomUUID();
    this.#open.set(id, { handle, size });
    return { status: 'opened', handle: id, name: basename(path), size };
  }

  async read(args: { handle: string; offset: number; length: number }): Promise<BridgeResult<'readBackupFile'>> {
    const file = this.#open.get(args.handle);
    if (!file) return { status: 'failed', code: 'not-found' };
    try {
      const length = Math.max(0, Math.min(args.length, file.size - args.offset));
      const bytes = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await file.handle.read(bytes, done, length - done, args.offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return { status: 'read', bytes: bytes.subarray(0, done) };
    } catch {
      return { status: 'failed', code: 'read-failed' };
    }
  }

  async close(args: { handle: string }): Promise<BridgeResult<'closeBackupFile'>> {
    const file = this.#open.get(args.handle);
    this.#open.delete(args.handle);
    await file?.handle.close().catch(() => undefined);
    return { status: 'closed' };
  }

  /** Closes every file (the window is gone). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.#open.keys()].map((handle) => this.close({ handle })));
  }
}
