import { z } from 'zod';
import type { OtkDatabase } from '../db/schema';
import type { ProfileRow } from '../db/rows/profile';
import type { NetworkRecord } from '../db/schema';

/** The profiles of this installation, by name (the unlock screen's list). */
export async function listProfiles(db: OtkDatabase): Promise<ProfileRow[]> {
  const rows = await db.profiles.toArray();
  return rows.toSorted((a, b) => a.name.localeCompare(b.name, 'fi'));
}

/** The lock's settings for this installation: minutes of inactivity before the app locks itself. */
export const SESSION_META_KEY = 'session';
export const DEFAULT_IDLE_MINUTES = 10;
export const idleMinutesSchema = z.number({ error: 'validation.required' }).int('validation.outOfRange').min(1, 'validation.outOfRange').max(120, 'validation.outOfRange');

export async function readIdleMinutes(db: OtkDatabase): Promise<number> {
  const value = (await db.meta.get(SESSION_META_KEY))?.value as { idleMinutes?: unknown } | undefined;
  const parsed = idleMinutesSchema.safeParse(value?.idleMinutes);
  return parsed.success ? parsed.data : DEFAULT_IDLE_MINUTES;
}

/** The networks a new installation offers an expert desk at set-up (not sealed: readable while locked). */
export function networksForSetUp(db: OtkDatabase): Promise<NetworkRecord[]> {
  return db.networks.toArray();
}

/** Whether the installation holds no case and no requester yet (a new one: nothing to seal). */
export async function holdsNoCases(db: OtkDatabase): Promise<boolean> {
  return (await db.consultations.count()) === 0 && (await db.requesters.count()) === 0;
}
