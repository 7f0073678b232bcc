import { describe, expect, it } from 'vitest';
import { checkClocks } from '../../../../shared/sync/quarantine';
import { formatStamp, MAX_DRIFT_MS } from '../../../../shared/sync/hlc';

const NOW = Date.UTC(2026, 4, 4, 12);
const at = (ms: number) => formatStamp({ wall: ms, counter: 0, peer: 'peer-b' });

describe('clock quarantine', () => {
  it('accepts clocks up to exactly 24 h ahead', () => {
    expect(checkClocks({ question: at(NOW), status: at(NOW + MAX_DRIFT_MS) }, NOW)).toEqual({ ok: true, quarantined: [], malformed: [] });
  });

  it('quarantines a clock more than 24 h ahead, with a message', () => {
    const result = checkClocks({ question: at(NOW), status: at(NOW + MAX_DRIFT_MS + 1) }, NOW);
    expect(result.ok).toBe(false);
    expect(result.quarantined).toEqual([{ field: 'status', stamp: at(NOW + MAX_DRIFT_MS + 1), aheadMs: MAX_DRIFT_MS + 1 }]);
    expect(result.message).toBe('sync.quarantine.clockAhead');
  });

  it('names malformed stamps instead of throwing', () => {
    expect(checkClocks({ clock: 'yesterday' }, NOW)).toEqual({ ok: false, quarantined: [], malformed: ['clock'] });
  });
});
