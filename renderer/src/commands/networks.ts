import { networkSchema, type Network, type NetworkInput } from '../../../shared/domain/network';
import { helsinkiDate } from '../../../shared/calendar/target-date';
import type { CommandContext } from '../access/context';
import type { NetworkRecord } from '../db/schema';
import { CommandError, ValidationError } from '../access/errors';
import { takeStamps } from './stamps';
import { addAudit, auditEvent } from './audit';
import { fieldStamps } from '../../../shared/sync/field-stamps';
import { requireGlobal } from '../access/guards';

/** Active on a Finnish calendar date: started, and not yet deactivated (activeTo is the last day). */
export function isNetworkActiveOn(network: Network, date: string): boolean {
  return network.activeFrom <= date && (network.activeTo === null || network.activeTo >= date);
}

function changedKeys(before: Network, after: Network): string[] {
  return (Object.keys(after) as Array<keyof Network>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/**
 * Adds a network or saves an edited one, validated by the shared schema; audited by field name.
 * Editing a shipped example network makes it the centre's own (no longer marked as an example).
 */
export async function saveNetwork(ctx: CommandContext, input: NetworkInput, expectedRev?: number): Promise<NetworkRecord> {
  const parsed = networkSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.networks, db.audit, db.meta], async () => {
    const before = await db.networks.get(parsed.data.id);
    requireGlobal(ctx, before ? 'network.update' : 'network.create');
    if (expectedRev !== undefined && before && before.rev !== expectedRev) throw new CommandError('changedElsewhere');
    const network: Network = { ...parsed.data, example: before ? false : parsed.data.example };
    const fields = before ? changedKeys(before, network) : Object.keys(network);
    if (before && fields.length === 0) return before;
    const [stamp, auditStamp] = await takeStamps(db, now.getTime(), 2);
    const record: NetworkRecord = { ...before, ...network, rev: (before?.rev ?? 0) + 1, updatedAt: now.toISOString(), stamps: fieldStamps(network, fields, stamp!, before?.stamps) };
    await db.networks.put(record);
    await addAudit(db, 
      auditEvent(ctx, now, auditStamp!, { action: before ? 'network.update' : 'network.create', entity: 'network', entityId: record.id, fields }),
    );
    return record;
  });
}

/** Deactivates a network from today on (its last active day is yesterday). Never deletes: history stays readable. */
export async function deactivateNetwork(ctx: CommandContext, id: string): Promise<NetworkRecord> {
  requireGlobal(ctx, 'network.update');
  const { db } = ctx;
  const now = ctx.now();
  const today = helsinkiDate(now);
  return db.transaction('rw', [db.networks, db.audit, db.meta], async () => {
    const before = await db.networks.get(id);
    if (!before) throw new CommandError('notFound');
    const yesterday = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)) - 1)).toISOString().slice(0, 10);
    const activeTo = yesterday < before.activeFrom ? before.activeFrom : yesterday;
    const [stamp, auditStamp] = await takeStamps(db, now.getTime(), 2);
    const record: NetworkRecord = { ...before, activeTo, rev: before.rev + 1, updatedAt: now.toISOString(), stamps: fieldStamps(before, ['activeTo'], stamp!, before.stamps) };
    await db.networks.put(record);
    await addAudit(db, auditEvent(ctx, now, auditStamp!, { action: 'network.deactivate', entity: 'network', entityId: id, fields: ['activeTo'] }));
    return record;
  });
}
