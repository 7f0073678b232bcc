import { TZDate } from '@date-fns/tz';
import { FINNISH_TIME_ZONE } from '../calendar/helsinki-time';

/**
 * The app's own backup files: `otk-backup-<installation>-d<device>-<YYYYMMDD>-<HHMMSS>.otk`, where
 * <installation> is the last 12 hex digits of the installation id (its random part: two
 * installations sharing one network folder never claim each other's files), <device> 8 hex digits
 * of a random id this computer keeps for itself (never in a backup: a restored installation on a
 * second laptop is the same installation, but another device — the two never prune each other's
 * backups, ./generations) and the time is Finnish wall-clock time of writing. Names written before
 * devices were told apart have no `-d<device>` part and are still backups of the installation.
 * Only files named so — for this installation — are ever listed as backups or deleted by the app
 * (the shell checks the pattern and the installation again).
 */
export const BACKUP_FILE_NAME = /^otk-backup-([0-9a-f]{12})(?:-d([0-9a-f]{8}))?-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?\.otk$/;

/** A device tag: 8 lowercase hex digits. */
export const DEVICE_TAG = /^[0-9a-f]{8}$/;

export function installationTag(installationId: string): string {
  const hex = installationId.replace(/[^0-9a-f]/gi, '').toLowerCase();
  if (hex.length < 12) throw new TypeError('the installation id has too few hex digits');
  return hex.slice(-12);
}

/**
 * The file name of a backup written at `at` on device `device` (`serial` tells apart two written
 * in one second). Without a device, the older name (no device part).
 */
export function backupFileName(installationId: string, at: Date, serial = 0, device?: string): string {
  if (device !== undefined && !DEVICE_TAG.test(device)) throw new TypeError('a device tag is 8 lowercase hex digits');
  const local = new TZDate(at.getTime(), FINNISH_TIME_ZONE);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const stamp = `${pad(local.getFullYear(), 4)}${pad(local.getMonth() + 1)}${pad(local.getDate())}-${pad(local.getHours())}${pad(local.getMinutes())}${pad(local.getSeconds())}`;
  return `otk-backup-${installationTag(installationId)}${device ? `-d${device}` : ''}-${stamp}${serial > 0 ? `-${serial}` : ''}.otk`;
}

export interface ParsedBackupName {
  tag: string;
  /** The device that wrote it; null in names from before devices were told apart. */
  device: string | null;
  /** Finnish date of writing, YYYY-MM-DD. */
  date: string;
  /** Sortable: YYYYMMDDHHMMSS and the serial, zero-padded. */
  order: string;
}

export function parseBackupFileName(name: string): ParsedBackupName | null {
  const match = BACKUP_FILE_NAME.exec(name);
  if (!match) return null;
  const [, tag, device, y, mo, d, h, mi, s, serial] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return { tag: tag!, device: device ?? null, date: `${y}-${mo}-${d}`, order: `${y}${mo}${d}${h}${mi}${s}${(serial ?? '0').padStart(3, '0')}` };
}
