import type { Bridge } from '../../../../shared/bridge/contract';
import { MAX_BACKUP_PART_BYTES, type BackupFailureCode } from '../../../../shared/bridge/backup-contract';
import { BackupError, type BackupSink, type ByteSource } from '../../../../shared/backup';

/**
 * Where backups are written and read: a folder the coordinator chose (Electron, through the
 * bridge, in parts) or a Blob (the browser's download, or a file the coordinator saves). Both take
 * the file a piece at a time, so no copy of a whole backup ever sits in the page's memory — a
 * Blob keeps its parts outside the JavaScript heap.
 */

/** Bytes per bridge call when writing to a folder. */
const FOLDER_PART = 8 * 1024 * 1024;
/** Bytes gathered before they become one Blob part. */
const BLOB_PART = 16 * 1024 * 1024;

export function failureOf(code: BackupFailureCode): BackupError {
  if (code === 'disk-full') return new BackupError('storage-full', 'the backup folder\'s disk is full', { where: 'folder' });
  return new BackupError('folder-unavailable', `the backup folder answered ${code}`, { reason: code });
}

/** Gathers small pieces into parts of about `size` bytes. */
class Gatherer {
  #pieces: Uint8Array[] = [];
  #length = 0;
  constructor(private readonly size: number) {}

  get length(): number {
    return this.#length;
  }

  /** The gathered bytes when at least `size` (or `force`), else null. */
  add(bytes: Uint8Array | null, force = false): Uint8Array | null {
    if (bytes) {
      this.#pieces.push(bytes);
      this.#length += bytes.length;
    }
    if (this.#length === 0 || (!force && this.#length < this.size)) return null;
    const out = new Uint8Array(this.#length);
    let at = 0;
    for (const piece of this.#pieces) {
      out.set(piece, at);
      at += piece.length;
    }
    this.#pieces = [];
    this.#length = 0;
    return out;
  }
}

export interface FinishingSink extends BackupSink {
  /** Everything written: commit (the folder renames the file into place). */
  close(): Promise<void>;
  /** Nothing of it stays. */
  abort(): Promise<void>;
  readonly written: number;
}

/** A backup file in the chosen folder, written in parts to a temporary file, renamed into place by `close`. */
export function folderSink(bridge: Bridge, folder: string, name: string, partBytes = FOLDER_PART): FinishingSink {
  const gather = new Gatherer(partBytes);
  let offset = 0;
  const flush = async (part: Uint8Array | null) => {
    if (!part) return;
    const result = await bridge.writeBackupPart({ action: 'write', folder, name, offset, bytes: part });
    if (result.status === 'failed') throw failureOf(result.code);
    offset += part.length;
  };
  return {
    get written() {
      return offset + gather.length;
    },
    write: (bytes) => flush(gather.add(bytes.slice())),
    async close() {
      await flush(gather.add(null, true));
      const result = await bridge.writeBackupPart({ action: 'commit', folder, name, size: offset });
      if (result.status === 'failed') throw failureOf(result.code);
    },
    async abort() {
      await bridge.writeBackupPart({ action: 'abort', folder, name }).catch(() => undefined);
    },
  };
}

export interface BlobSink extends FinishingSink {
  blob(): Blob;
}

export function blobSink(): BlobSink {
  const gather = new Gatherer(BLOB_PART);
  const parts: Blob[] = [];
  let written = 0;
  const keep = (bytes: Uint8Array | null) => {
    if (bytes) parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  };
  return {
    get written() {
      return written;
    },
    write: async (bytes) => {
      written += bytes.length;
      keep(gather.add(bytes.slice()));
    },
    close: async () => keep(gather.add(null, true)),
    abort: async () => void parts.splice(0),
    blob: () => new Blob(parts, { type: 'application/octet-stream' }),
  };
}

export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}

/** A backup file in the folder, read in parts through the bridge. */
export async function folderSource(bridge: Bridge, folder: string, name: string): Promise<ByteSource> {
  const read = async (offset: number, length: number) => {
    const result = await bridge.readBackupPart({ folder, name, offset, length: Math.max(1, length) });
    if (result.status === 'failed') throw failureOf(result.code);
    return result;
  };
  const { size } = await read(0, 1);
  return { size, read: async (offset, length) => (length === 0 ? new Uint8Array(0) : (await read(offset, length)).bytes) };
}

/** A file picked for a restore (bridge `openBackupFile`): its handle, name and size. */
export interface OpenedFile {
  handle: string;
  name: string;
  size: number;
}

/**
 * A file opened with `openBackupFile`, read in parts through the bridge (at most `partBytes` per
 * call), so a backup of any size is restored without holding it whole. A part that cannot be read
 * (the drive went away, the file was moved) throws BackupError 'unreadable'; a part shorter than
 * asked for before the file's end throws 'truncated' (the file shrank after it was picked).
 */
export function openedFileSource(bridge: Bridge, file: OpenedFile, partBytes = MAX_BACKUP_PART_BYTES): ByteSource {
  const part = Math.min(partBytes, MAX_BACKUP_PART_BYTES);
  return {
    size: file.size,
    async read(offset, length) {
      const end = Math.min(file.size, offset + length);
      if (end <= offset) return new Uint8Array(0);
      const out = new Uint8Array(end - offset);
      for (let at = offset; at < end; ) {
        const result = await bridge.readBackupFile({ handle: file.handle, offset: at, length: Math.min(part, end - at) });
        if (result.status === 'failed') throw new BackupError('unreadable', `reading the file at ${at} failed: ${result.code}`);
        if (result.bytes.length === 0) throw new BackupError('truncated', `the file ends at ${at}, before the ${file.size} bytes it had when chosen`);
        out.set(result.bytes, at - offset);
        at += result.bytes.length;
      }
      return out;
    },
  };
}
