import { peerOf } from '../sync/knowledge';
import { canonicalJson } from '../sync/value';

/**
 * The audit log as hash chains, so that removing, editing or reordering an event is detected.
 *
 * Each event carries `prev` (the hash of the event before it in its chain) and `hash`:
 *   hash = SHA-256 hex( prev ‖ canonicalEventBytes(event) )
 * where the canonical bytes are the event's JSON with keys sorted at every level and without the
 * `hash` member (so `prev` is covered twice, harmlessly). The first event of a chain has
 * prev = CHAIN_GENESIS (64 zeros).
 *
 * Designed for sync: every installation chains only ITS OWN events — those whose clock stamp
 * `WWWWWWWWWWWWWWW:CCCC:peer` names it — in clock order. Audit logs merge across installations as a
 * set by id (shared/sync/audit-set) and never change an event, so after any merge `verifyChains`
 * splits the set by peer, orders each part by clock and checks every chain on its own.
 *
 * A chain alone cannot show that its newest events were cut off. `chainHeadOf` gives the
 * (count, hash) of a chain to keep elsewhere (e.g. with the installation's settings, or in the
 * exported log the data protection officer holds); verifying against a head reports a cut-off tail
 * as 'removed'.
 */

export const CHAIN_GENESIS = '0'.repeat(64);
const HASH = /^[0-9a-f]{64}$/;
const encoder = new TextEncoder();

export interface ChainableEvent {
  id: string;
  /** HLC stamp `WWWWWWWWWWWWWWW:CCCC:peer` (shared/sync/hlc). */
  clock: string;
  prev?: string;
  hash?: string;
}

export type LinkedEvent<E extends ChainableEvent> = Omit<E, 'prev' | 'hash'> & { prev: string; hash: string };

export type BreakReason = 'edited' | 'removed' | 'reordered';

export type ChainVerification =
  | { ok: true; count: number }
  /** `eventId` is null only when the tail is missing (nothing left at `firstBrokenAt`). */
  | { ok: false; count: number; firstBrokenAt: number; eventId: string | null; reason: BreakReason };

/** Where a chain ended when last seen: its length and the hash of its last event. */
export interface ChainHead {
  count: number;
  hash: string;
}

/** The bytes that are hashed: canonical JSON of the event without `hash`. */
export function canonicalEventBytes(event: object): Uint8Array {
  const { hash: _hash, ...rest } = event as { hash?: unknown };
  return encoder.encode(canonicalJson(rest));
}

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 hex of `prevHash` followed by the event's canonical bytes. */
export async function chainHash(prevHash: string, event: object): Promise<string> {
  const prev = encoder.encode(prevHash);
  const body = canonicalEventBytes(event);
  const data = new Uint8Array(prev.length + body.length);
  data.set(prev);
  data.set(body, prev.length);
  return hex(await globalThis.crypto.subtle.digest('SHA-256', data));
}

/** The event linked after `prevHash` (CHAIN_GENESIS for the first): with `prev` and `hash` set. */
export async function linkEvent<E extends ChainableEvent>(prevHash: string, event: E): Promise<LinkedEvent<E>> {
  if (!HASH.test(prevHash)) throw new TypeError(`not a chain hash: ${JSON.stringify(prevHash)}`);
  const { hash: _hash, ...rest } = event;
  const linked = { ...rest, prev: prevHash };
  return { ...linked, hash: await chainHash(prevHash, linked) } as LinkedEvent<E>;
}

/** Links a run of new events after `prevHash`, one after another. */
export async function linkEvents<E extends ChainableEvent>(prevHash: string, events: readonly E[]): Promise<LinkedEvent<E>[]> {
  const out: LinkedEvent<E>[] = [];
  let prev = prevHash;
  for (const event of events) {
    const linked = await linkEvent(prev, event);
    out.push(linked);
    prev = linked.hash;
  }
  return out;
}

/** The head of a chain (count and last hash; CHAIN_GENESIS for an empty chain). */
export function chainHeadOf(events: readonly ChainableEvent[]): ChainHead {
  return { count: events.length, hash: events.at(-1)?.hash ?? CHAIN_GENESIS };
}

