import { describe, expect, it } from 'vitest';
import { chainHash, CHAIN_GENESIS, verifyChain, type ChainHead } from '../../../../shared/protection/audit-chain';
import { chainHashSync, linkEventSync } from '../../../../shared/protection/audit-link';

const event = (n: number) => ({ id: `e${n}`, clock: `00000000000000${n}:0000:peer-a`, action: 'consultation.view', fields: [] as string[] });

describe('linkEventSync', () => {
  it('hashes exactly as the asynchronous chainHash does', async () => {
    const linked = { ...event(1), prev: CHAIN_GENESIS };
    expect(chainHashSync(CHAIN_GENESIS, linked)).toBe(await chainHash(CHAIN_GENESIS, linked));
  });

  it('builds a chain that verifyChain accepts, and keeps the head', async () => {
    let head: ChainHead | undefined;
    const events: Array<ReturnType<typeof linkEventSync>['event']> = [];
    for (let n = 1; n <= 5; n++) {
      const next = linkEventSync(head, event(n));
      events.push(next.event);
      head = next.head;
    }
    expect(head).toEqual({ count: 5, hash: events.at(-1)!.hash });
    expect(await verifyChain(events, { head })).toEqual({ ok: true, count: 5 });
  });
});
