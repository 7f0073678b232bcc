import { z } from 'zod';
import { fromBase64, toBase64 } from '../sync/bundle/bytes';
import { ProtectionError } from './errors';
import { getPath, pathSegments, setPath } from './field-path';

/**
 * Encryption at rest of single values: a sensitive field is stored as
 *   { v: 1, iv: base64 (12 bytes), ct: base64 (AES-256-GCM ciphertext + 16-byte tag) }
 * — never its text. Each seal draws a fresh random 96-bit IV (one data key per installation seals
 * far fewer than the 2^32 values NIST allows for random IVs). The associated data names the record
 * id and the field path (`fieldAad`), so a ciphertext copied to another record or field does not
 * open ('tampered'), and neither does one edited by a single bit.
 *
 * The plaintext is the value's JSON padded with spaces to a multiple of 32 bytes (JSON ignores
 * trailing whitespace), so the stored size tells little about a short text's length.
 *
 * Record helpers seal and open a list of dotted paths and leave everything else as it is. Sealing
 * skips values that are already sealed and opening skips values that are not, so a migration that
 * encrypts existing data in batches can stop anywhere and run again (see `plaintextFields`).
 */

export const SEALED_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PAD_BLOCK = 32;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function base64Bytes(min: number, max: number) {
  return z.string().refine((text) => {
    try {
      const length = fromBase64(text).length;
      return length >= min && length <= max;
    } catch {
      return false;
    }
  });
}

export const sealedValueSchema = z
  .object({
    v: z.literal(SEALED_VERSION),
    iv: base64Bytes(IV_BYTES, IV_BYTES),
    ct: base64Bytes(TAG_BYTES + PAD_BLOCK, Number.MAX_SAFE_INTEGER),
  })
  .strict();

export type SealedValue = z.infer<typeof sealedValueSchema>;

/** A record as stored: some of its fields may hold sealed values. */
export type StoredRecord = Record<string, unknown>;

/**
 * The IV and ciphertext bytes of a value of exactly the sealed shape (what sealedValueSchema
 * accepts), each decoded once; null for anything else. Opening runs this for every record read
 * (100 000 per export), so it does not go through zod, whose refinements decode the base64 again.
 */
function sealedParts(value: unknown): { iv: Uint8Array<ArrayBuffer>; ct: Uint8Array<ArrayBuffer> } | null {
  if (typeof value !== 'object' || value === null || Object.keys(value).length !== 3) return null;
  const { v, iv, ct } = value as Record<string, unknown>;
  if (v !== SEALED_VERSION || typeof iv !== 'string' || typeof ct !== 'string') return null;
  try {
    const ivBytes = fromBase64(iv) as Uint8Array<ArrayBuffer>;
    const ctBytes = fromBase64(ct) as Uint8Array<ArrayBuffer>;
    return ivBytes.length === IV_BYTES && ctBytes.length >= TAG_BYTES + PAD_BLOCK ? { iv: ivBytes, ct: ctBytes } : null;
  } catch {
    return null;
  }
}

/** True when `value` has the exact shape of a sealed value (it says nothing about the key). */
export function isSealed(value: unknown): value is SealedValue {
  return sealedParts(value) !== null;
}

/** The associated data of a field: record id and dotted path, unambiguous (a JSON array). */
export function fieldAad(recordId: string, field: string): string {
  return JSON.stringify(['otk-field/1', recordId, field]);
}

function padded(value: unknown): Uint8Array<ArrayBuffer> {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('only JSON values can be sealed');
  const bytes = encoder.encode(json);
  const out = new Uint8Array(Math.ceil((bytes.length + 1) / PAD_BLOCK) * PAD_BLOCK).fill(0x20);
  out.set(bytes);
  return out;
}

/** Encrypts a JSON value under the data key, bound to `aad` (use `fieldAad`). */
export async function sealValue(value: unknown, dataKey: CryptoKey, aad: string): Promise<SealedValue> {
  const { iv, ct } = await sealBytes(value, dataKey, aad);
  return { v: SEALED_VERSION, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/**
 * A sealed value kept as bytes (IndexedDB stores them as they are): the same encryption as
 * `sealValue`, for large values read in bulk, where the base64 text of a `SealedValue` would be a
 * third larger and decoding it a large part of reading them (the list index's snapshot).
 */
export interface SealedBytes {
  v: typeof SEALED_VERSION;
  iv: Uint8Array<ArrayBuffer>;
  ct: ArrayBuffer;
}

/** `sealValue`, kept as bytes. */
export async function sealBytes(value: unknown, dataKey: CryptoKey, aad: string): Promise<SealedBytes> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, dataKey, padded(value));
  return { v: SEALED_VERSION, iv, ct };
}

