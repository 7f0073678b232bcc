import type { CommandContext } from '../access/context';
import { takeStamps } from './stamps';
import { addAudit, auditEvent } from './audit';
import { requireRead } from '../access/guards';

/**
 * Logs that a list of similar earlier consultations was shown on a case (issue 21) as views of
 * the listed cases (tiedonhallintalaki: who viewed what): one 'consultation.view' event per listed
 * case, marked `via: similar` with the code of the case it was shown on — codes only. One
 * transaction; a listed case the profile may not read refuses the whole list.
 */
export async function recordSimilarView(ctx: CommandContext, caseCode: string, listed: readonly string[]): Promise<void> {
  if (listed.length === 0) return;
  const { db } = ctx;
  const now = ctx.now();
  await db.transaction('rw', [db.consultations, db.audit, db.meta], async () => {
    const records = await db.consultations.bulkGet([...listed]);
    for (const record of records) if (record) requireRead(ctx.profile, record);
    const present = records.filter((record) => record !== undefined);
    const stamps = await takeStamps(db, now.getTime(), present.length);
    for (const [i, record] of present.entries()) {
      await addAudit(db, auditEvent(ctx, now, stamps[i]!, { action: 'consultation.view', entityId: record.id, details: { via: 'similar', for: caseCode } }));
    }
  });
}
