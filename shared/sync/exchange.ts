import { laterStamp } from './stamp';

/**
 * What one installation remembers about each installation it exchanges bundles with. Kept by the
 * app next to its data; used for the `acknowledged` header field, for delta bundles and for
 * forgetting tombstones (conflict detection does not need it: records carry their own knowledge).
 *
 * - `received`: the `clock.to` of the newest full or delta bundle imported from that peer.
 * - `acknowledged`: the `clock.to` of the newest full or delta bundle *we* sent that the peer says it
 *   imported (its bundles' headers carry `acknowledged: { [installationId]: clock }`). A bundle that
 *   was only sent, not acknowledged, does not count: the peer may never have imported it.
 *
 * Network and requester bundles carry only part of the data, so they never advance either value.
 */
export interface ExchangeState {
  received?: string;
  acknowledged?: string;
}

export type ExchangeLog = Readonly<Record<string, ExchangeState>>;

/** After importing a full or delta bundle from `peer` whose clock range ends at `to`. */
export function noteReceived(log: ExchangeLog, peer: string, to: string): ExchangeLog {
  const state = log[peer] ?? {};
  return { ...log, [peer]: { ...state, received: laterStamp(state.received, to) } };
}

/** After a bundle from `peer` acknowledged our bundles up to `clock` (its header's acknowledged[our id]). */
export function noteAcknowledged(log: ExchangeLog, peer: string, clock: string): ExchangeLog {
  const state = log[peer] ?? {};
  return { ...log, [peer]: { ...state, acknowledged: laterStamp(state.acknowledged, clock) } };
}

/** What to put in an outgoing header's `acknowledged`: the newest clock we imported from each peer. */
export function acknowledgementsOf(log: ExchangeLog): Record<string, string> {
  const acks: Record<string, string> = {};
  for (const [peer, state] of Object.entries(log)) if (state.received !== undefined) acks[peer] = state.received;
  return acks;
}

/**
 * The base of a delta bundle for `peer`: the clock of our newest bundle it acknowledged (undefined:
 * send a full bundle). Bundles sent since then may have been lost, so they are not the base.
 */
export function deltaBase(log: ExchangeLog, peer: string): string | undefined {
  return log[peer]?.acknowledged;
}

/** Peer → newest clock of ours it acknowledged, for canForgetTombstone. */
export function acknowledgedBy(log: ExchangeLog): Record<string, string> {
  const acks: Record<string, string> = {};
  for (const [peer, state] of Object.entries(log)) if (state.acknowledged !== undefined) acks[peer] = state.acknowledged;
  return acks;
}
