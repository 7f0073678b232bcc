import type { Transaction } from 'dexie';
import type { ConsultationRecord } from '../../../shared/domain/consultation';
import { caseRowOf } from '../../../shared/domain/case-row';
import { initialLifecycle } from '../../../shared/lifecycle/record';
import type { TransitionRecord } from '../../../shared/lifecycle/plan';

type V1Record = Omit<ConsultationRecord, keyof ReturnType<typeof initialLifecycle>> & Partial<ConsultationRecord>;

/**
 * Schema v1 → v2: gives every case the lifecycle fields (its routings become 'route' transitions,
 * so the measures see them) and rewrites its list row with the new columns. The new fields take
 * the status field's clock stamp: they are as old as the status they describe.
 */
export async function upgradeToLifecycle(tx: Transaction): Promise<void> {
  const rows = tx.table('caseRows');
  await tx
    .table('consultations')
    .toCollection()
    .modify((record: V1Record) => {
      const transitions: TransitionRecord[] = record.routing.map((decision, index) => ({
        action: 'route',
        from: index === 0 ? 'received' : 'routed',
        to: 'routed',
        data: { networkId: decision.networkId, proposedNetworkId: decision.proposedNetworkId, reason: decision.reason },
        at: decision.at,
        by: decision.by,
      }));
      Object.assign(record, { ...initialLifecycle(), transitions });
      const stamp = record.stamps.status;
      record.stamps = { ...record.stamps, transitions: stamp, recommendation: stamp, closeOut: stamp, booking: stamp, followUpDoneAt: stamp };
      void rows.put(caseRowOf(record as ConsultationRecord));
    });
}
