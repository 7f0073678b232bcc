/** Byte helpers without Node's Buffer (shared/ runs in the renderer too). */

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function writeU16(target: Uint8Array, offset: number, value: number): void {
  new DataView(target.buffer, target.byteOffset, target.byteLength).setUint16(offset, value, false);
}

export function writeU32(target: Uint8Array, offset: number, value: number): void {
  new DataView(target.buffer, target.byteOffset, target.byteLength).setUint32(offset, value, false);
}

export function readU16(source: Uint8Array, offset: number): number {
  return new DataView(source.buffer, source.byteOffset, source.byteLength).getUint16(offset, false);
}

export function readU32(source: Uint8Array, offset: number): number {
  return new DataView(source.buffer, source.byteOffset, source.byteLength).getUint32(offset, false);
}

/** The platform's own base64 (Uint8Array.prototype.toBase64 / Uint8Array.fromBase64) where it has one. */
interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
/** Bytes per String.fromCharCode call (well under any engine's argument limit). */
const CHAR_CHUNK = 0x2000;

/**
 * Standard padded base64. Every sealed value and bundle key goes through here (100 000 records
 * sealed or opened per import or export), so it never builds its string one byte at a time.
 */
export function toBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHAR_CHUNK) parts.push(String.fromCharCode(...bytes.subarray(start, start + CHAR_CHUNK)));
  return btoa(parts.join(''));
}

// Canonical padded base64: whole quads of the alphabet, the last one ending in at most two '='. Checked
// as a length and one character class (the quad-by-quad pattern was a tenth of opening the list
// index's snapshot: a regular expression step per four characters of every sealed value).
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict: canonical padded base64 only (throws on anything else). */
export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw new TypeError('not canonical base64');
  if (nativeFromBase64) return nativeFromBase64(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A fresh ArrayBuffer-backed copy, as WebCrypto's typings want `BufferSource` over ArrayBuffer. */
export function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}
