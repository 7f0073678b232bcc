import { STAMPED_FIELDS, type ConsultationRecord, type Intake, type IntakeInput } from '../../../shared/domain/consultation';
import { caseRowOf } from '../../../shared/domain/case-row';
import { initialLifecycle } from '../../../shared/lifecycle/record';
import { formatCaseCode } from '../../../shared/domain/case-code';
import { uuidv7 } from '../../../shared/ids';
import type { CommandContext } from '../access/context';
import { ValidationError } from '../access/errors';
import { takeStamps } from './stamps';
import { bumpCounters } from './counters';
import { caseSequenceCounter, COUNTER_REV, COUNTER_TOTAL, statusCounter } from '../db/counters';
import { readSettings } from '../queries/settings';
import { requesterKey } from '../../../shared/domain/requester-key';
import { requesterStorageKey } from '../access/requester-key';
import { addAudit, auditEvent } from './audit';
import { derivedFields, parseIntake, storedFields } from './consultations';
import { requireCase } from '../access/guards';

export const BULK_CHUNK = 2000;

/**
 * Records many requests at once (a file of requests, a migration, the benchmark's seed): every
 * request is validated like a single intake first — one invalid request and nothing is written —
 * then they are written in chunks of BULK_CHUNK, each chunk one transaction with its list rows,
 * requesters, counters and one audit event naming how many were recorded.
 */
export async function createConsultationsInBulk(
  ctx: CommandContext,
  inputs: readonly IntakeInput[],
  onProgress?: (done: number) => void,
): Promise<number> {
  const intakes: Intake[] = [];
  inputs.forEach((input, index) => {
    try {
      intakes.push(parseIntake(ctx, input));
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new ValidationError(error.issues.map((issue) => ({ ...issue, path: `${index}.${issue.path}` })));
      }
      throw error;
    }
  });
  // Each new case is routed nowhere yet and belongs to its requester: checked before any chunk is written.
  for (const intake of intakes) requireCase(ctx, 'consultation.create', { networkId: null, requesterKey: requesterKey(intake.requester) });
  const { db } = ctx;
  for (let start = 0; start < intakes.length; start += BULK_CHUNK) {
    const chunk = intakes.slice(start, start + BULK_CHUNK);
    await db.transaction('rw', [db.consultations, db.caseRows, db.requesters, db.audit, db.meta, db.counters], async () => {
      const now = ctx.now();
      const settings = await readSettings(db);
      const perYear = new Map<number, number>();
      for (const intake of chunk) {
        const year = Number(intake.received.date.slice(0, 4));
        perYear.set(year, (perYear.get(year) ?? 0) + 1);
      }
      const deltas: Record<string, number> = { [COUNTER_TOTAL]: chunk.length, [statusCounter('received')]: chunk.length, [COUNTER_REV]: chunk.length };
      for (const [year, count] of perYear) deltas[caseSequenceCounter(settings.caseCodePrefix, year)] = count;
      const counters = await bumpCounters(db, deltas);
      const nextSequence = new Map([...perYear].map(([year, count]) => [year, counters[caseSequenceCounter(settings.caseCodePrefix, year)]! - count + 1]));
      const stamps = await takeStamps(db, now.getTime(), chunk.length + 1);
      let rev = counters[COUNTER_REV]! - chunk.length;

      const records = chunk.map((intake, i): ConsultationRecord => {
        const year = Number(intake.received.date.slice(0, 4));
        const sequence = nextSequence.get(year)!;
        nextSequence.set(year, sequence + 1);
        rev += 1;
        return {
          ...storedFields(intake),
          ...derivedFields(intake, settings),
          id: uuidv7(now.getTime()),
          caseCode: formatCaseCode(settings.caseCodePrefix, year, sequence),
          status: 'received',
          routing: [],
          ...initialLifecycle(),
          createdBy: ctx.actor,
          rev,
          stamps: Object.fromEntries(STAMPED_FIELDS.map((field) => [field, stamps[i]!])) as ConsultationRecord['stamps'],
        };
      });
      await db.consultations.bulkAdd(records);
      await db.caseRows.bulkAdd(records.map(caseRowOf));
      const requesters = new Map(chunk.map((intake) => [requesterStorageKey(db, intake.requester), intake.requester]));
      const known = await db.requesters.bulkGet([...requesters.keys()]);
      await db.requesters.bulkPut(
        [...requesters].map(([key, requester], i) => ({ ...requester, key, lastUsedAt: now.toISOString(), uses: (known[i]?.uses ?? 0) + 1 })),
      );
      await addAudit(db, {
        ...auditEvent(ctx, now, stamps[chunk.length]!, { action: 'consultation.import', entityId: `bulk:${records[0]!.id}` }),
        details: { count: String(records.length) },
      });
    });
    onProgress?.(Math.min(start + BULK_CHUNK, intakes.length));
  }
  return intakes.length;
}
