import type { Meeting } from '../../../shared/meetings/schema';
import { unbook } from '../../../shared/meetings/booking';
import { fieldStamps } from '../../../shared/sync/field-stamps';
import type { MeetingRecord } from '../db/schema';
import type { CommandContext } from '../access/context';
import { takeStamps } from './stamps';
import { addAudit, auditEvent } from './audit';

/**
 * Writing one meeting inside another command's transaction (booking, moving, a case leaving it):
 * the step that both the meeting commands and the lifecycle commands take, kept apart from both.
 */

/** The fields that differ between two versions of a record (for stamps and the audit event). */
export function changedKeys<T extends object>(before: T, after: T): string[] {
  return (Object.keys(after) as Array<keyof T>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map(String);
}

/** Writes a meeting with its revision and clock stamp, and audits it (ids and field names only). */
export async function putMeeting(ctx: CommandContext, meeting: Meeting, before: MeetingRecord | undefined, now: Date, action: 'meeting.create' | 'meeting.update' | 'meeting.book' | 'meeting.unbook', details?: Record<string, string>): Promise<MeetingRecord> {
  const [stamp, auditStamp] = await takeStamps(ctx.db, now.getTime(), 2);
  const fields = before ? changedKeys<Meeting>(before, meeting) : Object.keys(meeting);
  const record: MeetingRecord = { ...before, ...meeting, rev: (before?.rev ?? 0) + 1, updatedAt: now.toISOString(), stamps: fieldStamps(meeting, fields, stamp!, before?.stamps) };
  await ctx.db.meetings.put(record);
  await addAudit(ctx.db, auditEvent(ctx, now, auditStamp!, { action, entity: 'meeting', entityId: meeting.id, fields, ...(details ? { details } : {}) }));
  return record;
}

/**
 * Frees a case's place in a meeting (the case was declined, cancelled or booked elsewhere). Runs
 * inside the calling command's transaction, which includes the meetings table.
 */
export async function unbookFromMeeting(ctx: CommandContext, meetingId: string, caseId: string, now: Date): Promise<void> {
  const before = await ctx.db.meetings.get(meetingId);
  if (!before) return;
  const after = unbook(before, caseId);
  if (after === before) return;
  await putMeeting(ctx, after, before, now, 'meeting.unbook', { case: caseId });
}
