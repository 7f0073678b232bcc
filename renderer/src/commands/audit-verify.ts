import type { AuditEvent } from '../../../shared/domain/audit';
import { verifyChains, type ChainsVerification } from '../../../shared/protection/audit-chain';
import type { CommandContext } from '../access/context';
import { requireGlobal } from '../access/guards';
import { readAuditChainHead } from './audit';
import { readInstallation } from '../queries/installation';
import { wireAudit, type StoredAuditEvent } from '../../../shared/sync/wire/records';

/** Events read per step while verifying (keyset pages along the primary key). */
const VERIFY_PAGE = 5000;

export interface AuditVerification {
  result: ChainsVerification;
  /** This installation's id: its chain is also checked against the stored head (a cut-off tail shows). */
  installationId: string;
  /** Events written before the chain existed (no hash): listed, not verifiable. */
  unchained: number;
}

/**
 * "Verify log": reads every audit event (in pages, on demand only — never on a screen's load) and
 * checks each installation's hash chain in clock order; this installation's against its stored
 * head. Reports the first broken link of each chain: an edited, removed or reordered event.
 */
export async function verifyAuditLog(ctx: Pick<CommandContext, 'db' | 'profile'>): Promise<AuditVerification> {
  requireGlobal(ctx, 'audit.read');
  const { db } = ctx;
  const chained: AuditEvent[] = [];
  let unchained = 0;
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? db.audit.orderBy(':id') : db.audit.where(':id').above(after)).limit(VERIFY_PAGE).toArray();
    for (const event of page) {
      // An imported event is checked as it was written: without the importer's bookkeeping.
      if (typeof event.hash === 'string') chained.push(wireAudit(event as StoredAuditEvent));
      else unchained++;
    }
    if (page.length < VERIFY_PAGE) break;
    after = page.at(-1)!.id;
  }
  const installationId = (await readInstallation(db)).id;
  const head = await readAuditChainHead(db);
  const result = await verifyChains(chained, { heads: head ? { [installationId]: head } : {} });
  return { result, installationId, unchained };
}
