import { describe, expect, it } from 'vitest';
import { ClockError, formatStamp, initialClock, MAX_DRIFT_MS, parseStamp, receive, tick } from '../../../../shared/sync/hlc';

const T = Date.UTC(2026, 10, 23);

describe('hybrid logical clock', () => {
  it('advances strictly even when wall time stands still or goes back', () => {
    let state = initialClock('peer-a');
    const stamps: string[] = [];
    for (const now of [T, T, T - 5_000, T + 1]) {
      const next = tick(state, now);
      state = next.state;
      stamps.push(next.stamp);
    }
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(parseStamp(stamps[2]!)).toEqual({ wall: T, counter: 2, peer: 'peer-a' });
  });

  it('orders equal clocks by peer, as the merge rule needs', () => {
    const a = formatStamp({ wall: T, counter: 0, peer: 'a' });
    const b = formatStamp({ wall: T, counter: 0, peer: 'b' });
    expect(a < b).toBe(true);
  });

  it('moves past a remote clock on receive', () => {
    const remote = formatStamp({ wall: T + 1000, counter: 7, peer: 'peer-b' });
    const state = receive(initialClock('peer-a'), remote, T);
    expect(state).toEqual({ wall: T + 1000, counter: 8, peer: 'peer-a' });
    expect(tick(state, T).stamp > remote).toBe(true);
  });

  it('quarantines a clock more than 24 h in the future', () => {
    const remote = formatStamp({ wall: T + MAX_DRIFT_MS + 1, counter: 0, peer: 'peer-b' });
    expect(() => receive(initialClock('peer-a'), remote, T)).toThrow(ClockError);
    const ok = formatStamp({ wall: T + MAX_DRIFT_MS, counter: 0, peer: 'peer-b' });
    expect(receive(initialClock('peer-a'), ok, T).wall).toBe(T + MAX_DRIFT_MS);
  });

  it('refuses malformed stamps and peers', () => {
    expect(() => parseStamp('yesterday')).toThrow(/malformed/);
    expect(() => initialClock('no spaces')).toThrow(/bad peer/);
  });

  it('round-trips through its string form', () => {
    const state = { wall: T, counter: 0xabc, peer: 'x-1' };
    expect(parseStamp(formatStamp(state))).toEqual(state);
  });
});
