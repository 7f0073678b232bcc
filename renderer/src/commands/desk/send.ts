import type { AreaCode } from '../../../../shared/reference/regions';
import type { CommandContext } from '../../access/context';
import { CommandError } from '../../access/errors';
import { ProtectionError } from '../../../../shared/protection/errors';
import { ownRequesterId } from '../../access/guards';
import { exportBundle, type ExportOptions, type ExportResult } from '../exchange/export';

/**
 * What the two desks send (issue 11), as bundles of the sync format:
 *  - a requester's finished requests, a requester bundle addressed to the OT-keskus of the
 *    requester's cooperation area (named, with its area code, so another centre refuses it);
 *  - an expert's ready recommendation drafts, a network bundle for the coordinator.
 * Both go through exportBundle (role checks, encryption, the exchange log with the case ids sent,
 * the audit event).
 */

type SendOptions = Pick<ExportOptions, 'passphrase' | 'kdfIterations' | 'codec' | 'signal' | 'onProgress'>;

export interface RequestSend extends SendOptions {
  caseIds: readonly string[];
  /** The OT-keskus it is for (the desk proposes the requester's own: shared/desk/centre). */
  area: AreaCode;
  /** How the recipient is named in the file (readable without the passphrase: no personal data). */
  recipientName: string;
}

export async function sendRequests(ctx: CommandContext, options: RequestSend): Promise<ExportResult> {
  const requesterId = await ownRequesterId(ctx.profile);
  if (requesterId === null) throw new ProtectionError('not-permitted', `${ctx.profile.role} sends no requests`, { command: 'exchange.export' });
  if (options.caseIds.length === 0) throw new CommandError('notFound');
  const { caseIds, area, recipientName, ...rest } = options;
  return exportBundle(ctx, {
    ...rest,
    scope: { kind: 'requester', requesterId, content: 'requests', caseIds },
    recipient: { kind: 'named', name: recipientName, area },
  });
}

export interface DraftSend extends SendOptions {
  /** How the coordinator is named in the file. */
  recipientName: string;
}

export async function sendDrafts(ctx: CommandContext, options: DraftSend): Promise<ExportResult> {
  if (ctx.profile.role !== 'expert') throw new ProtectionError('not-permitted', `${ctx.profile.role} sends no recommendation drafts`, { command: 'exchange.export' });
  const { recipientName, ...rest } = options;
  return exportBundle(ctx, { ...rest, scope: { kind: 'network', networkId: ctx.profile.networkId, content: 'drafts' }, recipient: { kind: 'named', name: recipientName } });
}
