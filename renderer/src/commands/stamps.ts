import { receive, tick } from '../../../shared/sync/hlc';
import type { OtkDatabase } from '../db/schema';
import { CLOCK_KEY } from '../db/installation';
import { readClock } from '../queries/installation';

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
