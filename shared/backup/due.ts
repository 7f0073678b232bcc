import { helsinkiDate } from '../calendar/target-date';

/**
 * When a backup is due, and when the last one is too old. Pure: the renderer passes what it read
 * (the last verified backup, whether anything changed since) and the clock's "now".
 */

/** Warn on Home when the last verified backup is older than this many days (the installation can change it). */
export const DEFAULT_WARN_DAYS = 2;
export const MAX_WARN_DAYS = 90;

/** Audit actions that are no change worth a backup: sessions and the backups themselves. */
export const UNCHANGING_ACTIONS: ReadonlySet<string> = new Set(['session.unlock', 'session.unlock-failed', 'session.lock', 'backup.write', 'backup.failed']);

export interface BackupMoment {
  /** ISO instant of the last verified backup; null when there is none. */
  at: string | null;
}

/**
 * Automatic backups: after the first change of a (Finnish) day — due when something changed since
 * the last verified backup and that backup is from an earlier day (or there is none); and when
 * the session ends (lock, quit) whenever anything changed.
 */
export function dueAfterChange(last: BackupMoment, changed: boolean, now: Date): boolean {
  if (!changed) return false;
  return last.at === null || helsinkiDate(new Date(last.at)) < helsinkiDate(now);
}

export function dueOnLeaving(changed: boolean): boolean {
  return changed;
}

/** Whole days since the last verified backup (null: never backed up). */
export function daysSince(last: BackupMoment, now: Date): number | null {
  if (last.at === null) return null;
  return Math.max(0, Math.floor((now.getTime() - new Date(last.at).getTime()) / 86_400_000));
}

/** Home warns when there is no verified backup, or it is older than `warnDays` days. */
export function isStale(last: BackupMoment, warnDays: number, now: Date): boolean {
  if (last.at === null) return true;
  return now.getTime() - new Date(last.at).getTime() > warnDays * 86_400_000;
}
