import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalEventBytes, CHAIN_GENESIS, type ChainableEvent, type ChainHead, type LinkedEvent } from './audit-chain';

/**
 * Linking an event into this installation's chain SYNCHRONOUSLY, for use inside a database
 * transaction: IndexedDB commits a transaction as soon as it waits for anything but the database,
 * so WebCrypto's asynchronous digest cannot run between reading the chain head and writing the
 * event. Same hash as ./audit-chain's `chainHash` (SHA-256 of prev ‖ canonical bytes; @noble/hashes,
 * audited), so `verifyChains` checks what this writes.
 */
const encoder = new TextEncoder();

export function chainHashSync(prevHash: string, event: object): string {
  const prev = encoder.encode(prevHash);
  const body = canonicalEventBytes(event);
  const data = new Uint8Array(prev.length + body.length);
  data.set(prev);
  data.set(body, prev.length);
  return bytesToHex(sha256(data));
}

/** The event linked after `head` (a fresh chain starts at CHAIN_GENESIS), and the chain's new head. */
export function linkEventSync<E extends ChainableEvent>(head: ChainHead | undefined, event: E): { event: LinkedEvent<E>; head: ChainHead } {
  const prev = head?.hash ?? CHAIN_GENESIS;
  const { hash: _hash, ...rest } = event;
  const linked = { ...rest, prev };
  const hash = chainHashSync(prev, linked);
  return { event: { ...linked, hash } as LinkedEvent<E>, head: { count: (head?.count ?? 0) + 1, hash } };
}
