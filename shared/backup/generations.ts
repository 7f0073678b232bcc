import { parseBackupFileName, type ParsedBackupName } from './file-name';

/**
 * Which backups to keep: the newest of each of the last 7 days that have a backup, of the last 4
 * ISO weeks and of the last 12 months (as `restic forget --keep-daily 7 --keep-weekly 4
 * --keep-monthly 12`); the rest of THIS installation's backups WRITTEN ON THIS DEVICE are removed.
 * Files that are not this installation's backups by name are neither kept nor removed: they are
 * not the app's; nor are another device's (two laptops with one restored installation writing to
 * one network folder keep their own generations). Names from before devices were told apart (no
 * device part) count with this device's, so they age out as before.
 * Fail-safe: when the backup just written is not among the files listed, nothing is removed.
 */
export interface KeepPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_KEEP: KeepPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface GenerationPlan {
  keep: string[];
  remove: string[];
}

/** ISO 8601 week of a calendar date `YYYY-MM-DD`, as `YYYY-Www`. */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(y, m - 1, d - weekday + 3));
  const year = thursday.getUTCFullYear();
  // The ISO week is the week of its Thursday, counted from 1 January of that Thursday's year.
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function planGenerations(names: readonly string[], tag: string, justWritten: string, policy: KeepPolicy = DEFAULT_KEEP, device: string | null = null): GenerationPlan {
  const ours = names
    .map((name) => ({ name, parsed: parseBackupFileName(name) }))
    .filter((file): file is { name: string; parsed: ParsedBackupName } => file.parsed !== null && file.parsed.tag === tag && (file.parsed.device === null || file.parsed.device === device))
    .toSorted((a, b) => (a.parsed.order < b.parsed.order ? 1 : a.parsed.order > b.parsed.order ? -1 : 0));
  if (!ours.some((file) => file.name === justWritten)) return { keep: ours.map((file) => file.name), remove: [] };
  const keep = new Set<string>([ours[0]!.name, justWritten]);
  const bucket = (limit: number, key: (file: (typeof ours)[number]) => string) => {
    const seen = new Set<string>();
    for (const file of ours) {
      if (seen.size >= limit) break;
      const k = key(file);
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(file.name);
    }
  };
  bucket(policy.daily, (file) => file.parsed.date);
  bucket(policy.weekly, (file) => isoWeek(file.parsed.date));
  bucket(policy.monthly, (file) => file.parsed.date.slice(0, 7));
  return { keep: ours.filter((file) => keep.has(file.name)).map((file) => file.name), remove: ours.filter((file) => !keep.has(file.name)).map((file) => file.name) };
}
