import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backupFileName, dueAfterChange, installationTag, isoWeek, isStale, parseBackupFileName, planGenerations } from '../../../../shared/backup';

const INSTALLATION = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const OTHER = '0190a1b2-c3d4-7e5f-8a6b-000000000abc';
const TAG = installationTag(INSTALLATION);
/** A backup written at noon (Finnish time) `daysAgo` days before 31.12.2026. */
const at = (daysAgo: number, hour = 12) => new Date(Date.UTC(2026, 11, 31 - daysAgo, hour - 2));
const nameAt = (daysAgo: number, hour = 12, id = INSTALLATION) => backupFileName(id, at(daysAgo, hour));

describe('backup file names', () => {
  it('name the installation by the random part of its id and the Finnish time of writing', () => {
    expect(backupFileName(INSTALLATION, new Date('2026-06-30T21:30:05Z'))).toBe('otk-backup-7c8d9e0f1a2b-20260701-003005.otk');
    expect(parseBackupFileName('otk-backup-7c8d9e0f1a2b-20260701-003005.otk')).toEqual({ tag: '7c8d9e0f1a2b', device: null, date: '2026-07-01', order: '20260701003005000' });
    for (const other of ['otk-backup-7c8d9e0f1a2b-20261301-003005.otk', 'otk-full-2026-07-01.otk', 'otk-backup-7c8d9e0f1a2b-20260701-003005.otk.tmp', '../otk-backup-7c8d9e0f1a2b-20260701-003005.otk']) {
      expect(parseBackupFileName(other)).toBeNull();
    }
  });

  it('carry the device that wrote them; names from before devices were told apart still parse', () => {
    const name = backupFileName(INSTALLATION, new Date('2026-06-30T21:30:05Z'), 1, '0a1b2c3d');
    expect(name).toBe('otk-backup-7c8d9e0f1a2b-d0a1b2c3d-20260701-003005-1.otk');
    expect(parseBackupFileName(name)).toEqual({ tag: '7c8d9e0f1a2b', device: '0a1b2c3d', date: '2026-07-01', order: '20260701003005001' });
    for (const bad of ['0A1B2C3D', '0a1b2c3', 'zzzzzzzz', '0a1b2c3d4']) expect(() => backupFileName(INSTALLATION, at(0), 0, bad)).toThrow(TypeError);
    for (const other of ['otk-backup-7c8d9e0f1a2b-d0a1b2c3-20260701-003005.otk', 'otk-backup-7c8d9e0f1a2b-0a1b2c3d-20260701-003005.otk', 'otk-backup-7c8d9e0f1a2b-d0a1b2c3d4-20260701-003005.otk']) {
      expect(parseBackupFileName(other)).toBeNull();
    }
  });

  it('ISO weeks across a year end', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2026-06-15')).toBe('2026-W25');
  });
});

describe('generations: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps a year of daily backups down to 7 + weekly + monthly, and never touches other files', () => {
    const names = [...Array.from({ length: 400 }, (_, i) => nameAt(i)), nameAt(0, 9), nameAt(3, 20), nameAt(1, 12, OTHER), 'raportti.pdf', 'otk-full-2026-12-01-abcdef.otk'];
    const plan = planGenerations(names, TAG, nameAt(0));
    expect(plan.keep.length + plan.remove.length).toBe(402);
    expect(plan.keep).toContain(nameAt(0));
    for (const i of [0, 1, 2, 4, 5, 6]) expect(plan.keep).toContain(nameAt(i));
    expect(plan.keep).not.toContain(nameAt(0, 9)); // an earlier one of the same day
    expect(plan.keep).not.toContain(nameAt(3, 12)); // the same day's newer one (20.00) is kept
    expect(plan.keep).toContain(nameAt(3, 20));
    expect(plan.remove).not.toContain(nameAt(1, 12, OTHER));
    expect(plan.remove).not.toContain('raportti.pdf');
    const months = new Set(plan.keep.map((n) => parseBackupFileName(n)!.date.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(plan.keep.length).toBeLessThanOrEqual(7 + 4 + 12);
  });

  it('removes nothing when the backup just written is not in the listing', () => {
    const names = Array.from({ length: 40 }, (_, i) => nameAt(i + 1));
    expect(planGenerations(names, TAG, nameAt(0)).remove).toEqual([]);
  });

  it('property: the newest is kept, only our own files are removed, at most 23 kept, and planning again removes nothing more', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 120 }), (days) => {
        const names = days.map((d) => nameAt(d));
        const newest = nameAt(Math.min(...days));
        const plan = planGenerations(names, TAG, newest);
        expect(plan.keep).toContain(newest);
        expect(plan.keep.length).toBeLessThanOrEqual(23);
        expect(new Set([...plan.keep, ...plan.remove])).toEqual(new Set(names));
        expect(planGenerations(plan.keep, TAG, newest).remove).toEqual([]);
      }),
    );
  });
});

