import { intakeSchema, STAMPED_FIELDS, type ConsultationRecord, type IntakeInput } from '../../../shared/domain/consultation';
import type { AuditEvent } from '../../../shared/domain/audit';
import { areaOfRegion } from '../../../shared/reference/regions';
import { uuidv7 } from '../../../shared/ids';
import type { CommandContext } from './context';
import { ValidationError } from './errors';
import { takeStamps } from './installation';
import { bumpCounters, COUNTER_TOTAL, statusCounter } from './counters';

/**
 * Records a new consultation request: validates with the shared schema, then writes the record,
 * its per-field clock stamps, an audit event and the counters in one transaction — all or nothing.
 */
export async function createConsultation(ctx: CommandContext, input: IntakeInput): Promise<ConsultationRecord> {
  const parsed = intakeSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const intake = parsed.data;
  const { db } = ctx;
  const now = ctx.now();

  return db.transaction('rw', [db.consultations, db.audit, db.meta, db.counters], async () => {
    const [stamp, auditStamp] = await takeStamps(db, now.getTime(), 2);
    const stamps = Object.fromEntries(STAMPED_FIELDS.map((field) => [field, stamp!])) as ConsultationRecord['stamps'];
    const record: ConsultationRecord = {
      ...intake,
      id: uuidv7(now.getTime()),
      receivedAt: now.toISOString(),
      status: 'received',
      region: intake.requester.region,
      area: areaOfRegion(intake.requester.region),
      createdBy: ctx.actor,
      stamps,
    };
    const event: AuditEvent = {
      id: uuidv7(now.getTime()),
      at: now.toISOString(),
      actor: ctx.actor,
      action: 'consultation.create',
      entity: 'consultation',
      entityId: record.id,
      fields: [...STAMPED_FIELDS],
      clock: auditStamp!,
    };
    await db.consultations.add(record);
    await db.audit.add(event);
    await bumpCounters(db, { [COUNTER_TOTAL]: 1, [statusCounter(record.status)]: 1 });
    return record;
  });
}
