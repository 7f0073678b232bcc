/**
 * Hybrid logical clock (Kulkarni et al.), as in Actual Budget's crdt package, kept pure:
 * the state goes in and comes out, nothing is held at module level.
 *
 * A stamp is one sortable string `WWWWWWWWWWWWWWW:CCCC:peer` — wall milliseconds (15 digits),
 * a hex counter and the peer id — so comparing two stamps as strings orders them by
 * (clock, peer), which is the merge rule for every synced field.
 */

export interface ClockState {
  readonly wall: number;
  readonly counter: number;
  readonly peer: string;
}

export const MAX_COUNTER = 0xffff;
/** A remote clock further ahead of ours than this is quarantined, not trusted. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export class ClockError extends Error {
  constructor(
    readonly code: 'counter-overflow' | 'drift' | 'malformed',
    message: string,
  ) {
    super(message);
    this.name = 'ClockError';
  }
}

const STAMP = /^(\d{15}):([0-9a-f]{4}):([A-Za-z0-9-]{1,64})$/;

export function initialClock(peer: string): ClockState {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(peer)) throw new ClockError('malformed', `bad peer id ${peer}`);
  return { wall: 0, counter: 0, peer };
}

export function formatStamp(state: ClockState): string {
  return `${String(state.wall).padStart(15, '0')}:${state.counter.toString(16).padStart(4, '0')}:${state.peer}`;
}

export function parseStamp(stamp: string): ClockState {
  const match = STAMP.exec(stamp);
  if (!match) throw new ClockError('malformed', `malformed clock stamp ${stamp}`);
  return { wall: Number(match[1]), counter: parseInt(match[2]!, 16), peer: match[3]! };
}

function checkedCounter(counter: number): number {
  if (counter > MAX_COUNTER) throw new ClockError('counter-overflow', 'clock counter overflow');
  return counter;
}

/** Advance the local clock for a local event; returns the new state and the event's stamp. */
export function tick(state: ClockState, nowMs: number): { state: ClockState; stamp: string } {
  const wall = Math.max(state.wall, Math.floor(nowMs));
  const counter = checkedCounter(wall === state.wall ? state.counter + 1 : 0);
  const next = { wall, counter, peer: state.peer };
  return { state: next, stamp: formatStamp(next) };
}

/** Merge a remote stamp into the local clock (on import). Refuses clocks too far in the future. */
export function receive(state: ClockState, remoteStamp: string, nowMs: number): ClockState {
  const remote = parseStamp(remoteStamp);
  if (remote.wall - nowMs > MAX_DRIFT_MS) {
    throw new ClockError('drift', `clock ${remoteStamp} is more than 24 h ahead of local time`);
  }
  const now = Math.floor(nowMs);
  const wall = Math.max(state.wall, remote.wall, now);
  let counter: number;
  if (wall === state.wall && wall === remote.wall) counter = Math.max(state.counter, remote.counter) + 1;
  else if (wall === state.wall) counter = state.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  return { wall, counter: checkedCounter(counter), peer: state.peer };
}
