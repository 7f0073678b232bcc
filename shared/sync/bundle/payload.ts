import { BundleError } from './errors';
import { ENTRY_TYPE, MAX_LINE_CHARS, type BundleEntry } from './format';

/**
 * The payload before encryption: one JSON line per record, `{"type":…,"record":…}\n`, compressed
 * as one raw-deflate stream and cut into chunks of `chunkBytes`. Records are serialised one at a
 * time and written in batches, so 100 000 records never become one giant string (V8 caps a
 * string at ~512 MiB; one JSON.stringify of everything fails around 350 000 records).
 */

/**
 * Entries already serialised as the payload's lines (`encodeEntryLines`), with their count per
 * type: a thread that reads and serialises records hands them to the one that compresses.
 */
export interface EncodedEntries {
  kind: 'encoded-entries';
  counts: Record<string, number>;
  bytes: Uint8Array;
}

export type EntryItem = BundleEntry | readonly BundleEntry[] | EncodedEntries;

export type EntrySource = Iterable<EntryItem> | AsyncIterable<EntryItem>;

export function isEncodedEntries(item: EntryItem): item is EncodedEntries {
  return !Array.isArray(item) && (item as EncodedEntries).kind === 'encoded-entries';
}

const BATCH_CHARS = 256 * 1024;

/** Reads a byte stream into pieces of exactly `size` bytes (the last may be shorter; at least one). */
async function cutInto(readable: ReadableStream<Uint8Array>, size: number): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  let current = new Uint8Array(size);
  let filled = 0;
  const reader = readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let offset = 0;
    while (offset < value.length) {
      const take = Math.min(size - filled, value.length - offset);
      current.set(value.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        pieces.push(current);
        current = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0 || pieces.length === 0) pieces.push(current.slice(0, filled));
  return pieces;
}

function lineOf(entry: BundleEntry): string {
  if (!ENTRY_TYPE.test(entry.type)) throw new TypeError(`bad entry type ${JSON.stringify(entry.type)}`);
  const record = JSON.stringify(entry.record) as string | undefined;
  if (record === undefined) throw new TypeError(`a ${entry.type} record is not JSON-serialisable`);
  return `{"type":"${entry.type}","record":${record}}\n`;
}

/** `entries` as the payload's lines, UTF-8 (what compressEntries writes for them). */
export function encodeEntryLines(entries: readonly BundleEntry[]): EncodedEntries {
  const counts: Record<string, number> = {};
  let text = '';
  for (const entry of entries) {
    text += lineOf(entry);
    counts[entry.type] = (counts[entry.type] ?? 0) + 1;
  }
  return { kind: 'encoded-entries', counts, bytes: new TextEncoder().encode(text) };
}

/** Serialises and compresses the entries; returns the compressed chunks and the count per type. */
export async function compressEntries(source: EntrySource, chunkBytes: number): Promise<{ chunks: Uint8Array[]; counts: Record<string, number> }> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reading = cutInto(stream.readable, chunkBytes);
  reading.catch(() => undefined);
  const encoder = new TextEncoder();
  const counts: Record<string, number> = {};
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const bytes = encoder.encode(batch.join(''));
    batch = [];
    batchChars = 0;
    await writer.write(bytes);
  };
  try {
    for await (const item of source as AsyncIterable<EntryItem>) {
      if (isEncodedEntries(item)) {
        // Already lines: after the ones waiting, in order.
        await flush();
        for (const [type, n] of Object.entries(item.counts)) {
          if (!ENTRY_TYPE.test(type)) throw new TypeError(`bad entry type ${JSON.stringify(type)}`);
          counts[type] = (counts[type] ?? 0) + n;
        }
        await writer.write(item.bytes as Uint8Array<ArrayBuffer>);
        continue;
      }
      const entries = Array.isArray(item) ? (item as readonly BundleEntry[]) : [item as BundleEntry];
      for (const entry of entries) {
        const line = lineOf(entry);
        counts[entry.type] = (counts[entry.type] ?? 0) + 1;
        batch.push(line);
        batchChars += line.length;
        if (batchChars >= BATCH_CHARS) await flush();
      }
    }
    await flush();
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
  return { chunks: await reading, counts };
}

function invalid(message: string, cause?: unknown): BundleError {
  return new BundleError('invalid-payload', message, { cause });
}

function parseLine(line: string): BundleEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw invalid('a payload line is not JSON', error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('a payload line is not an entry');
  const { type, record } = value as { type?: unknown; record?: unknown };
  if (typeof type !== 'string' || !ENTRY_TYPE.test(type) || record === undefined) throw invalid('a payload line is not an entry');
  return { type, record };
}

/**
 * Decompresses authenticated chunks back into entries, one at a time, and checks the count per
 * type against the header at the end. Throws only BundleError('invalid-payload').
 */
export async function* decompressEntries(chunks: readonly Uint8Array[], expectedCounts: Readonly<Record<string, number>>): AsyncGenerator<BundleEntry> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const feeding = (async () => {
    for (const chunk of chunks) await writer.write(chunk as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  feeding.catch(() => undefined);
  const reader = stream.readable.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const counts: Record<string, number> = {};
  let carry = '';
  let finished = false;
  try {
    for (;;) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
        if (!read.done) carry += decoder.decode(read.value, { stream: true });
        else carry += decoder.decode();
      } catch (error) {
        throw invalid('the payload does not decompress to UTF-8 text', error);
      }
      let start = 0;
      for (let newline = carry.indexOf('\n'); newline !== -1; newline = carry.indexOf('\n', start)) {
        const entry = parseLine(carry.slice(start, newline));
        start = newline + 1;
        counts[entry.type] = (counts[entry.type] ?? 0) + 1;
        yield entry;
      }
      carry = carry.slice(start);
      if (carry.length > MAX_LINE_CHARS) throw invalid('a payload line is too long');
      if (read.done) break;
    }
    if (carry !== '') throw invalid('the payload does not end with a complete line');
    try {
      await feeding;
    } catch (error) {
      throw invalid('the payload does not decompress', error);
    }
    const types = new Set([...Object.keys(counts), ...Object.keys(expectedCounts)]);
    for (const type of types) {
      if ((counts[type] ?? 0) !== (expectedCounts[type] ?? 0)) throw invalid(`the payload holds ${counts[type] ?? 0} ${type} records, the header says ${expectedCounts[type] ?? 0}`);
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}
