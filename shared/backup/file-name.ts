import { TZDate } from '@date-fns/tz';
import { FINNISH_TIME_ZONE } from '../calendar/helsinki-time';

/**
 * The app's own backup files: `otk-backup-<installation>-<YYYYMMDD>-<HHMMSS>.otk`, where
 * <installation> is the last 12 hex digits of the installation id (its random part: two
 * installations sharing one network folder never claim each other's files) and the time is
 * Finnish wall-clock time of writing. Only files named so — for this installation — are ever
 * listed as backups or deleted by the app (the shell checks the pattern again, ./generations).
 */
export const BACKUP_FILE_NAME = /^otk-backup-([0-9a-f]{12})-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?\.otk$/;

export function installationTag(installationId: string): string {
  const hex = installationId.replace(/[^0-9a-f]/gi, '').toLowerCase();
  if (hex.length < 12) throw new TypeError('the installation id has too few hex digits');
  return hex.slice(-12);
}

/** The file name of a backup written at `at` (`serial` tells apart two written in one second). */
export function backupFileName(installationId: string, at: Date, serial = 0): string {
  const local = new TZDate(at.getTime(), FINNISH_TIME_ZONE);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const stamp = `${pad(local.getFullYear(), 4)}${pad(local.getMonth() + 1)}${pad(local.getDate())}-${pad(local.getHours())}${pad(local.getMinutes())}${pad(local.getSeconds())}`;
  return `otk-backup-${installationTag(installationId)}-${stamp}${serial > 0 ? `-${serial}` : ''}.otk`;
}

export interface ParsedBackupName {
  tag: string;
  /** Finnish date of writing, YYYY-MM-DD. */
  date: string;
  /** Sortable: YYYYMMDDHHMMSS and the serial, zero-padded. */
  order: string;
}

export function parseBackupFileName(name: string): ParsedBackupName | null {
  const match = BACKUP_FILE_NAME.exec(name);
  if (!match) return null;
  const [, tag, y, mo, d, h, mi, s, serial] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return { tag: tag!, date: `${y}-${mo}-${d}`, order: `${y}${mo}${d}${h}${mi}${s}${(serial ?? '0').padStart(3, '0')}` };
}
