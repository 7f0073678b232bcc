/**
 * The fixed byte layout of an .otk bundle (docs/bundle-format.md):
 *
 *   magic "OTKB" (4) · format version u16 BE (2) · header length u32 BE (4) · header JSON (UTF-8)
 *   · header tag (16) · chunk frames: [ciphertext length u32 BE · ciphertext with GCM tag ] …
 */

export const MAGIC = new Uint8Array([0x4f, 0x54, 0x4b, 0x42]); // "OTKB"
/** The format this code writes, and the newest it reads. */
export const FORMAT_VERSION = 1;
export const PREFIX_BYTES = 4 + 2 + 4;
export const MAX_HEADER_BYTES = 64 * 1024;
export const TAG_BYTES = 16;
export const FRAME_LENGTH_BYTES = 4;
/** Compressed payload bytes per encrypted chunk. */
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
export const MIN_CHUNK_BYTES = 64;
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
/** A decompressed JSON line (one record) longer than this is refused. */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

/** The record types counted in the header: lower-case names such as 'consultation', 'audit'. */
export const ENTRY_TYPE = /^[a-z][a-z0-9-]{0,31}$/;

/** One line of the payload: a record and its type. */
export interface BundleEntry {
  type: string;
  record: unknown;
}
