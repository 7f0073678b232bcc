import { deriveBundleKey } from '../../../shared/sync/bundle';
import { createDatabase } from '../../../renderer/src/db/open';
import { DATABASE_NAME, type OtkDatabase } from '../../../renderer/src/db/schema';
import { createConsultationsInBulk } from '../../../renderer/src/commands/bulk';
import { parseIntake, updateConsultation } from '../../../renderer/src/commands/consultations';
import type { CommandContext } from '../../../renderer/src/commands/context';
import { COUNTER_TOTAL } from '../../../renderer/src/commands/counters';
import { CaseIndex } from '../../../renderer/src/data/case-index';
import { newestCaseRows } from '../../../renderer/src/queries/consultations';
import { intakeOf } from '../../../renderer/src/features/intake/initial-values';
import { helsinkiDate } from '../../../shared/calendar/target-date';
import type { CaseRow } from '../../../shared/domain/case-row';
import type { ConsultationRecord } from '../../../shared/domain/consultation';
import { filterFromQuery, rowMatcher } from '../../../shared/worklist/filter';
import { generateIntakes } from './generate';
import { summaryTables } from '../../../shared/summary/tables';
import { applyImport, exportBundle, inlineCodec, previewImport } from '../../../renderer/src/commands/exchange';
import type { BundleKey } from '../../../shared/sync/bundle';
import { Dexie } from 'dexie';
import { SUMMARY_MEASURES } from '../../../shared/summary/spec';
import { createRawDatabase, deleteDatabase, openExisting, putAll, RAW_DATABASE, readStore, request } from './raw-idb';

/**
 * The benchmark page: the app's own modules (database, commands, shared filter logic) plus plain
 * IndexedDB, exposed on `window.otkBench` for the Node runner's page.evaluate calls. It is served
 * from the same origin as the app, so it sees the app's IndexedDB database.
 *
 * One function per operation (or per step of one), each returning plain JSON. Later work fills in
 * new operations here and in tests/bench/runner/ops/.
 */

export const ACTOR = 'bench-coordinator';
/** Chunk size of the app's bulk path (renderer/src/commands/bulk.ts BULK_CHUNK); the baseline uses the same. */
export const RAW_CHUNK = 2000;

let db: OtkDatabase | null = null;
function appDb(): OtkDatabase {
  db ??= createDatabase(DATABASE_NAME);
  return db;
}
function context(): CommandContext {
  return { db: appDb(), actor: ACTOR, now: () => new Date() };
}

function progress(done: number, total: number): void {
  const report = (window as unknown as { otkBenchProgress?: (done: number, total: number) => void }).otkBenchProgress;
  report?.(done, total);
}

export interface SeedResult {
  ms: number;
  generateMs: number;
  /** A separate pass of the import path's validation alone (parseIntake on every input), after the seed. */
  validateMs: number;
  records: number;
  today: string;
}

