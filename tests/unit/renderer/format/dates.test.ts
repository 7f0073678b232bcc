import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatIsoDate, formatMonth, parseDateInput, parseMonthInput, toDateInput } from '../../../../renderer/src/format/dates';

/**
 * Issue 18 (13): one date style per language. Finnish and Finland-Swedish read and type 7.12.2026
 * (never Sweden's 2026-12-07); English reads and types the British 07/12/2026. Instants are Finnish
 * time whatever the machine's zone (the unit suite also runs in UTC and Helsinki: scripts/).
 */
describe('dates for people', () => {
  it('writes a calendar date d.M.yyyy in Finnish and Swedish, dd/MM/yyyy in English', () => {
    expect(formatIsoDate('2026-12-07', 'fi')).toBe('7.12.2026');
    expect(formatIsoDate('2026-12-07', 'sv')).toBe('7.12.2026');
    expect(formatIsoDate('2026-12-07', 'en')).toBe('07/12/2026');
    expect(formatIsoDate('2026-11-23', 'sv')).toBe('23.11.2026');
  });

  it('writes an instant as its Finnish date and time, whatever the machine’s time zone', () => {
    // 22:30 UTC on 6 December is already 7 December, 00.30, in Helsinki.
    expect(formatDate('2026-12-06T22:30:00Z', 'sv')).toBe('7.12.2026');
    expect(formatDateTime('2026-12-06T22:30:00Z', 'fi')).toBe('7.12.2026 00.30');
    expect(formatDateTime('2026-12-06T22:30:00Z', 'sv')).toBe('7.12.2026 00.30');
    expect(formatDateTime('2026-12-06T22:30:00Z', 'en')).toBe('07/12/2026 00:30');
    // Summer time: UTC+3.
    expect(formatDateTime('2026-06-01T09:05:00Z', 'fi')).toBe('1.6.2026 12.05');
    for (const language of ['fi', 'sv', 'en'] as const) expect(formatDateTime('2026-11-23T10:00:00Z', language)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('reads a typed date in the language’s own style: d.M.yyyy everywhere, also dd/mm/yyyy in English', () => {
    expect(parseDateInput('7.12.2026', 'sv')).toBe('2026-12-07');
    expect(parseDateInput(' 07.12.2026 ', 'fi')).toBe('2026-12-07');
    expect(parseDateInput('07/12/2026', 'en')).toBe('2026-12-07');
    expect(parseDateInput('7.12.2026', 'en')).toBe('2026-12-07');
    expect(parseDateInput('07/12/2026', 'fi')).toBeNull();
    expect(parseDateInput('2026-12-07', 'sv')).toBeNull();
    expect(parseDateInput('7.12.26', 'fi')).toBeNull();
  });

  it('shows a stored date in a field the way it is typed, and reads it back', () => {
    for (const language of ['fi', 'sv', 'en'] as const) expect(parseDateInput(toDateInput('2026-03-09', language), language)).toBe('2026-03-09');
    expect(toDateInput('2026-03-09', 'sv')).toBe('9.3.2026');
    expect(toDateInput('2026-03-09', 'en')).toBe('09/03/2026');
    expect(toDateInput('9.3.20', 'fi')).toBe('9.3.20');
    expect(toDateInput('', 'fi')).toBe('');
  });

  it('writes a month 3/2026 and reads 3/2026, 3.2026 or 2026-03', () => {
    expect(formatMonth('2026-03')).toBe('3/2026');
    expect(['3/2026', '03/2026', '3.2026', '2026-03', ' 2026-03 '].map(parseMonthInput)).toEqual(Array(5).fill('2026-03'));
    expect(['13/2026', '0/2026', '2026-3', 'maaliskuu', ''].map(parseMonthInput)).toEqual(Array(5).fill(null));
  });
});
