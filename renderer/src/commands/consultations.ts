import {
  createIntakeSchema,
  STAMPED_FIELDS,
  type ConsultationRecord,
  type Intake,
  type IntakeInput,
  type StampedField,
} from '../../../shared/domain/consultation';
import { caseRowOf } from '../../../shared/domain/case-row';
import { initialLifecycle } from '../../../shared/lifecycle/record';
import { formatCaseCode } from '../../../shared/domain/case-code';
import { areaOfRegion } from '../../../shared/reference/regions';
import { helsinkiInstant } from '../../../shared/calendar/helsinki-time';
import { helsinkiDate, targetDate } from '../../../shared/calendar/target-date';
import { anonymityFindings } from '../../../shared/privacy/intake-guard';
import { uuidv7 } from '../../../shared/ids';
import type { Settings } from '../../../shared/domain/settings';
import type { CommandContext } from '../access/context';
import { CommandError, ValidationError } from '../access/errors';
import { takeStamps } from './stamps';
import { bumpCounters } from './counters';
import { caseSequenceCounter, COUNTER_REV, COUNTER_TOTAL, statusCounter } from '../db/counters';
import { readSettings } from '../queries/settings';
import { rememberRequester } from './requesters';
import { requesterKey } from '../../../shared/domain/requester-key';
import { addAudit, auditEvent } from './audit';
import { requireCase, requireRead } from '../access/guards';

/** Validates a request with the shared schema (identifier guard included) as of the command's today. */
export function parseIntake(ctx: CommandContext, input: IntakeInput): Intake {
  const parsed = createIntakeSchema(() => helsinkiDate(ctx.now()), ctx.now).safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return parsed.data;
}

/** The stored fields that follow from the intake: instant, target date, region and area. */
export function derivedFields(intake: Intake, settings: Settings) {
  return {
    receivedAt: helsinkiInstant(intake.received.date, intake.received.time).toISOString(),
    targetDate: targetDate(intake.received.date, intake.urgency, {
      normalCalendarDays: settings.normalCalendarDays,
      urgentWorkingDays: settings.urgentWorkingDays,
    }),
    region: intake.requester.region,
    area: areaOfRegion(intake.requester.region),
  };
}

export function storedFields(intake: Intake) {
  const { requestKind: _kind, ...fields } = intake;
  return fields;
}

const TABLES = (ctx: CommandContext) => {
  const { db } = ctx;
  return [db.consultations, db.caseRows, db.requesters, db.audit, db.meta, db.counters];
};

/**
 * Records a new consultation request: validates, then writes the record, its list row, its
 * per-field clock stamps, the requester for reuse, an audit event and the counters in one
 * transaction — all or nothing.
 */
export async function createConsultation(ctx: CommandContext, input: IntakeInput): Promise<ConsultationRecord> {
  const intake = parseIntake(ctx, input);
  // The new case is routed nowhere yet and belongs to its requester.
  requireCase(ctx, 'consultation.create', { networkId: null, requesterKey: requesterKey(intake.requester) });
  const { db } = ctx;
  const now = ctx.now();

  return db.transaction('rw', TABLES(ctx), async () => {
    const settings = await readSettings(db);
    const year = Number(intake.received.date.slice(0, 4));
    const sequenceKey = caseSequenceCounter(settings.caseCodePrefix, year);
    const counters = await bumpCounters(db, {
      [COUNTER_TOTAL]: 1,
      [statusCounter('received')]: 1,
      [COUNTER_REV]: 1,
      [sequenceKey]: 1,
    });
    const [stamp, auditStamp] = await takeStamps(db, now.getTime(), 2);
    const record: ConsultationRecord = {
      ...storedFields(intake),
      ...derivedFields(intake, settings),
      id: uuidv7(now.getTime()),
      caseCode: formatCaseCode(settings.caseCodePrefix, year, counters[sequenceKey]!),
      status: 'received',
      routing: [],
      ...initialLifecycle(),
      createdBy: ctx.actor,
      rev: counters[COUNTER_REV]!,
      stamps: Object.fromEntries(STAMPED_FIELDS.map((field) => [field, stamp!])) as ConsultationRecord['stamps'],
    };
    await db.consultations.add(record);
    await db.caseRows.add(caseRowOf(record));
    await rememberRequester(db, intake.requester, now.toISOString());
    await addAudit(db, auditEvent(ctx, now, auditStamp!, { action: 'consultation.create', entityId: record.id, fields: [...STAMPED_FIELDS] }));
    return record;
  });
}