/** Seeds `count` synthetic requests through the app's bulk command into the app's (empty) database. */
async function seed(options: { count: number; seed?: number }): Promise<SeedResult> {
  const ctx = context();
  const existing = await ctx.db.consultations.count();
  if (existing !== 0) throw new Error(`the app database already holds ${existing} consultations: the benchmark needs a fresh profile`);
  const today = helsinkiDate(new Date());
  let start = performance.now();
  const inputs = generateIntakes({ count: options.count, today, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const generateMs = performance.now() - start;

  start = performance.now();
  const written = await createConsultationsInBulk(ctx, inputs, (done) => progress(done, inputs.length));
  const ms = performance.now() - start;
  if (written !== options.count) throw new Error(`the bulk command wrote ${written} of ${options.count}`);

  start = performance.now();
  for (const input of inputs) parseIntake(ctx, input);
  const validateMs = performance.now() - start;
  return { ms, generateMs, validateMs, records: written, today };
}

export interface DbStats {
  total: number;
  consultations: number;
  caseRows: number;
  /** Mean JSON size of a stored consultation / list row (a sample of up to 2 000). */
  recordBytes: number;
  rowBytes: number;
  oldest: string;
  newest: string;
}

async function stats(): Promise<DbStats> {
  const d = appDb();
  const [total, consultations, caseRows] = await Promise.all([d.counters.get(COUNTER_TOTAL), d.consultations.count(), d.caseRows.count()]);
  const sample = await d.consultations.limit(2000).toArray();
  const rows = await d.caseRows.limit(2000).toArray();
  const mean = (list: unknown[]) => (list.length === 0 ? 0 : Math.round(list.reduce<number>((sum, item) => sum + JSON.stringify(item).length, 0) / list.length));
  const oldest = await d.caseRows.orderBy('[receivedAt+id]').first();
  const newest = await d.caseRows.orderBy('[receivedAt+id]').last();
  return {
    total: total?.value ?? 0,
    consultations,
    caseRows,
    recordBytes: mean(sample),
    rowBytes: mean(rows),
    oldest: oldest?.receivedDate ?? '',
    newest: newest?.receivedDate ?? '',
  };
}

// ---- raw IndexedDB baselines -------------------------------------------------------------------

let raw: { records: ConsultationRecord[]; rows: CaseRow[] } | null = null;
let rawDb: IDBDatabase | null = null;
const RECORDS_URL = '/__bench/records';

/**
 * In the app's origin: reads back exactly what the app stored (both stores, plain IndexedDB) and
 * hands it to the runner's servers, so that each baseline run can write it in a fresh origin.
 */
async function uploadRaw(): Promise<{ records: number; bytes: number }> {
  const app = await openExisting(DATABASE_NAME);
  let records: ConsultationRecord[];
  let rows: CaseRow[];
  try {
    records = await readStore<ConsultationRecord>(app, 'consultations');
    rows = await readStore<CaseRow>(app, 'caseRows');
  } finally {
    app.close();
  }
  // Same order in both stores: list row i belongs to record i.
  const byId = new Map(rows.map((row) => [row.id, row]));
  const parts: string[] = ['['];
  for (let start = 0; start < records.length; start += RAW_CHUNK) {
    const chunk = records.slice(start, start + RAW_CHUNK);
    const chunkRows = chunk.map((record) => {
      const row = byId.get(record.id);
      if (!row) throw new Error(`consultation ${record.id} has no list row`);
      return row;
    });
    parts.push(`${start === 0 ? '' : ','}${JSON.stringify({ records: chunk, rows: chunkRows })}`);
  }
  parts.push(']');
  const body = new Blob(parts, { type: 'application/json' });
  const response = await fetch(RECORDS_URL, { method: 'POST', body });
  if (!response.ok) throw new Error(`uploading the records failed: ${response.status}`);
  return { records: records.length, bytes: body.size };
}

/** In a fresh origin: fetches the app's records and list rows (untimed) for the baseline writes. */
async function loadRaw(): Promise<number> {
  const response = await fetch(RECORDS_URL);
  if (!response.ok) throw new Error(`fetching the records failed: ${response.status}`);
  const chunks = (await response.json()) as Array<{ records: ConsultationRecord[]; rows: CaseRow[] }>;
  raw = { records: chunks.flatMap((c) => c.records), rows: chunks.flatMap((c) => c.rows) };
  return raw.records.length;
}

/** One timed write of every record into a fresh baseline database; `single` = one transaction. */
async function rawPutOnce(mode: 'chunked' | 'single'): Promise<number> {
  if (!raw) throw new Error('loadRaw() first');
  rawDb?.close();
  rawDb = await createRawDatabase();
  const start = performance.now();
  await putAll(rawDb, raw.records, raw.rows, mode === 'single' ? raw.records.length : RAW_CHUNK);
  return performance.now() - start;
}

/** One timed getAll of a baseline store (from transaction start to the materialised result). */
async function rawGetAllOnce(store: 'consultations' | 'caseRows'): Promise<number> {
  if (!rawDb || !raw) throw new Error('rawPutOnce() first');
  const start = performance.now();
  const tx = rawDb.transaction(store, 'readonly');
  const values = await request(tx.objectStore(store).getAll());
  const ms = performance.now() - start;
  if (values.length !== raw.records.length) throw new Error(`getAll(${store}) returned ${values.length} of ${raw.records.length}`);
  return ms;
}

/** Frees the copies and deletes the baseline database. */
async function releaseRaw(): Promise<void> {
  raw = null;
  rawDb?.close();
  rawDb = null;
  await deleteDatabase(RAW_DATABASE);
}

// ---- app operations ----------------------------------------------------------------------------

async function listRows(): Promise<CaseRow[]> {
  // Newest first, the work list's default order (the [receivedAt+id] index, reversed).
  return appDb().caseRows.orderBy('[receivedAt+id]').reverse().toArray();
}

export interface CaseRef {
  id: string;
  caseCode: string;
  position: number;
}

/** `n` cases spread evenly over the list, newest to oldest; `offset` shifts the picks (other cases for another operation). */
async function sampleCases(n: number, offset = 0): Promise<CaseRef[]> {
  const rows = await listRows();
  const picks: CaseRef[] = [];
  for (let i = 0; i < n; i++) {
    const position = Math.min(rows.length - 1, Math.floor(((i + 0.5) * rows.length) / n) + offset);
    const row = rows[position]!;
    picks.push({ id: row.id, caseCode: row.caseCode, position });
  }
  return picks;
}

/** One timed save of an edited case through the app's command (validation + record + list row + audit). */
async function caseSaveOnce(id: string, run: number): Promise<number> {
  const ctx = context();
  const record = await ctx.db.consultations.get(id);
  if (!record) throw new Error(`no case ${id}`);
  const input = intakeOf(record);
  const edits = ['Lisätietona perhe toivoo tapaamista iltapäivällä.', 'Koulu on sittemmin aloittanut uuden tukijakson.', 'Nuori on itse toivonut konsultaatiota.'];
  input.question = `${record.question} ${edits[run % edits.length]!}`;
  const start = performance.now();
  const saved = await updateConsultation(ctx, id, input, record.rev);
  const ms = performance.now() - start;
  if (saved.rev === record.rev) throw new Error(`case ${id} was not changed`);
  return ms;
}

/** One timed derivation of a bundle key: PBKDF2-SHA-256 at the codec's default (600 000) iterations. */
async function kdfOnce(run: number): Promise<number> {
  const start = performance.now();
  await deriveBundleKey(`synthetic passphrase for the benchmark, run ${run}`);
  return performance.now() - start;
}

let summaryIndex: CaseIndex | null = null;

/**
 * One timed summary, as the summaries screen computes it: the identity-free projections of every
 * case from the work list's in-memory index (loaded once, untimed: the screen shares the index
 * with the list) → a year × theme table of all eight measures with disclosure control.
 */
async function summaryOnce(year: number): Promise<{ ms: number; cells: number; suppressed: number }> {
  if (!summaryIndex) {
    summaryIndex = new CaseIndex(appDb());
    await summaryIndex.start();
    summaryIndex.stop();
  }
  const start = performance.now();
  const cases = summaryIndex.rows().map((row) => row.summary);
  const { tables } = summaryTables(cases, { period: { kind: 'year', year }, dimensions: ['theme'], measures: [...SUMMARY_MEASURES] });
  const ms = performance.now() - start;
  const cells = tables.flatMap((table) => table.rowTotals);
  if (cells.length === 0) throw new Error('the summary has no rows');
  return { ms, cells: cells.length, suppressed: cells.filter((cell) => typeof cell !== 'number').length };
}

// ---- exchange -----------------------------------------------------------------------------------

const BUNDLE_PASSPHRASE = 'synthetic passphrase for the benchmark bundle';
let bundleKey: BundleKey | null = null;
let lastBundle: Uint8Array | null = null;

/**
 * One timed full export through the app's command (read every record in keyset chunks, encode,
 * compress, encrypt), with a key derived beforehand (key derivation is `kdf`). Encoded on this
 * thread (the screen uses the worker; the work is the same). Keeps the bundle for importOnce.
 */
async function exportOnce(): Promise<{ ms: number; bytes: number; records: number }> {
  bundleKey ??= await deriveBundleKey(BUNDLE_PASSPHRASE);
  const start = performance.now();
  const result = await exportBundle(context(), { scope: { kind: 'full' }, recipient: { kind: 'named', name: 'Benchmark' }, passphrase: bundleKey, codec: inlineCodec });
  const ms = performance.now() - start;
  lastBundle = result.bytes;
  return { ms, bytes: result.bytes.length, records: result.header.counts.consultation ?? 0 };
}

/**
 * One timed import of the last exported bundle into a fresh, empty installation (its own
 * database): open and check the bundle, plan the merge, write everything in one transaction.
 * Key derivation excluded (the key is the export's). The database is deleted afterwards.
 */
async function importOnce(run: number): Promise<{ ms: number; written: number }> {
  if (!lastBundle || !bundleKey) throw new Error('importOnce needs exportOnce first');
  const name = `otk-bench-import-${run}`;
  await Dexie.delete(name);
  const target = createDatabase(name);
  await target.open();
  const ctx: CommandContext = { db: target, actor: ACTOR, now: () => new Date() };
  try {
    const start = performance.now();
    const preview = await previewImport(ctx, lastBundle, bundleKey, { codec: inlineCodec });
    if (!preview.ok) throw new Error(`the bundle was refused: ${preview.refusal.code}`);
    const result = await applyImport(ctx, preview);
    const ms = performance.now() - start;
    const written = (await target.counters.get(COUNTER_TOTAL))?.value ?? 0;
    if (!result.applied || written !== result.counts.consultation.new) throw new Error(`import wrote ${written} of ${result.counts.consultation.new}`);
    return { ms, written };
  } finally {
    target.close();
    await Dexie.delete(name);
  }
}

export interface ListExpectation {
  query: string;
  count: number;
  firstCode: string | null;
  lastCode: string | null;
}

export interface Plan {
  all: ListExpectation;
  /** list-filter: from the unfiltered list to each of these (count > 0 and < total). */
  filters: ListExpectation[];
  /** list-count: from `countStart` to each of these (totals differ from countStart's). */
  countStart: ListExpectation;
  counts: ListExpectation[];
}

/** What the work list must show for each filter, computed with the app's own filter code. */
async function plan(): Promise<Plan> {
  const rows = await listRows();
  const today = helsinkiDate(new Date());
  const expect = (query: string): ListExpectation => {
    const matches = rows.filter(rowMatcher(filterFromQuery(new URLSearchParams(query)), today));
    return { query, count: matches.length, firstCode: matches[0]?.caseCode ?? null, lastCode: matches.at(-1)?.caseCode ?? null };
  };
  const newestYear = Number((rows[0]?.receivedDate ?? today).slice(0, 4));
  const all = expect('');
  const filters = [
    'area=lansi&theme=nepsy',
    'region=pirkanmaa',
    'theme=mental-health&urgency=urgent',
    'consent=consented',
    'area=pohjoinen&theme=self-harm',
    'region=helsinki&theme=welfare-psychiatry',
    'area=ita',
    'theme=school-absence',
    'urgency=urgent&area=sisa',
    'consent=statutory',
  ]
    .map(expect)
    .filter((e) => e.count > 0 && e.count < all.count);
  const countStart = expect('area=etela');
  const counts = [
    'q=testinen',
    `from=${newestYear - 3}-01-01&to=${newestYear - 3}-12-31`,
    'theme=conduct&consent=anonymous',
    'q=kokeilu&urgency=urgent',
    `area=pohjoinen&from=${newestYear - 1}-01-01`,
    'region=lappi',
    'due=overdue&theme=nepsy',
    'q=esimerkki&theme=violence',
  ]
    .map(expect)
    .filter((e) => e.count !== countStart.count);
  return { all, filters, countStart, counts };
}

// ---- cold-start breakdown (diagnostics) --------------------------------------------------------

/** The work list's in-memory index loading all list rows (CaseIndex.start() until ready), timed. */
async function indexLoadOnce(): Promise<number> {
  const index = new CaseIndex(appDb());
  const start = performance.now();
  await index.start();
  const ms = performance.now() - start;
  index.stop();
  if (!index.ready || index.size === 0) throw new Error('the case index did not load');
  return ms;
}

/** The work list's first page: newestCaseRows(db, 50), what the list shows while the index loads. */
async function firstPageOnce(): Promise<number> {
  const start = performance.now();
  const rows = await newestCaseRows(appDb(), 50);
  const ms = performance.now() - start;
  if (rows.length === 0) throw new Error('no first page');
  return ms;
}

function close(): void {
  db?.close();
  db = null;
}

export const harness = {
  seed,
  stats,
  uploadRaw,
  loadRaw,
  rawPutOnce,
  rawGetAllOnce,
  releaseRaw,
  sampleCases,
  caseSaveOnce,
  summaryOnce,
  exportOnce,
  importOnce,
  kdfOnce,
  indexLoadOnce,
  firstPageOnce,
  plan,
  close,
};
export type Harness = typeof harness;