describe('generations of two devices sharing one installation and one folder', () => {
  const A = 'aaaa0001';
  const B = 'bbbb0002';
  const onDevice = (device: string | undefined, daysAgo: number) => backupFileName(INSTALLATION, at(daysAgo), 0, device);

  it("each device prunes only its own backups (and the older untagged ones), never the other's", () => {
    const mine = Array.from({ length: 60 }, (_, i) => onDevice(A, i));
    const theirs = Array.from({ length: 60 }, (_, i) => onDevice(B, i));
    const legacy = Array.from({ length: 60 }, (_, i) => onDevice(undefined, i + 60));
    const names = [...mine, ...theirs, ...legacy];
    const planA = planGenerations(names, TAG, onDevice(A, 0), undefined, A);
    const planB = planGenerations(names, TAG, onDevice(B, 0), undefined, B);
    for (const name of theirs) expect(planA.remove).not.toContain(name);
    for (const name of mine) expect(planB.remove).not.toContain(name);
    // Each keeps a full set of its own generations: the other's backups do not fill its buckets.
    for (const i of [0, 1, 2, 3, 4, 5, 6]) {
      expect(planA.keep).toContain(onDevice(A, i));
      expect(planB.keep).toContain(onDevice(B, i));
    }
    expect(planA.remove.some((name) => legacy.includes(name))).toBe(true);
    expect(planA.keep.length + planA.remove.length).toBe(120);
  });

  it('without a device (the older name), only untagged backups are planned', () => {
    const names = [onDevice(undefined, 0), ...Array.from({ length: 30 }, (_, i) => onDevice(A, i))];
    const plan = planGenerations(names, TAG, onDevice(undefined, 0));
    expect(plan.keep).toEqual([onDevice(undefined, 0)]);
    expect(plan.remove).toEqual([]);
  });
});

describe('when a backup is due', () => {
  const now = new Date('2026-12-31T08:00:00Z');
  it('after the first change of a day, not again that day', () => {
    expect(dueAfterChange({ at: null }, true, now)).toBe(true);
    expect(dueAfterChange({ at: '2026-12-30T20:00:00Z' }, true, now)).toBe(true);
    expect(dueAfterChange({ at: '2026-12-30T22:30:00Z' }, true, now)).toBe(false); // 00.30 Finnish time: today already
    expect(dueAfterChange({ at: '2026-12-30T20:00:00Z' }, false, now)).toBe(false);
  });

  it('Home warns after the configured days, and when there is no backup', () => {
    expect(isStale({ at: null }, 2, now)).toBe(true);
    expect(isStale({ at: '2026-12-29T09:00:00Z' }, 2, now)).toBe(false);
    expect(isStale({ at: '2026-12-29T07:00:00Z' }, 2, now)).toBe(true);
    expect(isStale({ at: '2026-12-29T07:00:00Z' }, 3, now)).toBe(false);
  });
});
