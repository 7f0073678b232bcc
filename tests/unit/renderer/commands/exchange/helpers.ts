import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../../../renderer/src/i18n/resources';
import { createDatabase } from '../../../../../renderer/src/db/open';
import { readInstallation } from '../../../../../renderer/src/queries/installation';
import type { OtkDatabase } from '../../../../../renderer/src/db/schema';
import type { CommandContext } from '../../../../../renderer/src/access/context';
import { createConsultation } from '../../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../../renderer/src/commands/lifecycle';
import { routeConsultation } from '../../../../../renderer/src/commands/routing';
import { exportBundle, previewImport, applyImport, type ExportOptions, type ImportReady } from '../../../../../renderer/src/commands/exchange';
import { collectEntries, decodeBundle, encodeBundle, type BundleEntry, type Recipient } from '../../../../../shared/sync/bundle';
import { SYNC_SCHEMA_VERSION } from '../../../../../shared/sync/schema-version';
import { tombstoneOf } from '../../../../../shared/sync/tombstone';
import { bumpCounters } from '../../../../../renderer/src/commands/counters';
import { COUNTER_REV, COUNTER_TOTAL, statusCounter } from '../../../../../renderer/src/db/counters';
import { takeStamps } from '../../../../../renderer/src/commands/stamps';
import type { IntakeInput } from '../../../../../shared/domain/consultation';
import { NOW, validIntake } from '../../../../fixtures/intake';
import { TEST_COORDINATOR } from '../../support/profiles';

/** Test-only key derivation: the codec's explicit lower minimum (real bundles use 600 000). */
export const FAST_KDF = 1000;
export const PASS = 'kolme sanaa ja numero 7';
export const NEPSY = '00000000-0000-7000-8000-000000000042';
export const MULTI = '00000000-0000-7000-8000-000000000041';

export interface Installation {
  name: string;
  db: OtkDatabase;
  ctx: CommandContext;
  id: string;
  advance(ms: number): void;
  setNow(ms: number): void;
}

const open: OtkDatabase[] = [];

