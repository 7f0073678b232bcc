import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  CHAIN_GENESIS,
  canonicalEventBytes,
  chainHash,
  chainHeadOf,
  chainsByPeer,
  linkEvent,
  linkEvents,
  verifyChain,
  verifyChains,
  type LinkedEvent,
} from '../../../../shared/protection/audit-chain';
import type { AuditEvent } from '../../../../shared/domain/audit';
import { formatStamp } from '../../../../shared/sync/hlc';
import { mergeAuditSets } from '../../../../shared/sync/audit-set';

const T0 = Date.UTC(2026, 3, 1, 9);
type Linked = LinkedEvent<AuditEvent>;

function event(peer: string, n: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  const clock = formatStamp({ wall: T0 + n * 1000, counter: n % 3, peer });
  return {
    id: `${peer}-${String(n).padStart(4, '0')}`,
    at: new Date(T0 + n * 1000).toISOString(),
    actor: `${peer}-coordinator`,
    action: n % 2 === 0 ? 'consultation.update' : 'consultation.view',
    entity: 'consultation',
    entityId: `case-${n % 5}`,
    fields: n % 2 === 0 ? ['question', 'urgency'] : [],
    details: n % 3 === 0 ? { from: 'received', to: 'accepted' } : undefined,
    clock,
    ...overrides,
  };
}

async function chainOf(peer: string, count: number): Promise<Linked[]> {
  return linkEvents(CHAIN_GENESIS, Array.from({ length: count }, (_, n) => event(peer, n)));
}

