/**
 * A compact, lossless columnar encoding of a list of plain JSON records (the work list's rows), for
 * the sealed index snapshot (renderer/src/db/index-snapshot.ts).
 *
 * A column of plain objects is split into one sub-column per key (recursively: `summary` becomes
 * its own columns); any other column is dictionary-coded — each distinct value once, and one small
 * integer per row — unless every value is distinct (ids, case codes, revisions), which are stored
 * as they are. Repeated strings (status, region, area, network, dates, names of frequent
 * requesters) and repeated arrays (themes) are thus written once per chunk, and decoding gives one
 * string or array per distinct value, shared by every row that holds it: the decoded rows take far
 * less heap than rows read one by one from IndexedDB (each with its own copies). Decoded values are
 * shared, so rows must be treated as read-only (the index's rows always are).
 *
 * An absent key stays absent (index -1). Key order follows the first row that has each key.
 * Pure: no DOM, no crypto; the caller seals the JSON of the result.
 */

/** Dictionary column: distinct values and, per row, the index of its value (-1: absent). */
interface DictColumn {
  d: unknown[];
  i: number[];
}
/** Raw column: the values as they are (null stands for absent only when `u` lists the row). */
interface RawColumn {
  r: unknown[];
  u?: number[];
}
/** Object column: keys and one sub-column per key; `u` lists the rows where the object is absent. */
interface ObjectColumn {
  k: string[];
  c: Column[];
  u?: number[];
}
export type Column = DictColumn | RawColumn | ObjectColumn;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key a value is deduplicated by: strings themselves, anything else its JSON with a prefix. */
const dedupeKey = (value: unknown): string => (typeof value === 'string' ? `s${value}` : `j${JSON.stringify(value)}`);

export function encodeColumn(values: readonly unknown[]): Column {
  const absent: number[] = [];
  let objects = true;
  for (const [row, value] of values.entries()) {
    if (value === undefined) absent.push(row);
    else if (!isPlainObject(value)) objects = false;
  }
  if (objects && absent.length < values.length) {
    const keys: string[] = [];
    const seen = new Set<string>();
    for (const value of values) {
      if (value === undefined) continue;
      for (const key of Object.keys(value as object)) {
        if (seen.has(key)) continue;
        seen.add(key);
        keys.push(key);
      }
    }
    const c = keys.map((key) => encodeColumn(values.map((value) => (value === undefined ? undefined : (value as Record<string, unknown>)[key]))));
    return absent.length > 0 ? { k: keys, c, u: absent } : { k: keys, c };
  }
  const index = new Map<string, number>();
  const d: unknown[] = [];
  const i = values.map((value) => {
    if (value === undefined) return -1;
    const key = dedupeKey(value);
    let at = index.get(key);
    if (at === undefined) {
      at = d.length;
      index.set(key, at);
      d.push(value);
    }
    return at;
  });
  if (d.length === values.length - absent.length && d.length > 1) {
    return absent.length > 0 ? { r: values.map((value) => value ?? null), u: absent } : { r: [...values] };
  }
  return { d, i };
}

/** The `rows` values a column holds (undefined where absent). Throws on a malformed column. */
export function decodeColumn(column: Column, rows: number): unknown[] {
  if ('k' in column) {
    if (!Array.isArray(column.k) || !Array.isArray(column.c) || column.k.length !== column.c.length) throw new TypeError('malformed object column');
    const subs = column.c.map((sub) => decodeColumn(sub, rows));
    const keys = column.k;
    const out: unknown[] = new Array(rows);
    const absent = column.u && column.u.length > 0 ? new Set(column.u) : null;
    for (let row = 0; row < rows; row++) {
      if (absent?.has(row)) continue;
      const value: Record<string, unknown> = {};
      for (let key = 0; key < keys.length; key++) {
        const v = subs[key]![row];
        if (v !== undefined) value[keys[key]!] = v;
      }
      out[row] = value;
    }
    return out;
  }
  if ('r' in column) {
    if (!Array.isArray(column.r) || column.r.length !== rows) throw new TypeError('malformed raw column');
    if (!column.u) return column.r;
    const out = [...column.r];
    for (const row of column.u) out[row] = undefined;
    return out;
  }
  if (!Array.isArray(column.d) || !Array.isArray(column.i) || column.i.length !== rows) throw new TypeError('malformed dictionary column');
  const { d, i } = column;
  const out: unknown[] = new Array(rows);
  for (let row = 0; row < rows; row++) {
    const at = i[row]!;
    if (at === -1) continue;
    if (!(at >= 0 && at < d.length)) throw new TypeError('dictionary index out of range');
    out[row] = d[at];
  }
  return out;
}

/** Encodes records (plain JSON objects) as one object column. */
export function encodeRecords(records: readonly object[]): Column {
  return encodeColumn(records);
}

/** The records of `encodeRecords`, `rows` of them. */
export function decodeRecords<T>(column: Column, rows: number): T[] {
  const out = decodeColumn(column, rows);
  // An object column without absent rows decodes to objects only (the list index's snapshot: no check per row).
  const objectsOnly = 'k' in column && (column.u === undefined || column.u.length === 0);
  if (!objectsOnly && out.some((value) => !isPlainObject(value))) throw new TypeError('a decoded record is not an object');
  return out as T[];
}