function changedFields(before: ConsultationRecord, after: ReturnType<typeof storedFields>): StampedField[] {
  // Only the intake's own fields: status, routing and the lifecycle change through their commands.
  return STAMPED_FIELDS.filter((field) => field in after && JSON.stringify(before[field]) !== JSON.stringify(after[field as keyof typeof after]));
}

/**
 * Saves an edited request with the same validation as intake. Only changed fields get new clock
 * stamps. `expectedRev` guards against overwriting a change made since the form was opened.
 * Switching a case to anonymous is refused while its free text still holds identifying data.
 */
export async function updateConsultation(
  ctx: CommandContext,
  id: string,
  input: IntakeInput,
  expectedRev?: number,
): Promise<ConsultationRecord> {
  const intake = parseIntake(ctx, input);
  const { db } = ctx;
  const now = ctx.now();

  return db.transaction('rw', TABLES(ctx), async () => {
    const before = await db.consultations.get(id);
    if (!before) throw new CommandError('notFound');
    requireCase(ctx, 'consultation.update', before);
    if (expectedRev !== undefined && before.rev !== expectedRev) throw new CommandError('changedElsewhere');
    const fields = storedFields(intake);
    const changed = changedFields(before, fields);
    if (changed.length === 0) return before;

    const fromMode = before.consent.mode;
    const toMode = intake.consent.mode;
    if (fromMode !== 'anonymous' && toMode === 'anonymous') {
      const findings = anonymityFindings(intake, now);
      if (findings.length > 0) throw new ValidationError(findings);
    }

    const settings = await readSettings(db);
    const counters = await bumpCounters(db, { [COUNTER_REV]: 1 });
    const stamps = await takeStamps(db, now.getTime(), 2 + (fromMode !== toMode ? 1 : 0));
    const [stamp, auditStamp, consentStamp] = stamps;
    const record: ConsultationRecord = {
      ...before,
      ...fields,
      ...derivedFields(intake, settings),
      rev: counters[COUNTER_REV]!,
      stamps: { ...before.stamps, ...Object.fromEntries(changed.map((field) => [field, stamp!])) },
    };
    await db.consultations.put(record);
    await db.caseRows.put(caseRowOf(record));
    await rememberRequester(db, intake.requester, now.toISOString());
    await addAudit(db, auditEvent(ctx, now, auditStamp!, { action: 'consultation.update', entityId: id, fields: changed }));
    if (fromMode !== toMode) {
      await addAudit(db, 
        auditEvent(ctx, now, consentStamp!, {
          action: 'consultation.consent-change',
          entityId: id,
          fields: ['consent'],
          details: { from: fromMode, to: toMode },
        }),
      );
    }
    return record;
  });
}

/**
 * Logs that the acting user opened a case (who viewed what, and when). A profile that may not
 * read the case is refused (`ProtectionError('not-permitted')`) and nothing is logged.
 */
export async function recordView(ctx: CommandContext, id: string): Promise<void> {
  const { db } = ctx;
  const now = ctx.now();
  await db.transaction('rw', [db.consultations, db.audit, db.meta], async () => {
    const record = await db.consultations.get(id);
    if (record) requireRead(ctx.profile, record);
    else if (ctx.profile.role !== 'coordinator') throw new CommandError('notFound');
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    await addAudit(db, auditEvent(ctx, now, stamp!, { action: 'consultation.view', entityId: id }));
  });
}