export async function installation(name: string): Promise<Installation> {
  // One clock per installation: the database's creation and every command read it.
  let clock = NOW.getTime();
  const now = () => new Date(clock);
  const db = createDatabase({ name: `otk-exchange-${name}-${Math.random()}`, clock: now, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  open.push(db);
  const ctx: CommandContext = { db, actor: `koordinaattori-${name}`, profile: TEST_COORDINATOR, now };
  const { id } = await readInstallation(db);
  return { name, db, ctx, id, advance: (ms) => (clock += ms), setNow: (ms) => (clock = ms) };
}

export function closeAll(): void {
  for (const db of open.splice(0)) db.close();
}

export const to = (target: Installation): Recipient => ({ kind: 'installation', installationId: target.id, name: target.name });

export async function send(from: Installation, target: Installation | Recipient, options: Partial<ExportOptions> = {}) {
  return exportBundle(from.ctx, {
    scope: { kind: 'full' },
    recipient: 'db' in target ? to(target) : target,
    passphrase: PASS,
    kdfIterations: FAST_KDF,
    ...options,
  });
}

export async function preview(target: Installation, bytes: Uint8Array, passphrase = PASS) {
  return previewImport(target.ctx, bytes, passphrase, { minIterations: FAST_KDF });
}

export async function receive(target: Installation, bytes: Uint8Array): Promise<ImportReady> {
  const ready = await preview(target, bytes);
  if (!ready.ok) throw new Error(`refused: ${ready.refusal.code} ${JSON.stringify(ready.refusal.detail)}`);
  await applyImport(target.ctx, ready);
  return ready;
}

/** A bundle written by hand as `from` (authentic: right passphrase, right keys), with any entries. */
export async function forged(from: Installation, scope: Parameters<typeof encodeBundle>[0]['scope'], entries: BundleEntry[], options: { schemaVersion?: number } = {}) {
  const { bytes } = await encodeBundle(
    {
      schemaVersion: options.schemaVersion ?? SYNC_SCHEMA_VERSION,
      sender: { installationId: from.id, name: 'a' },
      recipient: { kind: 'named', name: 'Verkoston yhteyshenkilö' },
      scope,
      clock: { from: null, to: '000000000000001:0000:x' },
      entries,
    },
    PASS,
    { iterations: FAST_KDF, minIterations: FAST_KDF, now: NOW },
  );
  return bytes;
}

/** The records of a bundle (opened as `target`), by type. */
export async function bundleRecords(target: Installation, bytes: Uint8Array): Promise<Record<string, Array<{ id: string }>>> {
  const bundle = await decodeBundle(bytes, PASS, { installationId: target.id, supportedSchemaVersion: SYNC_SCHEMA_VERSION, minIterations: FAST_KDF });
  return (await collectEntries(bundle)) as Record<string, Array<{ id: string }>>;
}

/** What a future delete command does: the tombstone replaces the case, its row goes, the counters follow. */
export async function deleteCase(inst: Installation, id: string) {
  const { db } = inst;
  await db.transaction('rw', [db.consultations, db.caseRows, db.tombstones, db.meta, db.counters], async () => {
    const record = (await db.consultations.get(id))!;
    const [stamp] = await takeStamps(db, inst.ctx.now().getTime(), 1);
    const counters = await bumpCounters(db, { [COUNTER_REV]: 1, [COUNTER_TOTAL]: -1, [statusCounter(record.status)]: -1 });
    await db.tombstones.put({ ...tombstoneOf(record, stamp!), entity: 'consultation', rev: counters[COUNTER_REV]! });
    await db.consultations.delete(id);
    await db.caseRows.delete(id);
  });
}

/** Full bundle from → target, imported. */
export async function exchange(from: Installation, target: Installation, options: Partial<ExportOptions> = {}) {
  const { bytes, header } = await send(from, target, options);
  const ready = await receive(target, bytes);
  return { bytes, header, ready };
}

export async function createCase(inst: Installation, overrides: Partial<IntakeInput> = {}) {
  return createConsultation(inst.ctx, validIntake(overrides));
}

export async function routedCase(inst: Installation, networkId: string, overrides: Partial<IntakeInput> = {}) {
  const created = await createCase(inst, overrides);
  await transitionConsultation(inst.ctx, created.id, 'accept');
  // A reason goes with every routing here: the engine proposes NEPSY for the synthetic request, and
  // another network is an override.
  return routeConsultation(inst.ctx, created.id, { networkId, proposedNetworkId: networkId, reason: networkId === NEPSY ? '' : 'Monialainen arvio' });
}

/** Every table's rows, for "nothing was written" checks. */
export async function snapshot(db: OtkDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

const strip = <T extends object>(row: T, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The synced content of an installation: cases, list rows, networks and meetings without local
 * revisions and delta marks (renderer/src/commands/exchange/delta-marks), the audit set.
 */
export async function content(db: OtkDatabase) {
  return {
    consultations: (await db.consultations.toArray()).sort(byId).map((r) => strip(r, ['rev', 'seen', 'arrivedFrom'])),
    caseRows: (await db.caseRows.toArray()).sort(byId).map((r) => strip(r, ['rev'])),
    tombstones: (await db.tombstones.toArray()).sort(byId).map((r) => strip(r, ['rev', 'seen', 'arrivedFrom'])),
    networks: (await db.networks.toArray()).sort(byId).map((r) => strip(r, ['rev', 'arrived'])),
    meetings: (await db.meetings.toArray()).sort(byId).map((r) => strip(r, ['rev', 'arrived'])),
    audit: (await db.audit.toArray()).sort(byId).map((r) => strip(r, ['importRev', 'importedFrom'])),
  };
}

/** Totals and per-status counters (not the local revision or case-code sequences). */
export async function caseCounters(db: OtkDatabase) {
  const rows = await db.counters.toArray();
  return Object.fromEntries(rows.filter((row) => row.key === 'consultations:total' || row.key.startsWith('consultations:status:')).filter((row) => row.value !== 0).map((row) => [row.key, row.value]));
}

/** The app's Finnish texts, as the import panel shows a refusal in words. */
export async function finnishTexts(): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: 'fi', fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.getFixedT('fi');
}
