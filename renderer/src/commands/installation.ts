import { initialClock, receive, tick, type ClockState } from '../../../shared/sync/hlc';
import { uuidv7 } from '../../../shared/ids';
import type { Table } from 'dexie';
import type { MetaRow, NetworkRecord, OtkDatabase } from '../db/schema';
import { DEFAULT_NETWORKS } from '../../../shared/reference/networks';
import { fieldStamps } from './field-stamps';

const INSTALLATION_KEY = 'installation';
/** The name this installation gives itself in bundle headers and previews (asked at set-up). */
export const INSTALLATION_NAME_KEY = 'installationName';
const CLOCK_KEY = 'clock';

export interface Installation {
  id: string;
  createdAt: string;
}

/**
 * Called from Dexie's `populate` (inside the creating transaction): gives this installation its id
 * and clock, and the shipped example networks so that a fresh install routes every theme somewhere.
 * `now` is the app's clock at creation (never the wall clock read here: see shared/clock.ts).
 */
export function populateInstallation(meta: Table<MetaRow, string>, networks: Table<NetworkRecord, string>, now: Date): void {
  const installation: Installation = { id: uuidv7(now.getTime()), createdAt: now.toISOString() };
  let clock = initialClock(installation.id);
  const rows = DEFAULT_NETWORKS.map((network) => {
    const next = tick(clock, now.getTime());
    clock = next.state;
    return { ...network, rev: 0, updatedAt: now.toISOString(), stamps: fieldStamps(network, Object.keys(network), next.stamp) };
  });
  void meta.bulkAdd([
    { key: INSTALLATION_KEY, value: installation },
    { key: CLOCK_KEY, value: clock },
  ]);
  void networks.bulkAdd(rows);
}

export async function readInstallation(db: OtkDatabase): Promise<Installation> {
  const row = await db.meta.get(INSTALLATION_KEY);
  if (!row) throw new Error('the installation has no id: database was not populated');
  return row.value as Installation;
}

/** The installation's hybrid logical clock as stored. */
export async function readClock(db: OtkDatabase): Promise<ClockState> {
  const row = await db.meta.get(CLOCK_KEY);
  if (!row) throw new Error('the installation has no clock: database was not populated');
  return row.value as ClockState;
}

/**
 * Takes `count` fresh HLC stamps for a local write. Must run inside the command's transaction,
 * which must include the meta table, so the clock advances exactly when the write commits.
 */
export async function takeStamps(db: OtkDatabase, nowMs: number, count: number, remote?: string): Promise<string[]> {
  let state = await readClock(db);
  // An import first takes in the newest stamp it applies (HLC receive), so later local stamps sort after it.
  if (remote !== undefined) state = receive(state, remote, nowMs);
  const stamps: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = tick(state, nowMs);
    state = next.state;
    stamps.push(next.stamp);
  }
  await db.meta.put({ key: CLOCK_KEY, value: state });
  return stamps;
}
