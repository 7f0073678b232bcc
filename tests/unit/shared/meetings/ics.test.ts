import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { helsinkiParts } from '../../../../shared/calendar/helsinki-time';
import { escapeText, foldLine, icsBytes, MAX_LINE_OCTETS, meetingToIcs, quoteParam, type MeetingIcsInput } from '../../../../shared/meetings/ics';
import { meetingEnd, meetingInstant } from '../../../../shared/meetings/occurrences';
import { CASE_1, CASE_2, meeting } from './fixtures';
import { component, hasUnescapedSeparator, one, physicalLines, readIcs, unescapeText, unfold, type IcsProperty } from './ics-reader';

const NOW = new Date('2026-03-01T08:09:10.123Z');
const PRODUCT = '-//OT-keskus//Konsultaatiot 0.1//FI';

function input(overrides: Partial<MeetingIcsInput> = {}): MeetingIcsInput {
  return {
    meeting: meeting(),
    uid: '0190c000-0000-7000-8000-000000000001@otk-consultation-desk',
    title: 'Konsultaatio: Neuropsykiatrinen verkosto (video)',
    description: 'Osallistujat: asiantuntijat, koordinaattori',
    now: NOW,
    productId: PRODUCT,
    ...overrides,
  };
}

const octets = (s: string) => icsBytes(s).length;
const fatal = new TextDecoder('utf-8', { fatal: true });

/** Splits UTF-8 bytes at CRLF, as a calendar reading the file byte by byte would. */
function byteLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  expect(start).toBe(bytes.length);
  return lines;
}

/** What the text normalisation of escapeText keeps: line breaks as LF, no other control characters, no lone surrogates. */
function normalised(text: string): string {
  return (
    text
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\r\n|\r/g, '\n')
  );
}

