import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getPath, pathSegments, setPath } from '../../../../shared/protection/field-path';

describe('dotted field paths', () => {
  const record = { id: 'r1', requester: { name: 'Sari', phone: '' }, routing: [{ note: 'a' }, { note: 'b' }], plain: 'x' };

  it('reads nested values, array items by index, and undefined for missing steps', () => {
    expect(getPath(record, 'requester.name')).toBe('Sari');
    expect(getPath(record, 'routing.1.note')).toBe('b');
    expect(getPath(record, 'requester.missing')).toBeUndefined();
    expect(getPath(record, 'plain.length')).toBeUndefined();
    expect(getPath(record, 'toString')).toBeUndefined();
  });

  it('writes into a copy that shares the untouched branches', () => {
    const next = setPath(record, 'requester.name', 'S.');
    expect(next.requester.name).toBe('S.');
    expect(record.requester.name).toBe('Sari');
    expect(next.routing).toBe(record.routing);
    const item = setPath(record, 'routing.0.note', 'z');
    expect(item.routing[0]!.note).toBe('z');
    expect(Array.isArray(item.routing)).toBe(true);
    expect(item.routing[1]).toBe(record.routing[1]);
    expect(setPath(record, 'nothing.here', 1)).toEqual(record);
  });

  it('refuses empty segments and prototype keys', () => {
    for (const bad of ['', 'a..b', '.a', '__proto__', 'a.constructor', 'prototype.x']) expect(() => pathSegments(bad)).toThrow(TypeError);
  });

  it('property: set then get returns the value; other top-level fields are the same objects', () => {
    fc.assert(
      fc.property(fc.constantFrom('requester.name', 'requester.phone', 'plain', 'routing.0.note'), fc.jsonValue(), (path, value) => {
        const next = setPath(record, path, value);
        expect(getPath(next, path)).toBe(value);
        const top = path.split('.')[0]!;
        for (const key of Object.keys(record)) if (key !== top) expect((next as Record<string, unknown>)[key]).toBe((record as Record<string, unknown>)[key]);
      }),
    );
  });
});
