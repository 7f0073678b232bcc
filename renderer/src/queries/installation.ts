import type { ClockState } from '../../../shared/sync/hlc';
import type { OtkDatabase } from '../db/schema';
import { CLOCK_KEY, INSTALLATION_KEY, INSTALLATION_NAME_KEY, type Installation } from '../db/installation';

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

/** The name this installation gives itself in bundle headers (default: its id). */
export async function readInstallationName(db: OtkDatabase): Promise<string> {
  const row = await db.meta.get(INSTALLATION_NAME_KEY);
  if (typeof row?.value === 'string' && row.value !== '') return row.value;
  return (await readInstallation(db)).id;
}