describe('canonical bytes and hashes', () => {
  it('are independent of key order, leave out `hash` and cover `prev`', () => {
    const a = { id: 'e1', clock: 'c', nested: { b: 1, a: [2, { y: 1, x: 0 }] }, prev: CHAIN_GENESIS };
    const b = { prev: CHAIN_GENESIS, nested: { a: [2, { x: 0, y: 1 }], b: 1 }, clock: 'c', id: 'e1', hash: 'anything' };
    expect(new TextDecoder().decode(canonicalEventBytes(b))).toBe(new TextDecoder().decode(canonicalEventBytes(a)));
    expect(new TextDecoder().decode(canonicalEventBytes(a))).toBe(`{"clock":"c","id":"e1","nested":{"a":[2,{"x":0,"y":1}],"b":1},"prev":"${CHAIN_GENESIS}"}`);
    expect(canonicalEventBytes({ ...a, prev: 'f'.repeat(64) })).not.toEqual(canonicalEventBytes(a));
  });

  it('chainHash is SHA-256 hex of prev followed by the canonical bytes', async () => {
    const e = event('peer-a', 1);
    const expected = createHash('sha256').update(CHAIN_GENESIS).update(Buffer.from(canonicalEventBytes(e))).digest('hex');
    expect(await chainHash(CHAIN_GENESIS, e)).toBe(expected);
    expect(await chainHash(CHAIN_GENESIS, e)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('linkEvent sets prev and hash (replacing any old hash) and checks the previous hash', async () => {
    const first = await linkEvent(CHAIN_GENESIS, { ...event('peer-a', 0), hash: 'stale' });
    expect(first.prev).toBe(CHAIN_GENESIS);
    expect(first.hash).toBe(await chainHash(CHAIN_GENESIS, first));
    const second = await linkEvent(first.hash, event('peer-a', 1));
    expect(second.prev).toBe(first.hash);
    await expect(linkEvent('not-a-hash', event('peer-a', 2))).rejects.toThrow(TypeError);
  });
});

describe('verifyChain', () => {
  it('accepts an empty chain and an intact one', async () => {
    expect(await verifyChain([])).toEqual({ ok: true, count: 0 });
    expect(await verifyChain(await chainOf('peer-a', 12))).toEqual({ ok: true, count: 12 });
  });

  it('reports an edited event (content, prev or hash changed) at its index', async () => {
    const chain = await chainOf('peer-a', 6);
    const edited = chain.map((e, i) => (i === 3 ? { ...e, fields: ['question'] } : e));
    expect(await verifyChain(edited)).toEqual({ ok: false, count: 6, firstBrokenAt: 3, eventId: chain[3]!.id, reason: 'edited' });
    const withoutHash = chain.map((e, i) => (i === 2 ? { ...e, hash: undefined } : e));
    expect(await verifyChain(withoutHash)).toMatchObject({ ok: false, firstBrokenAt: 2, reason: 'edited' });
  });

  it('an edit whose hash was recomputed is still caught at the next link', async () => {
    const chain = await chainOf('peer-a', 6);
    const forged = await linkEvent(chain[1]!.hash, { ...chain[2]!, actor: 'someone-else' });
    const result = await verifyChain(chain.map((e, i) => (i === 2 ? forged : e)));
    expect(result).toMatchObject({ ok: false, firstBrokenAt: 3, reason: 'removed' });
  });

  it('reports a removed event at the index where it is missing, the first one too', async () => {
    const chain = await chainOf('peer-a', 6);
    expect(await verifyChain([...chain.slice(0, 2), ...chain.slice(3)])).toEqual({ ok: false, count: 5, firstBrokenAt: 2, eventId: chain[3]!.id, reason: 'removed' });
    expect(await verifyChain(chain.slice(1))).toMatchObject({ ok: false, firstBrokenAt: 0, eventId: chain[1]!.id, reason: 'removed' });
  });

  it('reports reordered events', async () => {
    const chain = await chainOf('peer-a', 6);
    const swapped = [chain[0]!, chain[2]!, chain[1]!, ...chain.slice(3)];
    expect(await verifyChain(swapped)).toMatchObject({ ok: false, firstBrokenAt: 1, eventId: chain[2]!.id, reason: 'reordered' });
    expect(await verifyChain([chain[1]!, chain[0]!, ...chain.slice(2)])).toMatchObject({ ok: false, firstBrokenAt: 0, reason: 'reordered' });
  });

  it('a cut-off tail is caught only against a head kept elsewhere', async () => {
    const chain = await chainOf('peer-a', 6);
    const head = chainHeadOf(chain);
    expect(head).toEqual({ count: 6, hash: chain[5]!.hash });
    expect(await verifyChain(chain.slice(0, 4))).toEqual({ ok: true, count: 4 });
    expect(await verifyChain(chain.slice(0, 4), { head })).toEqual({ ok: false, count: 4, firstBrokenAt: 4, eventId: null, reason: 'removed' });
    // Events appended after the head was taken are fine.
    const longer = [...chain, ...(await linkEvents(chain[5]!.hash, [event('peer-a', 6)]))];
    expect(await verifyChain(longer, { head })).toEqual({ ok: true, count: 7 });
    expect(chainHeadOf([])).toEqual({ count: 0, hash: CHAIN_GENESIS });
  });

  it('property: random chains verify; removing or editing any one event is found at its index', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 25 }), fc.nat(), fc.constantFrom('remove', 'edit', 'swap'), async (length, pick, change) => {
        const chain = await chainOf('peer-x', length);
        expect(await verifyChain(chain)).toEqual({ ok: true, count: length });
        const k = pick % length;
        const head = chainHeadOf(chain);
        if (change === 'remove') {
          const result = await verifyChain([...chain.slice(0, k), ...chain.slice(k + 1)], { head });
          expect(result).toMatchObject({ ok: false, firstBrokenAt: k, reason: 'removed', eventId: k < length - 1 ? chain[k + 1]!.id : null });
        } else if (change === 'edit') {
          const result = await verifyChain(chain.map((e, i) => (i === k ? { ...e, entityId: `${e.entityId}-x` } : e)));
          expect(result).toEqual({ ok: false, count: length, firstBrokenAt: k, eventId: chain[k]!.id, reason: 'edited' });
        } else {
          fc.pre(length >= 2);
          const j = Math.min(k, length - 2);
          const swapped = [...chain];
          [swapped[j], swapped[j + 1]] = [swapped[j + 1]!, swapped[j]!];
          expect(await verifyChain(swapped)).toMatchObject({ ok: false, firstBrokenAt: j, reason: 'reordered' });
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('verifyChains: merged logs of several installations', () => {
  it('groups by the peer of the clock stamp, each in clock order', async () => {
    const a = await chainOf('peer-a', 3);
    const b = await chainOf('peer-b', 2);
    const groups = chainsByPeer([b[1]!, a[2]!, a[0]!, b[0]!, a[1]!]);
    expect([...groups.keys()]).toEqual(['peer-a', 'peer-b']);
    expect(groups.get('peer-a')!.map((e) => e.id)).toEqual(a.map((e) => e.id));
  });

  it('property: a set-merge of several installations\' chains, in any order, verifies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 4 }), fc.nat(), async (lengths, seed) => {
        const chains = await Promise.all(lengths.map((n, i) => chainOf(`peer-${i}`, n)));
        // Each installation holds its own log plus some of the others' (as imported), merged as a set.
        let merged: Linked[] = [];
        for (const [i, chain] of chains.entries()) merged = mergeAuditSets(merged, i % 2 === 0 ? chain : [...chain].reverse()).events;
        const shuffled = [...merged].sort((x, y) => ((x.id.charCodeAt(x.id.length - 1) * 31 + seed) % 7) - ((y.id.charCodeAt(y.id.length - 1) * 31 + seed) % 7));
        const total = lengths.reduce((s, n) => s + n, 0);
        const result = await verifyChains(shuffled);
        expect(result).toMatchObject({ ok: true, count: total });
        expect(result.peers).toEqual(lengths.map((n, i) => (n > 0 ? `peer-${i}` : null)).filter((p) => p !== null).sort());
      }),
      { numRuns: 60 },
    );
  });

  it('reports the broken chain only, with the index within that peer\'s chain', async () => {
    const a = await chainOf('peer-a', 5);
    const b = await chainOf('peer-b', 5);
    const withoutB2 = [...a, ...b.filter((_, i) => i !== 2)];
    expect(await verifyChains(withoutB2)).toEqual({
      ok: false,
      count: 9,
      peers: ['peer-a', 'peer-b'],
      breaks: [{ peer: 'peer-b', firstBrokenAt: 2, eventId: b[3]!.id, reason: 'removed' }],
    });
    const editedA = [...a.map((e, i) => (i === 4 ? { ...e, actor: 'x' } : e)), ...b];
    expect(await verifyChains(editedA)).toMatchObject({ ok: false, breaks: [{ peer: 'peer-a', firstBrokenAt: 4, reason: 'edited' }] });
  });

  it('an event moved to another installation by editing its clock is an edit', async () => {
    const a = await chainOf('peer-a', 3);
    const moved = { ...a[1]!, clock: a[1]!.clock.replace('peer-a', 'peer-z') };
    const result = await verifyChains([a[0]!, moved, a[2]!]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.breaks.map((b) => [b.peer, b.reason])).toEqual([['peer-a', 'removed'], ['peer-z', 'edited']]);
  });

  it('heads catch cut-off tails, also of a chain that vanished entirely', async () => {
    const a = await chainOf('peer-a', 4);
    const b = await chainOf('peer-b', 3);
    const heads = { 'peer-a': chainHeadOf(a), 'peer-b': chainHeadOf(b) };
    expect((await verifyChains([...a, ...b], { heads })).ok).toBe(true);
    expect(await verifyChains([...a, ...b.slice(0, 2)], { heads })).toMatchObject({ ok: false, breaks: [{ peer: 'peer-b', firstBrokenAt: 2, eventId: null, reason: 'removed' }] });
    expect(await verifyChains(a, { heads })).toMatchObject({ ok: false, peers: ['peer-a'], breaks: [{ peer: 'peer-b', firstBrokenAt: 0, reason: 'removed' }] });
  });
});
