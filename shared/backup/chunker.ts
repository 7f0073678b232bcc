/**
 * The writer's payload bytes cut into chunks of exactly `size` bytes (the last may be shorter, or
 * empty). A full chunk is held until the next byte arrives — only then is it known not to be the
 * last — and is sealed (`emit`) while the next one fills: at most one chunk is being sealed at a
 * time, in order.
 */
export class Chunker {
  #current: Uint8Array;
  #filled = 0;
  #held: Uint8Array | null = null;
  #sealing: Promise<void> = Promise.resolve();

  constructor(
    private readonly size: number,
    private readonly emit: (plain: Uint8Array, last: boolean) => Promise<void>,
  ) {
    this.#current = new Uint8Array(size);
  }

  /** Starts sealing `chunk` once the one before is sealed (a failure there is thrown here). */
  async #seal(chunk: Uint8Array, last: boolean): Promise<void> {
    await this.#sealing;
    this.#sealing = this.emit(chunk, last);
    this.#sealing.catch(() => undefined);
  }

  async push(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      if (this.#filled === this.size) {
        // More bytes follow: the held chunk is not the last.
        if (this.#held) await this.#seal(this.#held, false);
        this.#held = this.#current;
        this.#current = new Uint8Array(this.size);
        this.#filled = 0;
      }
      const take = Math.min(this.size - this.#filled, bytes.length - offset);
      this.#current.set(bytes.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
    }
  }

  /** No more bytes: what is left becomes the held chunk (the last one, sealed by `last`). */
  async end(): Promise<void> {
    if (this.#filled > 0) {
      if (this.#held) await this.#seal(this.#held, false);
      this.#held = this.#filled === this.size ? this.#current : this.#current.slice(0, this.#filled);
      this.#filled = 0;
    }
    await this.#sealing;
  }

  /** Seals the held chunk (or an empty one) as the last, and waits for it. */
  async last(): Promise<void> {
    await this.#seal(this.#held ?? new Uint8Array(0), true);
    this.#held = null;
    await this.#sealing;
  }

  /** Waits for the chunk being sealed, whatever its outcome. */
  async settled(): Promise<void> {
    await this.#sealing.catch(() => undefined);
  }
}

/** A raw-deflate stream whose output a pump pushes into `chunker` (the `deflate-raw` payload). */
export function deflater(chunker: Chunker): { writer: WritableStreamDefaultWriter<Uint8Array>; pump: Promise<void> } {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
  const reader = stream.readable.getReader();
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      await chunker.push(value);
    }
  })();
  pump.catch((error: unknown) => void reader.cancel(error).catch(() => undefined));
  return { writer, pump };
}
