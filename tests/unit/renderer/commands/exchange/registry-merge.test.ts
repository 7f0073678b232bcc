import { afterEach, describe, expect, it } from 'vitest';
import { saveNetwork } from '../../../../../renderer/src/commands/networks';
import { saveMeeting } from '../../../../../renderer/src/commands/meetings';
import { fieldStamps } from '../../../../../shared/sync/field-stamps';
import type { NetworkRecord } from '../../../../../renderer/src/db/schema';
import { closeAll, exchange, installation, NEPSY } from './helpers';

afterEach(closeAll);

function networkInput(record: NetworkRecord) {
  const { rev: _rev, updatedAt: _updatedAt, stamps: _stamps, seen: _seen, ...input } = record;
  return input;
}

describe('networks and meetings merge field by field', () => {
  it('keeps both installations’ changes to different fields of the same network', async () => {
    const a = await installation('a');
    const b = await installation('b');
    await exchange(a, b);
    const base = (await a.db.networks.get(NEPSY))!;
    a.advance(60_000);
    await saveNetwork(a.ctx, { ...networkInput(base), note: 'Kokoontuu myös etänä.' });
    b.advance(120_000);
    const onB = (await b.db.networks.get(NEPSY))!;
    await saveNetwork(b.ctx, { ...networkInput(onB), targetResponseDays: 10 });

    const { ready } = await exchange(a, b);
    expect(ready.counts.network).toMatchObject({ updated: 1 });
    const merged = (await b.db.networks.get(NEPSY))!;
    expect(merged.note).toBe('Kokoontuu myös etänä.');
    expect(merged.targetResponseDays).toBe(10);
    expect(merged.stamps.note).toBe((await a.db.networks.get(NEPSY))!.stamps.note);

    await exchange(b, a);
    const back = (await a.db.networks.get(NEPSY))!;
    expect({ note: back.note, days: back.targetResponseDays }).toEqual({ note: 'Kokoontuu myös etänä.', days: 10 });
  });

  it('stamps only the fields a meeting edit changed', async () => {
    const a = await installation('a');
    const meeting = await saveMeeting(a.ctx, { networkId: NEPSY, date: '2026-11-26', time: '10:00', durationMinutes: 60, mode: 'video', capacity: 2, participants: [], location: '', notes: '' });
    a.advance(60_000);
    const { rev: _rev, updatedAt: _u, stamps, seen: _seen, id, caseIds: _c, ...input } = meeting;
    const edited = await saveMeeting(a.ctx, { ...input, location: 'Huone 2' }, id);
    expect(edited.stamps.location).not.toBe(stamps.location);
    expect(edited.stamps.date).toBe(stamps.date);
  });

  it('fieldStamps leaves identity and bookkeeping unstamped', () => {
    expect(fieldStamps({ id: 'x', rev: 1, updatedAt: 't', name: 'n', note: '' }, ['id', 'rev', 'updatedAt', 'name', 'note', 'missing'], 'S')).toEqual({ name: 'S', note: 'S' });
  });
});