/** `openValue` of a value sealed by `sealBytes` (the same errors). */
export async function openBytes<T = unknown>(sealed: unknown, dataKey: CryptoKey, aad: string): Promise<T> {
  const parts = sealedByteParts(sealed);
  if (parts === null) throw new ProtectionError('invalid-sealed-value', 'not a sealed value');
  return opened<T>(parts, dataKey, aad);
}

function sealedByteParts(value: unknown): { iv: Uint8Array<ArrayBuffer>; ct: Uint8Array<ArrayBuffer> } | null {
  if (typeof value !== 'object' || value === null || Object.keys(value).length !== 3) return null;
  const { v, iv, ct } = value as Record<string, unknown>;
  if (v !== SEALED_VERSION || !(iv instanceof Uint8Array) || !(ct instanceof ArrayBuffer)) return null;
  return iv.length === IV_BYTES && ct.byteLength >= TAG_BYTES + PAD_BLOCK ? { iv: iv as Uint8Array<ArrayBuffer>, ct: new Uint8Array(ct) } : null;
}

/**
 * The JSON value inside a sealed value. Throws `ProtectionError('invalid-sealed-value')` when it is
 * not a sealed value, `ProtectionError('tampered')` when it does not authenticate under this key
 * and `aad` (changed, moved to another record or field, or sealed under another key).
 */
export async function openValue<T = unknown>(sealed: unknown, dataKey: CryptoKey, aad: string): Promise<T> {
  const parts = sealedParts(sealed);
  if (parts === null) throw new ProtectionError('invalid-sealed-value', 'not a sealed value');
  return opened<T>(parts, dataKey, aad);
}

async function opened<T>(parts: { iv: Uint8Array<ArrayBuffer>; ct: Uint8Array<ArrayBuffer> }, dataKey: CryptoKey, aad: string): Promise<T> {
  let plain: ArrayBuffer;
  try {
    plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: parts.iv, additionalData: encoder.encode(aad) }, dataKey, parts.ct);
  } catch (cause) {
    throw new ProtectionError('tampered', 'the sealed value does not authenticate (changed, moved or another key)', {}, { cause });
  }
  try {
    return JSON.parse(decoder.decode(plain)) as T;
  } catch (cause) {
    throw new ProtectionError('invalid-sealed-value', 'the sealed value holds no JSON', {}, { cause });
  }
}

function checkedFields(fields: readonly string[]): string[] {
  const unique = [...new Set(fields)];
  for (const path of unique) {
    pathSegments(path);
    const nested = unique.find((other) => other !== path && other.startsWith(`${path}.`));
    if (nested !== undefined) throw new TypeError(`field paths overlap: ${path} and ${nested}`);
  }
  return unique;
}

function recordIdOf(record: object, idField: string): string {
  const id = getPath(record, idField);
  if (typeof id !== 'string' || id === '') throw new TypeError(`the record has no id in ${JSON.stringify(idField)}`);
  return id;
}

/** The listed paths that hold a value that is not sealed yet (what a migration still has to do). */
export function plaintextFields(record: object, fields: readonly string[]): string[] {
  return checkedFields(fields).filter((path) => {
    const value = getPath(record, path);
    return value !== undefined && !isSealed(value);
  });
}

/**
 * A copy of `record` with the value at each listed path sealed, bound to the record's id (at
 * `idField`) and the path. Missing paths and already sealed values are left alone; the input is
 * not changed.
 */
export async function sealRecordFields(record: object, fields: readonly string[], dataKey: CryptoKey, idField = 'id'): Promise<StoredRecord> {
  const id = recordIdOf(record, idField);
  const todo = plaintextFields(record, fields);
  const sealed = await Promise.all(todo.map((path) => sealValue(getPath(record, path), dataKey, fieldAad(id, path))));
  return todo.reduce<StoredRecord>((out, path, i) => setPath(out, path, sealed[i]), { ...(record as StoredRecord) });
}

/**
 * A copy of `record` with each listed sealed path opened (values that are not sealed are left as
 * they are). Throws 'tampered' when any of them does not authenticate here. The result's type is
 * the caller's to check (e.g. with the record's zod schema).
 */
export async function openRecordFields<R = StoredRecord>(record: object, fields: readonly string[], dataKey: CryptoKey, idField = 'id'): Promise<R> {
  const id = recordIdOf(record, idField);
  const todo = checkedFields(fields).filter((path) => isSealed(getPath(record, path)));
  const opened = await Promise.all(todo.map((path) => openValue(getPath(record, path), dataKey, fieldAad(id, path))));
  return todo.reduce<StoredRecord>((out, path, i) => setPath(out, path, opened[i]), { ...(record as StoredRecord) }) as R;
}