/**
 * Checks one chain in the order given (oldest first) and reports the first broken link:
 *  - 'edited': the event's hash does not match its content;
 *  - 'reordered': its `prev` is the hash of another event of this list, not of the one before;
 *  - 'removed': its `prev` names no event here (one or more before it are gone), or the chain is
 *    shorter than, or ends elsewhere than, the `head` it was seen with.
 * Hashes are computed in parallel (each over the event's own `prev`), then the links compared.
 */
export async function verifyChain(events: readonly ChainableEvent[], options: { head?: ChainHead } = {}): Promise<ChainVerification> {
  const computed = await Promise.all(events.map((event) => chainHash(event.prev ?? '', event)));
  const hashes = new Set(events.map((event) => event.hash));
  const count = events.length;
  for (let i = 0; i < count; i++) {
    const event = events[i]!;
    if (event.hash !== computed[i] || typeof event.prev !== 'string') return { ok: false, count, firstBrokenAt: i, eventId: event.id, reason: 'edited' };
    const expected = i === 0 ? CHAIN_GENESIS : events[i - 1]!.hash;
    if (event.prev !== expected) {
      // It follows an event that is here but elsewhere (or starts a chain mid-list): moved, not lost.
      const reason = event.prev === CHAIN_GENESIS || hashes.has(event.prev) ? 'reordered' : 'removed';
      return { ok: false, count, firstBrokenAt: i, eventId: event.id, reason };
    }
  }
  const head = options.head;
  if (head !== undefined && head.count > 0) {
    if (count < head.count) return { ok: false, count, firstBrokenAt: count, eventId: null, reason: 'removed' };
    const atHead = events[head.count - 1]!;
    if (atHead.hash !== head.hash) return { ok: false, count, firstBrokenAt: head.count - 1, eventId: atHead.id, reason: 'removed' };
  }
  return { ok: true, count };
}

export interface PeerChainBreak {
  peer: string;
  /** Index within that peer's chain (its events in clock order). */
  firstBrokenAt: number;
  eventId: string | null;
  reason: BreakReason;
}

export type ChainsVerification =
  | { ok: true; count: number; peers: string[] }
  | { ok: false; count: number; peers: string[]; breaks: PeerChainBreak[] };

function byClock(a: ChainableEvent, b: ChainableEvent): number {
  if (a.clock !== b.clock) return a.clock < b.clock ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The events split into chains by the peer of their clock stamp, each in clock order. */
export function chainsByPeer<E extends ChainableEvent>(events: readonly E[]): Map<string, E[]> {
  const chains = new Map<string, E[]>();
  for (const event of events) {
    const peer = peerOf(event.clock);
    const chain = chains.get(peer);
    if (chain) chain.push(event);
    else chains.set(peer, [event]);
  }
  for (const chain of chains.values()) chain.sort(byClock);
  return new Map([...chains.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Verifies a merged log (any order, several installations): one chain per peer, in clock order.
 * `heads` (peer → ChainHead) catches cut-off tails of the chains it names. Reports every broken
 * chain, sorted by peer.
 */
export async function verifyChains(events: readonly ChainableEvent[], options: { heads?: Readonly<Record<string, ChainHead>> } = {}): Promise<ChainsVerification> {
  const chains = chainsByPeer(events);
  const peers = [...chains.keys()];
  for (const peer of Object.keys(options.heads ?? {})) if (!chains.has(peer)) chains.set(peer, []);
  const breaks: PeerChainBreak[] = [];
  for (const [peer, chain] of chains) {
    const result = await verifyChain(chain, { head: options.heads?.[peer] });
    if (!result.ok) breaks.push({ peer, firstBrokenAt: result.firstBrokenAt, eventId: result.eventId, reason: result.reason });
  }
  breaks.sort((a, b) => (a.peer < b.peer ? -1 : a.peer > b.peer ? 1 : 0));
  return breaks.length === 0 ? { ok: true, count: events.length, peers } : { ok: false, count: events.length, peers, breaks };
}
