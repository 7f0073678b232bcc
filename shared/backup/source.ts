/**
 * Where a backup's bytes are read from, a piece at a time: the file in the backup folder (through
 * the bridge, in Electron), a Blob (the browser), or bytes in memory. Reading never needs the whole
 * file at once, so checking or restoring 100 000 cases keeps memory bounded.
 */
export interface ByteSource {
  /** The file's length in bytes. */
  readonly size: number;
  /** Exactly `length` bytes from `offset` (fewer only at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

/** Reads a source front to back in windows of `window` bytes (default 8 MiB), handing out exact pieces. */
export class SequentialReader {
  #buffer = new Uint8Array(0);
  #bufferAt = 0;
  #position = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly window = 8 * 1024 * 1024,
  ) {}

  get position(): number {
    return this.#position;
  }

  get remaining(): number {
    return this.source.size - this.#position;
  }

  /** The next `length` bytes (fewer only when the file ends first). */
  async take(length: number): Promise<Uint8Array> {
    const end = Math.min(this.source.size, this.#position + length);
    const bufferEnd = this.#bufferAt + this.#buffer.length;
    if (this.#position >= this.#bufferAt && end <= bufferEnd) {
      const out = this.#buffer.subarray(this.#position - this.#bufferAt, end - this.#bufferAt);
      this.#position = end;
      return out;
    }
    // Keep what is left of the window, read on from its end.
    const kept = this.#position < bufferEnd ? this.#buffer.subarray(this.#position - this.#bufferAt) : new Uint8Array(0);
    const from = this.#position + kept.length;
    const want = Math.max(end - from, Math.min(this.window, this.source.size - from));
    const fresh = want > 0 ? await this.source.read(from, want) : new Uint8Array(0);
    const joined = new Uint8Array(kept.length + fresh.length);
    joined.set(kept);
    joined.set(fresh, kept.length);
    this.#buffer = joined;
    this.#bufferAt = this.#position;
    const out = this.#buffer.subarray(0, Math.min(end - this.#position, this.#buffer.length));
    this.#position += out.length;
    return out;
  }
}
