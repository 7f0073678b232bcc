import { initialClock, tick } from '../../../shared/sync/hlc';
import { uuidv7 } from '../../../shared/ids';
import type { Table } from 'dexie';
import type { MetaRow, NetworkRecord } from './schema';
import { DEFAULT_NETWORKS } from '../../../shared/reference/networks';
import { fieldStamps } from '../../../shared/sync/field-stamps';

/** The `meta` rows that make an installation itself: its id, its name, its hybrid logical clock. */
export const INSTALLATION_KEY = 'installation';
/** The name this installation gives itself in bundle headers and previews (asked at set-up). */
export const INSTALLATION_NAME_KEY = 'installationName';
export const CLOCK_KEY = 'clock';

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
