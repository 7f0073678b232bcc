import { acknowledgementsOf, noteAcknowledged, noteReceived, type ExchangeLog, type ExchangeState } from '../../../../shared/sync/exchange';
import type { Recipient } from '../../../../shared/sync/bundle';
import { MAX_DRIFT_MS } from '../../../../shared/sync/hlc';
import type { OtkDatabase } from '../../db/schema';
import type { CommandContext } from '../../access/context';
import { ValidationError } from '../../access/errors';
import { addAudit, auditEvent } from '../audit';
import { requireGlobal } from '../../access/guards';
import { takeStamps } from '../stamps';
import { readClock } from '../../queries/installation';
import { INSTALLATION_NAME_KEY } from '../../db/installation';

export { readClock };
import type { ExchangeLogRow, ExchangePeerRow } from '../../db/rows/exchange';

/**
 * What an installation remembers about the others: its own name (in every bundle header), each
 * peer's exchange state (shared/sync/exchange), and the bases of delta bundles.
 */

const NAME_KEY = INSTALLATION_NAME_KEY;
/**
 * A delta reads this installation's audit events along their time (`at`, the wall clock) from
 * its base export's start less this margin, and sends those whose clock stamp is newer than the
 * base (the stamps are exact; the margin only covers a wall clock set back since, by up to the day
 * the clocks tolerate). Reading a day more costs little; nothing older than the base travels.
 */
export const DELTA_AUDIT_MARGIN_MS = MAX_DRIFT_MS;

/** The peer key of a recipient: its installation id, or `named:<name>`. */
export function peerKeyOf(recipient: Recipient): string {
  return recipient.kind === 'installation' ? recipient.installationId : `named:${recipient.name}`;
}

/** Names this installation (e.g. "OT-keskus Itä, koordinaattori 2"); shown to the recipients of its bundles. */
export async function saveInstallationName(ctx: CommandContext, name: string): Promise<string> {
  requireGlobal(ctx, 'settings.update');
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw new ValidationError([{ path: 'name', message: trimmed === '' ? 'validation.required' : 'validation.tooLong' }]);
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.meta, db.audit], async () => {
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    await db.meta.put({ key: NAME_KEY, value: trimmed });
    await addAudit(db, auditEvent(ctx, now, stamp!, { action: 'settings.update', entity: 'settings', entityId: 'settings', fields: ['installationName'] }));
    return trimmed;
  });
}

/**
 * Merges a remote stamp into the clock (HLC `receive`, on import) and then takes `count` fresh
 * stamps. Runs inside the importing transaction (meta table included).
 */
export function receiveAndTake(db: OtkDatabase, nowMs: number, remote: string | undefined, count: number): Promise<string[]> {
  return takeStamps(db, nowMs, count, remote);
}

/** The exchange states of the installations this one knows (named recipients have none). */
export function exchangeLogOf(peers: readonly ExchangePeerRow[]): ExchangeLog {
  return Object.fromEntries(peers.filter((peer) => peer.kind === 'installation').map((peer) => [peer.id, peer.state]));
}

export function acknowledgementsFor(peers: readonly ExchangePeerRow[]): Record<string, string> {
  return acknowledgementsOf(exchangeLogOf(peers));
}

/** The state after importing a full/delta bundle from `peer` (clock.to) that acknowledges ours up to `ack`. */
export function stateAfterImport(state: ExchangeState, peer: string, to: string | undefined, ack: string | undefined): ExchangeState {
  let log: ExchangeLog = { [peer]: state };
  if (to !== undefined) log = noteReceived(log, peer, to);
  if (ack !== undefined) log = noteAcknowledged(log, peer, ack);
  return log[peer]!;
}

/** The base of a delta bundle for `peer`: our full/delta export it acknowledged (the earliest with that clock). */
export async function deltaBaseOf(db: OtkDatabase, peer: string): Promise<ExchangeLogRow | undefined> {
  const row = await db.exchangePeers.get(peer);
  const acknowledged = row?.state.acknowledged;
  if (acknowledged === undefined) return undefined;
  const sent = await db.exchangeLog.where('peer').equals(peer).toArray();
  return sent
    .filter((entry) => entry.direction === 'sent' && (entry.scope === 'full' || entry.scope === 'delta') && entry.clockTo === acknowledged)
    .toSorted((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))[0];
}