describe('meetingToIcs — structure', () => {
  const ics = meetingToIcs(input({ location: 'Teams', organizerName: 'OT-keskus, koordinaattori' }));
  const props = readIcs(ics);
  const event = component(props, 'VEVENT');

  it('is one VCALENDAR with VERSION, PRODID, METHOD:PUBLISH, one VTIMEZONE and one VEVENT', () => {
    expect(props[0]).toEqual({ name: 'BEGIN', params: {}, value: 'VCALENDAR' });
    expect(props.at(-1)).toEqual({ name: 'END', params: {}, value: 'VCALENDAR' });
    expect(one(props, 'VERSION').value).toBe('2.0');
    expect(unescapeText(one(props, 'PRODID').value)).toBe(PRODUCT);
    expect(one(props, 'METHOD').value).toBe('PUBLISH');
    expect(props.filter((p) => p.name === 'BEGIN').map((p) => p.value)).toEqual(['VCALENDAR', 'VTIMEZONE', 'DAYLIGHT', 'STANDARD', 'VEVENT']);
  });

  it('ends every line with CRLF and has no bare CR or LF', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has the Europe/Helsinki VTIMEZONE with EET and EEST and the last-Sunday rules', () => {
    const tz = component(props, 'VTIMEZONE');
    expect(one(tz, 'TZID').value).toBe('Europe/Helsinki');
    const daylight = component(tz, 'DAYLIGHT');
    const standard = component(tz, 'STANDARD');
    expect(Object.fromEntries(daylight.map((p) => [p.name, p.value]))).toEqual({
      TZOFFSETFROM: '+0200',
      TZOFFSETTO: '+0300',
      TZNAME: 'EEST',
      DTSTART: '19700329T030000',
      RRULE: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    });
    expect(Object.fromEntries(standard.map((p) => [p.name, p.value]))).toEqual({
      TZOFFSETFROM: '+0300',
      TZOFFSETTO: '+0200',
      TZNAME: 'EET',
      DTSTART: '19701025T040000',
      RRULE: 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    });
  });

  it('has UID, DTSTAMP in UTC, DTSTART/DTEND with TZID, SUMMARY, DESCRIPTION, LOCATION, ORGANIZER, STATUS', () => {
    expect(unescapeText(one(event, 'UID').value)).toBe(input().uid);
    expect(one(event, 'DTSTAMP')).toEqual({ name: 'DTSTAMP', params: {}, value: '20260301T080910Z' });
    expect(one(event, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Helsinki' }, value: '20260310T130000' });
    expect(one(event, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'Europe/Helsinki' }, value: '20260310T143000' });
    expect(unescapeText(one(event, 'SUMMARY').value)).toBe(input().title);
    expect(unescapeText(one(event, 'DESCRIPTION').value)).toBe(input().description);
    expect(unescapeText(one(event, 'LOCATION').value)).toBe('Teams');
    expect(one(event, 'ORGANIZER')).toEqual({
      name: 'ORGANIZER',
      params: { CN: 'OT-keskus, koordinaattori' },
      value: 'mailto:no-reply@otk.invalid',
    });
    expect(one(event, 'STATUS').value).toBe('CONFIRMED');
    expect(one(event, 'SEQUENCE').value).toBe('0');
    expect(event.some((p) => p.name === 'DURATION')).toBe(false);
  });

  it('leaves out LOCATION, ORGANIZER and DESCRIPTION when not given', () => {
    const bare = component(readIcs(meetingToIcs(input({ description: '' }))), 'VEVENT').map((p) => p.name);
    expect(bare).toEqual(['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'STATUS', 'SEQUENCE', 'TRANSP']);
  });

  it('marks a cancelled meeting and carries the sequence of an update', () => {
    const event2 = component(readIcs(meetingToIcs(input({ meeting: meeting({ cancelled: true }), sequence: 3 }))), 'VEVENT');
    expect(one(event2, 'STATUS').value).toBe('CANCELLED');
    expect(one(event2, 'SEQUENCE').value).toBe('3');
  });

  it('is deterministic', () => {
    expect(meetingToIcs(input())).toBe(meetingToIcs(input()));
  });

  it('refuses invalid input with an error', () => {
    expect(() => meetingToIcs(input({ meeting: meeting({ date: '2026-02-30' }) }))).toThrow(/date/);
    expect(() => meetingToIcs(input({ meeting: meeting({ time: '25:00' }) }))).toThrow(/time/);
    expect(() => meetingToIcs(input({ meeting: meeting({ durationMinutes: 0 }) }))).toThrow(/duration/);
    expect(() => meetingToIcs(input({ now: new Date(Number.NaN) }))).toThrow(/now/);
    expect(() => meetingToIcs(input({ uid: ' ' }))).toThrow(/uid/);
    expect(() => meetingToIcs(input({ title: '' }))).toThrow(/title/);
    expect(() => meetingToIcs(input({ productId: '' }))).toThrow(/productId/);
    expect(() => meetingToIcs(input({ sequence: -1 }))).toThrow(/sequence/);
  });
});

describe('meetingToIcs — no client data', () => {
  const secretMeeting = meeting({
    id: '0190c000-0000-7000-8000-00000000dead',
    caseIds: [CASE_1, CASE_2],
    notes: 'SECRET-NOTE 131052-308T',
    location: 'SECRET-LOCATION',
    participants: [{ role: 'requester', count: 1 }],
  });
  const passed = {
    uid: 'uid-1@otk',
    title: 'Konsultaatio: Itä-Suomen verkosto (video)',
    description: 'Osallistujat: kysyjä, asiantuntijat',
    location: 'Teams',
    organizerName: 'OT-keskus',
    productId: PRODUCT,
  };
  const ics = meetingToIcs({ ...passed, meeting: secretMeeting, now: NOW });

  it('never reads case ids, notes, location or the id from the meeting object', () => {
    for (const secret of [secretMeeting.id, CASE_1, CASE_2, 'SECRET', '131052', 'dead']) {
      expect(unfold(ics).join('\n')).not.toContain(secret);
    }
  });

  it('contains only what was passed: every property is a fixed structure, a time or one of the inputs', () => {
    const fixed = new Set([
      'BEGIN',
      'END',
      'VERSION',
      'CALSCALE',
      'METHOD',
      'TZID',
      'TZOFFSETFROM',
      'TZOFFSETTO',
      'TZNAME',
      'RRULE',
      'STATUS',
      'SEQUENCE',
      'TRANSP',
    ]);
    const times = new Set(['DTSTART', 'DTEND', 'DTSTAMP']);
    const fromInput: Record<string, string> = {
      PRODID: passed.productId,
      UID: passed.uid,
      SUMMARY: passed.title,
      DESCRIPTION: passed.description,
      LOCATION: passed.location,
    };
    for (const prop of readIcs(ics)) {
      if (fixed.has(prop.name)) {
        expect(prop.value).toMatch(/^[A-Z0-9=;+:/.,-]+$|^Europe\/Helsinki$/);
      } else if (times.has(prop.name)) {
        expect(prop.value).toMatch(/^\d{8}T\d{6}Z?$/);
      } else if (prop.name === 'ORGANIZER') {
        expect(prop.params).toEqual({ CN: passed.organizerName });
        expect(prop.value).toBe('mailto:no-reply@otk.invalid');
      } else {
        expect(Object.keys(fromInput)).toContain(prop.name);
        expect(unescapeText(prop.value)).toBe(fromInput[prop.name]);
      }
    }
  });
});

describe('meetingToIcs — escaping and folding', () => {
  it('escapes backslash, semicolon, comma and line breaks, and reads back the same text', () => {
    const title = 'A\\B; C, D';
    const description = 'rivi 1\nrivi 2\r\nrivi 3\rloppu';
    const event = component(readIcs(meetingToIcs(input({ title, description }))), 'VEVENT');
    expect(one(event, 'SUMMARY').value).toBe('A\\\\B\\; C\\, D');
    expect(one(event, 'DESCRIPTION').value).toBe('rivi 1\\nrivi 2\\nrivi 3\\nloppu');
    expect(unescapeText(one(event, 'SUMMARY').value)).toBe(title);
    expect(unescapeText(one(event, 'DESCRIPTION').value)).toBe('rivi 1\nrivi 2\nrivi 3\nloppu');
  });

  it('escapeText drops control characters and replaces lone surrogates', () => {
    expect(escapeText('a\u0000b\u0007c\td')).toBe('abc\td');
    expect(escapeText('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeText('😀')).toBe('😀');
  });

  it('quoteParam always quotes and cannot break out of the parameter', () => {
    expect(quoteParam('Ab: c; d, e')).toBe('"Ab: c; d, e"');
    expect(quoteParam('say "hi"\nagain')).toBe('"say \'hi\' again"');
  });

  it('folds Finnish and Swedish letters and emoji at 75 octets without splitting a character', () => {
    const description = `Yhteistyöalue Länsi- ja Sisä-Suomi / Åbo och Österbotten: ${'äöå ÄÖÅ 😀👨‍👩‍👧 '.repeat(30)}`;
    const ics = meetingToIcs(input({ description, location: 'Åland 🏝️ sal Ö' }));
    const bytes = icsBytes(ics);
    for (const line of byteLines(bytes)) {
      expect(line.length).toBeLessThanOrEqual(MAX_LINE_OCTETS);
      expect(() => fatal.decode(line)).not.toThrow();
    }
    const event = component(readIcs(ics), 'VEVENT');
    expect(unescapeText(one(event, 'DESCRIPTION').value)).toBe(description);
    expect(unescapeText(one(event, 'LOCATION').value)).toBe('Åland 🏝️ sal Ö');
    expect(physicalLines(ics).some((l) => l.startsWith(' '))).toBe(true);
  });

  it('folds exactly at the boundary', () => {
    const exact = `SUMMARY:${'a'.repeat(67)}`;
    expect(octets(exact)).toBe(75);
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(`${exact}b`)).toBe(`${exact}\r\n b`);
    // 74 octets, then a two-octet 'ä' that would make 76: it moves to the next line whole.
    const before = `SUMMARY:${'a'.repeat(66)}`;
    expect(foldLine(`${before}ä`)).toBe(`${before}\r\n ä`);
    // 72 octets + a four-octet emoji = 76.
    const emoji = `SUMMARY:${'a'.repeat(64)}`;
    expect(foldLine(`${emoji}😀`)).toBe(`${emoji}\r\n 😀`);
    // A continuation line holds the space and 74 octets.
    const long = foldLine('x'.repeat(75 + 74 + 1)).split('\r\n');
    expect(long.map(octets)).toEqual([75, 75, 2]);
    expect(foldLine('')).toBe('');
  });

  it('writes the file as UTF-8', () => {
    expect(Array.from(icsBytes('ä😀'))).toEqual([0xc3, 0xa4, 0xf0, 0x9f, 0x98, 0x80]);
    expect(icsBytes(meetingToIcs(input()))).toBeInstanceOf(Uint8Array);
  });
});

describe('properties', () => {
  const lineArb = fc.string({ unit: 'binary', maxLength: 400, size: 'max' }).map((s) => s.replace(/[\r\n]/g, ''));

  it('folded lines are ≤ 75 octets, continuations start with one space, and unfolding restores the line', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const folded = foldLine(line);
        const lines = folded.split('\r\n');
        lines.forEach((l, i) => {
          expect(octets(l)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
          if (i > 0) expect(l.startsWith(' ') && l.length > 1).toBe(true);
        });
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
      { numRuns: 500 },
    );
  });

  it('a well-formed line is never split inside a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300, size: 'max' }), (text) => {
        const line = `DESCRIPTION:${text.replace(/[\r\n]/g, '')}`;
        for (const l of byteLines(icsBytes(`${foldLine(line)}\r\n`))) expect(() => fatal.decode(l)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('escaped text has no line break and no unescaped separator, and unescapes to the normalised text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200, size: 'max' }), (text) => {
        const escaped = escapeText(text);
        expect(escaped).not.toMatch(/[\r\n]/);
        expect(hasUnescapedSeparator(escaped)).toBe(false);
        expect(unescapeText(escaped)).toBe(normalised(text));
      }),
      { numRuns: 500 },
    );
  });

  it('any title and description read back from the calendar as given (normalised)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 150, size: 'max' }), fc.string({ unit: 'binary', maxLength: 300, size: 'max' }), (title, description) => {
        fc.pre(title.trim() !== '');
        const ics = meetingToIcs(input({ title, description }));
        for (const line of byteLines(icsBytes(ics))) expect(line.length).toBeLessThanOrEqual(75);
        const event = component(readIcs(ics), 'VEVENT');
        expect(unescapeText(one(event, 'SUMMARY').value)).toBe(normalised(title));
        if (description !== '') expect(unescapeText(one(event, 'DESCRIPTION').value)).toBe(normalised(description));
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * A calendar's reading of the event times from the VTIMEZONE in the file itself (RFC 5545 §3.3.5,
 * §3.6.5): the two yearly onsets from DTSTART + RRULE BYMONTH/BYDAY=-1SU; a repeated local time is
 * its first occurrence, a local time in the gap takes the offset before the gap.
 */
function calendarTimes(ics: string): { start: string; end: string } {
  const props = readIcs(ics);
  const tz = component(props, 'VTIMEZONE');
  const rule = (name: string) => {
    const part = component(tz, name);
    const rrule = one(part, 'RRULE').value;
    expect(rrule).toMatch(/^FREQ=YEARLY;BYMONTH=\d+;BYDAY=-1SU$/);
    const offset = (v: string) => (v.startsWith('-') ? -1 : 1) * (Number(v.slice(1, 3)) * 60 + Number(v.slice(3, 5)));
    return {
      month: Number(/BYMONTH=(\d+)/.exec(rrule)![1]),
      hour: Number(one(part, 'DTSTART').value.slice(9, 11)),
      from: offset(one(part, 'TZOFFSETFROM').value),
      to: offset(one(part, 'TZOFFSETTO').value),
    };
  };
  const rules = [rule('DAYLIGHT'), rule('STANDARD')];
  const lastSunday = (year: number, month: number) => {
    const last = new Date(Date.UTC(year, month, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  /** Offset (minutes) in force at a UTC instant. */
  const offsetAt = (ms: number) => {
    const year = new Date(ms).getUTCFullYear();
    const onsets = rules
      .map((r) => ({ at: Date.UTC(year, r.month - 1, lastSunday(year, r.month), r.hour) - r.from * 60_000, to: r.to }))
      .sort((a, b) => a.at - b.at);
    let offset = onsets.at(-1)!.to; // in force since last year's final onset
    for (const onset of onsets) if (ms >= onset.at) offset = onset.to;
    return offset;
  };
  const local = (value: string) =>
    Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8)), Number(value.slice(9, 11)), Number(value.slice(11, 13)));
  const read = (prop: IcsProperty) => {
    if (prop.value.endsWith('Z')) return local(prop.value.slice(0, -1));
    expect(prop.params.TZID).toBe('Europe/Helsinki');
    const wall = local(prop.value);
    const fits = [...new Set(rules.flatMap((r) => [r.from, r.to]))]
      .map((o) => wall - o * 60_000)
      .filter((ms) => offsetAt(ms) * 60_000 === wall - ms)
      .sort((a, b) => a - b);
    if (fits.length > 0) return fits[0]!;
    // In the gap: the offset before it, i.e. the one in force an hour earlier.
    return wall - offsetAt(wall - 3 * 3_600_000) * 60_000;
  };
  const event = component(props, 'VEVENT');
  const start = read(one(event, 'DTSTART'));
  const durationProp = event.find((p) => p.name === 'DURATION');
  const end = durationProp ? start + Number(/^PT(\d+)M$/.exec(durationProp.value)![1]) * 60_000 : read(one(event, 'DTEND'));
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

describe('meetingToIcs — daylight saving time', () => {
  it('writes summer and winter meetings in Helsinki wall-clock time', () => {
    const summer = component(readIcs(meetingToIcs(input({ meeting: meeting({ date: '2026-03-31', time: '13:00' }) }))), 'VEVENT');
    expect(one(summer, 'DTSTART').value).toBe('20260331T130000');
    const winter = component(readIcs(meetingToIcs(input({ meeting: meeting({ date: '2026-10-27', time: '13:00' }) }))), 'VEVENT');
    expect(one(winter, 'DTSTART').value).toBe('20261027T130000');
  });

  it.each([
    ['2026-03-24', '13:00', 90, '2026-03-24T11:00:00.000Z'],
    ['2026-03-31', '13:00', 90, '2026-03-31T10:00:00.000Z'],
    ['2026-10-20', '13:00', 90, '2026-10-20T10:00:00.000Z'],
    ['2026-10-27', '13:00', 90, '2026-10-27T11:00:00.000Z'],
  ])('a calendar reads %s %s as %s', (date, time, duration, start) => {
    const times = calendarTimes(meetingToIcs(input({ meeting: meeting({ date, time, durationMinutes: duration }) })));
    expect(times.start).toBe(start);
    expect(times.end).toBe(meetingEnd(date, time, duration));
  });

  it('writes a start in the spring gap as the clock time it becomes', () => {
    const event = component(readIcs(meetingToIcs(input({ meeting: meeting({ date: '2026-03-29', time: '03:30', durationMinutes: 30 }) }))), 'VEVENT');
    expect(one(event, 'DTSTART').value).toBe('20260329T043000');
    expect(one(event, 'DTEND').value).toBe('20260329T050000');
  });

  it('uses DURATION when the end falls in the repeated autumn hour, and UTC when the start does', () => {
    const endInRepeat = component(readIcs(meetingToIcs(input({ meeting: meeting({ date: '2026-10-25', time: '02:30', durationMinutes: 120 }) }))), 'VEVENT');
    expect(one(endInRepeat, 'DTSTART').value).toBe('20261025T023000');
    expect(one(endInRepeat, 'DURATION').value).toBe('PT120M');
    expect(endInRepeat.some((p) => p.name === 'DTEND')).toBe(false);
    const startInRepeat = component(readIcs(meetingToIcs(input({ meeting: meeting({ date: '2026-10-25', time: '03:30', durationMinutes: 60 }) }))), 'VEVENT');
    expect(one(startInRepeat, 'DTSTART')).toEqual({ name: 'DTSTART', params: {}, value: '20261025T013000Z' });
    expect(one(startInRepeat, 'DURATION').value).toBe('PT60M');
  });

  it('the VTIMEZONE rules agree with Europe/Helsinki in every year 1997–2100', () => {
    const lastSunday = (year: number, month: number) => {
      const last = new Date(Date.UTC(year, month, 0));
      return last.getUTCDate() - last.getUTCDay();
    };
    for (let year = 1997; year <= 2100; year++) {
      const spring = Date.UTC(year, 2, lastSunday(year, 3), 1); // 03:00 EET = 01:00Z
      expect(helsinkiParts(new Date(spring - 60_000)).time).toBe('02:59');
      expect(helsinkiParts(new Date(spring)).time).toBe('04:00');
      const autumn = Date.UTC(year, 9, lastSunday(year, 10), 1); // 04:00 EEST = 01:00Z
      expect(helsinkiParts(new Date(autumn - 60_000)).time).toBe('03:59');
      expect(helsinkiParts(new Date(autumn)).time).toBe('03:00');
    }
  });

  it('property: a calendar reading the file gets exactly meetingInstant … meetingEnd, around the DST nights too', () => {
    const day = fc.oneof(
      fc.constantFrom('2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2026-03-28', '2026-10-24'),
      fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
    );
    const time = fc
      .tuple(fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(2, 3, 4)), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, time, fc.integer({ min: 15, max: 480 }), (date, t, duration) => {
        const times = calendarTimes(meetingToIcs(input({ meeting: meeting({ date, time: t, durationMinutes: duration }) })));
        expect(times).toEqual({ start: meetingInstant(date, t), end: meetingEnd(date, t, duration) });
      }),
      { numRuns: 1000 },
    );
  });
});
