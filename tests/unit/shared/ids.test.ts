import { describe, expect, it } from 'vitest';
import { uuidv7, UUID_V7 } from '../../../shared/ids';

describe('uuidv7', () => {
  it('is a version-7 RFC 9562 UUID', () => {
    for (let i = 0; i < 100; i++) expect(uuidv7(Date.UTC(2026, 10, 23) + i)).toMatch(UUID_V7);
  });

  it('carries the creation millisecond in its first 48 bits, so ids sort by time', () => {
    const ms = Date.UTC(2026, 10, 23, 12, 0, 0, 123);
    const id = uuidv7(ms);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
    expect(uuidv7(ms) < uuidv7(ms + 1)).toBe(true);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(0)));
    expect(ids.size).toBe(10_000);
  });
});
