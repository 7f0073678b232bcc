import type { AuditAction, AuditEvent } from '../../../shared/domain/audit';
import { uuidv7 } from '../../../shared/ids';
import type { CommandContext } from './context';

/** Builds an audit event for the acting user at the command's time. */
export function auditEvent(
  ctx: CommandContext,
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
