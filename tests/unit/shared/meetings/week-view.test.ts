import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noHolidays } from '../../../../shared/meetings/occurrences';
import { buildWeekView } from '../../../../shared/meetings/week-view';
import { CASE_1, MEETING_1, MEETING_2, NETWORK_B, SLOT_1, SLOT_2, meeting, slot } from './fixtures';

const MEETING_3 = '0190c000-0000-7000-8000-000000000003';

describe('buildWeekView', () => {
  it('gives seven day columns Monday … Sunday with the ISO week', () => {
    const view = buildWeekView({ date: '2026-03-12', meetings: [] });
    expect(view.year).toBe(2026);
    expect(view.week).toBe(11);
    expect(view.days.map((d) => [d.date, d.weekday])).toEqual([
      ['2026-03-09', 1],
      ['2026-03-10', 2],
      ['2026-03-11', 3],
      ['2026-03-12', 4],
      ['2026-03-13', 5],
      ['2026-03-14', 6],
      ['2026-03-15', 7],
    ]);
    expect(view.days.every((d) => d.entries.length === 0 && !d.holiday)).toBe(true);
  });

  it('shows an unbooked slot occurrence as a free entry', () => {
    const view = buildWeekView({ date: '2026-03-10', meetings: [], slots: [slot()] });
    expect(view.days[1]!.entries).toEqual([
      {
        kind: 'free-slot',
        date: '2026-03-10',
        time: '13:00',
        durationMinutes: 90,
        networkId: slot().networkId,
        mode: 'video',
        booked: 0,
        capacity: 2,
        cancelled: false,
        slotId: SLOT_1,
      },
    ]);
  });

  it('shows a slot occurrence that has a meeting only as the meeting', () => {
    const view = buildWeekView({ date: '2026-03-10', meetings: [meeting({ caseIds: [CASE_1] })], slots: [slot()] });
    expect(view.days[1]!.entries).toEqual([
      {
        kind: 'meeting',
        date: '2026-03-10',
        time: '13:00',
        durationMinutes: 90,
        networkId: slot().networkId,
        mode: 'video',
        booked: 1,
        capacity: 2,
        cancelled: false,
        meetingId: MEETING_1,
        slotId: SLOT_1,
      },
    ]);
  });

  it('a cancelled occurrence is not offered as free, even when cancelled meetings are hidden', () => {
    const cancelled = meeting({ cancelled: true });
    const shown = buildWeekView({ date: '2026-03-10', meetings: [cancelled], slots: [slot()] });
    expect(shown.days[1]!.entries.map((e) => [e.kind, e.cancelled])).toEqual([['meeting', true]]);
    const hidden = buildWeekView({ date: '2026-03-10', meetings: [cancelled], slots: [slot()], hideCancelled: true });
    expect(hidden.days[1]!.entries).toEqual([]);
  });

  it('an ad hoc meeting has no slotId and does not hide a slot occurrence', () => {
    const adHoc = meeting({ id: MEETING_2, slotId: '', time: '09:00' });
    const entries = buildWeekView({ date: '2026-03-10', meetings: [adHoc], slots: [slot()] }).days[1]!.entries;
    expect(entries.map((e) => [e.kind, e.time])).toEqual([
      ['meeting', '09:00'],
      ['free-slot', '13:00'],
    ]);
    expect('slotId' in entries[0]!).toBe(false);
  });

  it('a meeting of the slot on another date does not hide this week’s occurrence', () => {
    const lastWeek = meeting({ date: '2026-03-03' });
    const entries = buildWeekView({ date: '2026-03-10', meetings: [lastWeek], slots: [slot()] }).days[1]!.entries;
    expect(entries.map((e) => e.kind)).toEqual(['free-slot']);
  });

  it('ignores meetings outside the week', () => {
    const view = buildWeekView({ date: '2026-03-10', meetings: [meeting({ date: '2026-03-08' }), meeting({ date: '2026-03-16' })] });
    expect(view.days.flatMap((d) => d.entries)).toEqual([]);
  });

  it('sorts each day by time, then duration and network, stably', () => {
    const meetings = [
      meeting({ id: MEETING_1, slotId: '', time: '14:00' }),
      meeting({ id: MEETING_2, slotId: '', time: '08:30', networkId: NETWORK_B }),
      meeting({ id: MEETING_3, slotId: '', time: '08:30' }),
    ];
    const slots = [slot({ id: SLOT_2, startTime: '10:00' }), slot({ startTime: '08:30', durationMinutes: 60 })];
    const entries = buildWeekView({ date: '2026-03-10', meetings, slots }).days[1]!.entries;
    expect(entries.map((e) => [e.time, e.kind, e.meetingId ?? e.slotId])).toEqual([
      ['08:30', 'free-slot', SLOT_1],
      ['08:30', 'meeting', MEETING_3],
      ['08:30', 'meeting', MEETING_2],
      ['10:00', 'free-slot', SLOT_2],
      ['14:00', 'meeting', MEETING_1],
    ]);
  });

  it('offers free slots only from today on; meetings before today stay visible', () => {
    const slots = [slot({ weekday: 1 }), slot({ id: SLOT_2, weekday: 5 })];
    const view = buildWeekView({ date: '2026-03-10', meetings: [meeting({ date: '2026-03-10', slotId: '' })], slots, today: '2026-03-11' });
    expect(view.days.flatMap((d) => d.entries.map((e) => [e.date, e.kind]))).toEqual([
      ['2026-03-10', 'meeting'],
      ['2026-03-13', 'free-slot'],
    ]);
    const future = buildWeekView({ date: '2026-03-10', meetings: [], slots, today: '2026-03-20' });
    expect(future.days.flatMap((d) => d.entries)).toEqual([]);
    const past = buildWeekView({ date: '2026-03-10', meetings: [], slots, today: '2026-01-01' });
    expect(past.days.flatMap((d) => d.entries.map((e) => e.date))).toEqual(['2026-03-09', '2026-03-13']);
  });

  it('marks holidays, skips slot occurrences on them, but still shows meetings on them', () => {
    // Week 2 of 2026: Epiphany on Tuesday 6 January.
    const view = buildWeekView({ date: '2026-01-06', meetings: [meeting({ date: '2026-01-06', slotId: '', time: '10:00' })], slots: [slot()] });
    expect(view.days[1]!.holiday).toBe(true);
    expect(view.days[1]!.entries.map((e) => e.kind)).toEqual(['meeting']);
    const open = buildWeekView({ date: '2026-01-06', meetings: [], slots: [slot()], isHoliday: noHolidays });
    expect(open.days[1]!.holiday).toBe(false);
    expect(open.days[1]!.entries.map((e) => e.kind)).toEqual(['free-slot']);
  });

  it('leaves out inactive slots and slots outside their validity', () => {
    const slots = [slot({ active: false }), slot({ id: SLOT_2, validFrom: '2026-03-11' })];
    expect(buildWeekView({ date: '2026-03-10', meetings: [], slots }).days.flatMap((d) => d.entries)).toEqual([]);
  });

  it('works across the year end (ISO week 53 of 2026)', () => {
    const view = buildWeekView({ date: '2027-01-01', meetings: [], slots: [slot()] });
    expect({ year: view.year, week: view.week }).toEqual({ year: 2026, week: 53 });
    expect(view.days[1]!.entries.map((e) => e.date)).toEqual(['2026-12-29']);
  });

  it('property: every slot occurrence appears exactly once — as a meeting or as free', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), fc.integer({ min: 0, max: 40 }), (booked, weekOffset) => {
        const monday = new Date(Date.UTC(2026, 0, 5) + weekOffset * 7 * 86_400_000).toISOString().slice(0, 10);
        const slots = [1, 2, 3, 4, 5, 6, 7].map((weekday) => slot({ id: `0190b000-0000-7000-8000-00000000010${weekday}`, weekday }));
        const view = buildWeekView({ date: monday, meetings: [], slots, isHoliday: noHolidays });
        const meetings = view.days
          .filter((_, i) => booked[i])
          .map((day, i) => meeting({ id: `0190c000-0000-7000-8000-00000000020${i}`, slotId: day.entries[0]!.slotId!, date: day.date }));
        const withMeetings = buildWeekView({ date: monday, meetings, slots, isHoliday: noHolidays });
        withMeetings.days.forEach((day, i) => {
          expect(day.entries).toHaveLength(1);
          expect(day.entries[0]!.kind).toBe(booked[i] ? 'meeting' : 'free-slot');
        });
      }),
    );
  });
});
