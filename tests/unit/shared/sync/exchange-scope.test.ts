import { describe, expect, it } from 'vitest';
import { acknowledgedBy, acknowledgementsOf, deltaBase, noteAcknowledged, noteReceived } from '../../../../shared/sync/exchange';
import { currentNetworkId, NETWORK_FIELDS, NETWORK_UNSTAMPED, projectFields, requesterScopeId, scopeSchema } from '../../../../shared/sync/scope';
import { formatStamp } from '../../../../shared/sync/hlc';

const st = (sec: number, peer = 'peer-a') => formatStamp({ wall: Date.UTC(2026, 6, 1) + sec * 1000, counter: 0, peer });

describe('exchange log', () => {
  it('remembers the newest clocks received and acknowledged, never going back', () => {
    let log = noteReceived({}, 'peer-b', st(5, 'peer-b'));
    log = noteReceived(log, 'peer-b', st(3, 'peer-b')); // an older bundle imported late
    expect(acknowledgementsOf(log)).toEqual({ 'peer-b': st(5, 'peer-b') });
    expect(deltaBase(log, 'peer-b')).toBeUndefined(); // nothing of ours acknowledged: send a full bundle
    log = noteAcknowledged(log, 'peer-b', st(8));
    log = noteAcknowledged(log, 'peer-b', st(7));
    expect(deltaBase(log, 'peer-b')).toBe(st(8));
    expect(acknowledgedBy(log)).toEqual({ 'peer-b': st(8) });
    expect(deltaBase(log, 'peer-c')).toBeUndefined();
  });
});

describe('scopes', () => {
  const record = {
    id: 'c1',
    caseCode: 'OTK-2026-0001',
    createdBy: 'koordinaattori',
    rev: 3,
    requester: { name: 'Testi Pyytäjä' },
    question: 'Kysymys',
    routing: [{ networkId: 'n1' }, { networkId: 'n2' }],
    stamps: { requester: st(1), question: st(2), routing: st(3) },
    seen: { 'peer-a': st(3), 'peer-x': st(9, 'peer-x') },
  };

  it('routes by the last routing', () => {
    expect(currentNetworkId(record)).toBe('n2');
    expect(currentNetworkId({ routing: [] })).toBeNull();
  });

  it('projects whole fields with their stamps, leaving out the rest (and the full record\'s knowledge)', () => {
    const projected = projectFields(record, NETWORK_FIELDS, NETWORK_UNSTAMPED);
    expect(projected).toEqual({ id: 'c1', caseCode: 'OTK-2026-0001', question: 'Kysymys', routing: record.routing, stamps: { question: st(2), routing: st(3) } });
  });

  it('names a requester in the header by a hash only', async () => {
    const id = await requesterScopeId('testi pyytäjä|esimerkkikunta|pyytaja@example.invalid');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(scopeSchema.parse({ kind: 'requester', requesterId: id })).toEqual({ kind: 'requester', requesterId: id });
    expect(scopeSchema.safeParse({ kind: 'requester', requesterId: 'testi pyytäjä' }).success).toBe(false);
  });
});
