/**
 * Backups (issue 20) are .otk files of their own format version: the same container as exchange
 * bundles (magic `OTKB`, version, header length, header JSON, header tag, AES-256-GCM chunk
 * frames — shared/sync/bundle), with a header of their own (./header) whose data key is opened by
 * the installation's key, not by a bundle passphrase (./keys). docs/bundle-format.md, "Backups".
 *
 * Format versions are one sequence for every .otk file: 1 is the exchange bundle, 2 the backup.
 */
export const BACKUP_FORMAT_VERSION = 2;
/** The exchange bundle's format version (a backup reader refuses it as an exchange file). */
export const EXCHANGE_FORMAT_VERSION = 1;

/** Payload bytes per encrypted chunk (the last may be shorter). */
export const BACKUP_CHUNK_BYTES = 1024 * 1024;

/**
 * How the payload's lines are packed before they are cut into chunks: `deflate-raw` (one raw-deflate
 * stream: what the app writes) or `none` (the lines as they are: faster to write, but 2.8 times as
 * large on the benchmark's data — the rows' plaintext members compress well even though their
 * sealed values do not). docs/bundle-format.md, "Payload".
 */
export const BACKUP_COMPRESSIONS = ['none', 'deflate-raw'] as const;
export type BackupCompression = (typeof BACKUP_COMPRESSIONS)[number];
/** What a new backup is written with. */
export const DEFAULT_BACKUP_COMPRESSION: BackupCompression = 'deflate-raw';

/** A payload line longer than this (one stored row) is refused. */
export const MAX_BACKUP_LINE_CHARS = 64 * 1024 * 1024;

/** Associated data of the backup data key's wrap under the installation key. */
export const BACKUP_KEY_CONTEXT = 'OTKB/2 backup key';

/**
 * Payload entry types are the database's table names in kebab case (`caseRows` → `case-rows`):
 * the record is the row exactly as IndexedDB stores it (sealed fields sealed).
 */
export function entryTypeOf(table: string): string {
  if (!/^[a-z][A-Za-z0-9]{0,30}$/.test(table)) throw new TypeError(`not a table name: ${JSON.stringify(table)}`);
  return table.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The table an entry type names (`case-rows` → `caseRows`); null when it cannot name one. */
export function tableOf(type: string): string | null {
  if (!/^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/.test(type) || type.length > 32) return null;
  return type.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** One line of a backup's payload. */
export interface BackupEntry {
  type: string;
  record: unknown;
}
