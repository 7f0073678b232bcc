import { meetingInputSchema, type Meeting, type MeetingInput } from '../../../shared/meetings/schema';
import { networkSlots } from '../../../shared/meetings/network-slots';
import { planBooking, slotOccurrence, type BookingRefusalCode } from '../../../shared/meetings/booking';
import { helsinkiDate } from '../../../shared/calendar/target-date';
import { uuidv7 } from '../../../shared/ids';
import type { ConsultationRecord } from '../../../shared/domain/consultation';
import type { MeetingRecord } from '../db/schema';
import type { CommandContext } from '../access/context';
import { CommandError, ValidationError, type CommandErrorCode } from '../access/errors';
import { caseForWrite, planOrThrow, transitionTables, writeTransition } from './lifecycle';
import { changedKeys, putMeeting } from './meeting-records';
import { requireGlobal } from '../access/guards';

const REFUSAL: Record<BookingRefusalCode, CommandErrorCode> = {
  full: 'meetingFull',
  'already-booked': 'alreadyBooked',
  cancelled: 'meetingCancelled',
  past: 'meetingPast',
  'not-an-occurrence': 'notAllowed',
};

/**
 * Adds an ad hoc meeting, or saves an edited meeting (by id). Moving a meeting reschedules every
 * case booked into it (a 'schedule' transition each, so their history and measures follow);
 * capacity cannot drop below the cases already booked, and a meeting with cases is not cancelled.
 */
export async function saveMeeting(ctx: CommandContext, input: Omit<MeetingInput, 'caseIds'>, id?: string, expectedRev?: number): Promise<MeetingRecord> {
  requireGlobal(ctx, 'meeting.update');
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [...transitionTables(ctx), db.networks], async () => {
    const before = id ? await db.meetings.get(id) : undefined;
    if (id && !before) throw new CommandError('notFound');
    if (expectedRev !== undefined && before && before.rev !== expectedRev) throw new CommandError('changedElsewhere');
    const parsed = meetingInputSchema.safeParse({ ...input, caseIds: before?.caseIds ?? [] });
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    if (!(await db.networks.get(parsed.data.networkId))) throw new ValidationError([{ path: 'networkId', message: 'validation.choose' }]);
    if (before && parsed.data.cancelled && before.caseIds.length > 0) throw new ValidationError([{ path: 'cancelled', message: 'meetings.cancelWithCases' }]);
    if (before && before.caseIds.length > 0 && parsed.data.networkId !== before.networkId) throw new ValidationError([{ path: 'networkId', message: 'meetings.networkWithCases' }]);
    const meeting: Meeting = { ...parsed.data, id: before?.id ?? uuidv7(now.getTime()), slotId: before?.slotId ?? parsed.data.slotId };
    if (before && changedKeys<Meeting>(before, meeting).length === 0) return before;
    const record = await putMeeting(ctx, meeting, before, now, before ? 'meeting.update' : 'meeting.create');
    if (before && (before.date !== meeting.date || before.time !== meeting.time)) {
      for (const caseId of meeting.caseIds) {
        const booked = await db.consultations.get(caseId);
        if (!booked || booked.status !== 'scheduled' || booked.booking?.meetingId !== meeting.id) continue;
        const event = planOrThrow(booked, 'schedule', { meetingId: meeting.id, date: meeting.date, time: meeting.time, mode: meeting.mode }, now);
        await writeTransition(ctx, booked, event, now, { audit: { moved: 'yes' } });
      }
    }
    return record;
  });
}

/** Where to book: an existing meeting, or a slot of the network's meeting rhythm on a date (the meeting is created with the first case). */
export type BookingTarget = { meetingId: string } | { slotId: string; date: string };

/**
 * Books a case into a meeting (or reschedules it there): the case becomes "scheduled" with the
 * meeting's date and time, its place in any earlier meeting is freed, and the meeting records the
 * case — one transaction, audited on both the case and the meeting.
 */
export async function bookConsultation(ctx: CommandContext, caseId: string, target: BookingTarget, expectedRev?: number): Promise<{ record: ConsultationRecord; meeting: MeetingRecord }> {
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [...transitionTables(ctx), db.networks], async () => {
    const before = await caseForWrite(ctx, 'meeting.book', caseId, expectedRev);
    let existing: MeetingRecord | undefined;
    let plan;
    if ('meetingId' in target) {
      existing = await db.meetings.get(target.meetingId);
      if (!existing) throw new CommandError('notFound');
      plan = planBooking(existing, caseId, { today: helsinkiDate(now) });
    } else {
      const network = await db.networks.get(target.slotId.split('/')[0]!);
      const slot = network ? networkSlots(network).find((s) => s.id === target.slotId) : undefined;
      if (!slot) throw new CommandError('notFound');
      // The slot's occurrence on that date may already have its meeting: book into that one.
      const sameDay = await db.meetings.where('[networkId+date]').equals([slot.networkId, target.date]).filter((m) => m.slotId === slot.id).first();
      existing = sameDay;
      plan = sameDay
        ? planBooking(sameDay, caseId, { today: helsinkiDate(now) })
        : planBooking(slotOccurrence(slot, target.date), caseId, { today: helsinkiDate(now), newMeetingId: uuidv7(now.getTime()) });
    }
    if (!plan.ok) throw new CommandError(REFUSAL[plan.code], plan.message);
    const routedTo = before.routing.at(-1)?.networkId;
    if (routedTo !== plan.meeting.networkId) throw new ValidationError([{ path: 'meetingId', message: 'meetings.otherNetwork' }]);
    const event = planOrThrow(before, 'schedule', { meetingId: plan.meeting.id, date: plan.meeting.date, time: plan.meeting.time, mode: plan.meeting.mode }, now);
    if (plan.created) await putMeeting(ctx, { ...plan.meeting, caseIds: [] }, undefined, now, 'meeting.create', { slot: plan.meeting.slotId });
    const created = plan.created ? await db.meetings.get(plan.meeting.id) : existing;
    const meeting = await putMeeting(ctx, plan.meeting, created, now, 'meeting.book', { case: caseId });
    const record = await writeTransition(ctx, before, event, now);
    return { record, meeting };
  });
}
