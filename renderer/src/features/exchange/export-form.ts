import { z } from 'zod';
import type { Recipient } from '../../../../shared/sync/bundle';
import { bundlePassphraseSchema } from '../../../../shared/sync/passphrase';
import type { ExportScope } from '../../../../shared/sync/scope';
import { MSG } from '../../../../shared/domain/validation';
import { requesterScopeIdOf } from '../../commands/exchange';
import type { RequesterRecord } from '../../queries/records';

/**
 * The export form: what goes (the scope, with its network or requester), to whom (an installation by
 * its id, or a named recipient) and the bundle's passphrase twice. A network or requester must be
 * chosen for those scopes, the recipient's id or name given, and the passphrase meet the bundle's
 * rule (shared/sync/passphrase) — each refusal on its own field.
 */
export const exportFormSchema = z
  .object({
    scope: z.enum(['full', 'delta', 'network', 'requester']),
    networkId: z.string(),
    requesterKey: z.string(),
    recipientKind: z.enum(['installation', 'named']),
    installationId: z.string(),
    recipientName: z.string(),
    passphrase: z.string(),
    confirm: z.string(),
  })
  .superRefine((form, ctx) => {
    if (form.scope === 'network' && !form.networkId) ctx.addIssue({ code: 'custom', path: ['networkId'], message: MSG.choose });
    if (form.scope === 'requester' && !form.requesterKey) ctx.addIssue({ code: 'custom', path: ['requesterKey'], message: MSG.choose });
    if (form.recipientKind === 'installation' && !form.installationId.trim()) ctx.addIssue({ code: 'custom', path: ['installationId'], message: MSG.required });
    if (form.recipientKind === 'named' && !form.recipientName.trim()) ctx.addIssue({ code: 'custom', path: ['recipientName'], message: MSG.required });
    // The passphrase's rule, one message a field: the last the rule gives (an empty passphrase is "too short").
    const secret = bundlePassphraseSchema.safeParse({ passphrase: form.passphrase, confirm: form.confirm });
    const messages = new Map<string, string>();
    if (!secret.success) for (const issue of secret.error.issues) messages.set(issue.path.join('.'), issue.message);
    for (const [path, message] of messages) ctx.addIssue({ code: 'custom', path: [path], message });
  });

export type ExportForm = z.infer<typeof exportFormSchema>;

export const EMPTY_EXPORT_FORM: ExportForm = {
  scope: 'full',
  networkId: '',
  requesterKey: '',
  recipientKind: 'installation',
  installationId: '',
  recipientName: '',
  passphrase: '',
  confirm: '',
};

/** The export scope the form describes; null while a network or requester is still to be chosen (or the chosen requester is gone). */
export async function scopeOf(
  { scope, networkId, requesterKey }: Pick<ExportForm, 'scope' | 'networkId' | 'requesterKey'>,
  requesters: readonly RequesterRecord[] | undefined,
): Promise<ExportScope | null> {
  if (scope === 'network') return networkId ? { kind: 'network', networkId } : null;
  if (scope === 'requester') {
    const requester = requesters?.find((r) => r.key === requesterKey);
    return requester ? { kind: 'requester', requesterId: await requesterScopeIdOf(requester) } : null;
  }
  return { kind: scope };
}

/** The recipient the form names: an installation (with an optional name) or a named person; null while neither is given. */
export function recipientOf({ recipientKind, installationId, recipientName }: Pick<ExportForm, 'recipientKind' | 'installationId' | 'recipientName'>): Recipient | null {
  const name = recipientName.trim();
  if (recipientKind === 'installation') {
    const id = installationId.trim();
    return id ? { kind: 'installation', installationId: id, ...(name ? { name } : {}) } : null;
  }
  return name ? { kind: 'named', name } : null;
}
