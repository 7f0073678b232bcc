import type { AuditAction, AuditEvent } from '../../../shared/domain/audit';
import { uuidv7 } from '../../../shared/ids';
import type { CommandContext } from '../access/context';
import type { OtkDatabase } from '../db/schema';
import { linkEventSync } from '../../../shared/protection/audit-link';
import type { ChainHead } from '../../../shared/protection/audit-chain';

/** Builds an audit event for the acting user at the command's time. */
export function auditEvent(
  ctx: Pick<CommandContext, 'actor'>,
  at: Date,
  clock: string,
  event: { action: AuditAction; entityId: string; entity?: AuditEvent['entity']; fields?: string[]; details?: Record<string, string> },
): AuditEvent {
  return {
    id: uuidv7(at.getTime()),
    at: at.toISOString(),
    actor: ctx.actor,
    action: event.action,
    entity: event.entity ?? 'consultation',
    entityId: event.entityId,
    fields: event.fields ?? [],
    ...(event.details ? { details: event.details } : {}),
    clock,
  };
}

/** The meta row holding the head (count, last hash) of this installation's audit chain. */
export const AUDIT_CHAIN_KEY = 'auditChain';

export async function readAuditChainHead(db: OtkDatabase): Promise<ChainHead | undefined> {
  return (await db.meta.get(AUDIT_CHAIN_KEY))?.value as ChainHead | undefined;
}

/**
 * Appends a local event to the audit log, linked into this installation's hash chain, and moves
 * the chain's head — inside the calling command's transaction (audit and meta tables), so an event
 * and the head never disagree. Events imported from other installations keep their own links.
 */
export async function addAudit(db: OtkDatabase, event: AuditEvent): Promise<void> {
  const linked = linkEventSync(await readAuditChainHead(db), event);
  await db.audit.add(linked.event);
  await db.meta.put({ key: AUDIT_CHAIN_KEY, value: linked.head });
}
