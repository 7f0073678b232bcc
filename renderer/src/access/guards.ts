import type { ConsultationRecord } from '../../../shared/domain/consultation';
import {
  assertCanRead,
  assertCanWrite,
  canWrite,
  type CaseCommand,
  type CaseView,
  type GlobalCommand,
  type Profile,
} from '../../../shared/protection/roles';
import { ProtectionError } from '../../../shared/protection/errors';
import { mayExport, type ExportKind } from '../../../shared/protection/exchange-policy';
import { requesterScopeId } from '../../../shared/sync/scope';
import type { CommandContext } from './context';
import type { ExportScope } from '../../../shared/sync/scope';
import { requesterKey } from '../../../shared/domain/requester-key';
/**
 * The command layer's role checks (shared/protection/roles is the policy). Every command calls one
 * of these before it writes anything — before or at the start of its transaction — so a refusal
 * (`ProtectionError('not-permitted')`) leaves the database as it was. The UI only mirrors them.
 */

/** What the policy needs to know about a case: where it is routed now, and whose request it is. */
export function caseViewOf(record: Pick<ConsultationRecord, 'routing' | 'requester'>): CaseView {
  return { networkId: record.routing.at(-1)?.networkId ?? null, requesterKey: requesterKey(record.requester) };
}

/**
 * The view of a case this installation no longer holds (e.g. a conflict with its deletion): routed
 * nowhere and nobody's request, so only the coordinator (who may read every case) passes a check.
 */
export const NO_CASE_VIEW: CaseView = { networkId: null, requesterKey: '' };

/** Refuses unless the acting profile may run `command` on this case. */
export function requireCase(ctx: Pick<CommandContext, 'profile'>, command: CaseCommand, record: Pick<ConsultationRecord, 'routing' | 'requester'> | CaseView): void {
  assertCanWrite(ctx.profile, command, 'requesterKey' in record ? record : caseViewOf(record));
}

/** Refuses unless the acting profile may run `command`, which concerns no single case. */
export function requireGlobal(ctx: Pick<CommandContext, 'profile'>, command: GlobalCommand): void {
  assertCanWrite(ctx.profile, command);
}

/** Refuses unless the acting profile may read this case. */
export function requireRead(profile: Profile, record: Pick<ConsultationRecord, 'routing' | 'requester'>): void {
  assertCanRead(profile, caseViewOf(record));
}

/** May the profile run `command` on this case? For the UI, which shows only what the command layer allows. */
export function mayRunOn(profile: Profile, command: CaseCommand, record: Pick<ConsultationRecord, 'routing' | 'requester'>): boolean {
  return canWrite(profile, command, caseViewOf(record));
}

/** The requester's scope id of a requester profile (shared/sync/scope `requesterScopeId`), else null. */
export async function ownRequesterId(profile: Profile): Promise<string | null> {
  return profile.role === 'requester' ? requesterScopeId(profile.requesterKey) : null;
}

/** Which kind of bundle an export scope writes (for the exchange policy). */
export function exportKindOf(scope: ExportScope): ExportKind {
  switch (scope.kind) {
    case 'network':
      return scope.content === 'drafts' ? 'network-drafts' : 'network-cases';
    case 'requester':
      return scope.content === 'requests' ? 'requester-requests' : 'requester-reply';
    default:
      return scope.kind;
  }
}

/** Refuses unless the acting profile may write this bundle (shared/protection/exchange-policy). */
export async function requireExport(ctx: Pick<CommandContext, 'profile'>, scope: ExportScope): Promise<void> {
  const kind = exportKindOf(scope);
  const target = scope.kind === 'network' ? { networkId: scope.networkId } : scope.kind === 'requester' ? { requesterId: scope.requesterId } : {};
  if (!mayExport(ctx.profile, kind, target, await ownRequesterId(ctx.profile))) {
    throw new ProtectionError('not-permitted', `${ctx.profile.role} may not write a ${kind} bundle for this target`, { command: 'exchange.export' });
  }
}
