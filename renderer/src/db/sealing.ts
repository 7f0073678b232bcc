import { fieldAad, openValue, sealValue } from '../../../shared/protection/field-crypto';
import { SEALED_FIELDS, SEALED_PROPERTY, type SealedTable } from './sealed-fields';

type Row = Record<string, unknown>;

/**
 * One record's sensitive fields go into ONE sealed value (`sealed`: AES-256-GCM of the JSON of
 * those fields, bound to the table and the record's primary key as associated data): one
 * encryption per write and one decryption per read, however many fields a table lists.
 *
 * A record as stored has no plaintext sensitive field. Sealing is idempotent (a record that is
 * already sealed and has no plaintext field is returned as it is), which makes the encryption
 * migration resumable; opening a record that has nothing sealed returns it as it is.
 */
export function aadOf(table: SealedTable, primaryKey: unknown): string {
  return fieldAad(String(primaryKey), `${table}.${SEALED_PROPERTY}`);
}

/** The listed fields the record holds in plaintext. */
export function plaintextOf(table: SealedTable, row: Row): string[] {
  return SEALED_FIELDS[table].filter((field) => row[field] !== undefined);
}

export function needsSealing(table: SealedTable, row: unknown): boolean {
  return typeof row === 'object' && row !== null && plaintextOf(table, row as Row).length > 0;
}

/**
 * Whether the record holds a sealed part: a cheap shape check (it runs for every row read, 100 000
 * of them when the list loads). Opening checks the value fully (`openValue`) and refuses a bad one.
 */
export function isSealedRow(row: unknown): boolean {
  if (typeof row !== 'object' || row === null) return false;
  const sealed = (row as Row)[SEALED_PROPERTY] as { v?: unknown; iv?: unknown; ct?: unknown } | undefined;
  return typeof sealed === 'object' && sealed !== null && sealed.v === 1 && typeof sealed.iv === 'string' && typeof sealed.ct === 'string';
}

/** A copy of `row` without the `left` members, the others in their order. */
function without(row: Row, left: readonly string[]): Row {
  const out: Row = {};
  for (const key of Object.keys(row)) if (!left.includes(key)) out[key] = row[key];
  return out;
}

export async function sealRow(table: SealedTable, primaryKey: unknown, row: Row, dataKey: CryptoKey): Promise<Row> {
  const fields = plaintextOf(table, row);
  if (fields.length === 0) return row;
  // A record that is partly sealed already (never written by the app itself) keeps its sealed part.
  const previous = isSealedRow(row) ? await openValue<Row>(row[SEALED_PROPERTY], dataKey, aadOf(table, primaryKey)) : {};
  const secret: Row = { ...previous };
  for (const field of fields) secret[field] = row[field];
  // Built member by member rather than copied and `delete`d: the same members in the same order,
  // but an object V8 keeps in its fast shape (cheaper to clone into IndexedDB; 100 000 per import).
  const out = without(row, fields);
  out[SEALED_PROPERTY] = await sealValue(secret, dataKey, aadOf(table, primaryKey));
  return out;
}

export async function openRow(table: SealedTable, primaryKey: unknown, row: Row, dataKey: CryptoKey): Promise<Row> {
  if (!isSealedRow(row)) return row;
  const secret = await openValue<Row>(row[SEALED_PROPERTY], dataKey, aadOf(table, primaryKey));
  // As `{ ...row, ...secret }` without the sealed value, built without `delete` (see sealRow).
  const out = without(row, [SEALED_PROPERTY]);
  for (const field of Object.keys(secret)) out[field] = secret[field];
  return out;
}
