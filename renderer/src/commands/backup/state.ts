import { z } from 'zod';
import type { OtkDatabase } from '../../db/schema';
import type { CommandContext } from '../../access/context';
import { ValidationError } from '../../access/errors';
import { requireGlobal } from '../../access/guards';
import { addAudit, auditEvent } from '../audit';
import { takeStamps } from '../stamps';
import { DEFAULT_WARN_DAYS, MAX_WARN_DAYS } from '../../../../shared/backup';

/**
 * The installation's backup settings and the record of its last backup, in one meta row (so a
 * restored installation knows its backup folder and when it was last backed up).
 */
export const BACKUP_META_KEY = 'backup';

export const warnDaysSchema = z.number({ error: 'validation.required' }).int('validation.outOfRange').min(1, 'validation.outOfRange').max(MAX_WARN_DAYS, 'validation.outOfRange');

export type BackupWhere = 'folder' | 'download' | 'file';

/** The last backup written and verified (codes, counts and names — no content). */
export interface BackupRecord {
  /** When its snapshot was taken (ISO). */
  at: string;
  backupId: string;
  file: string;
  where: BackupWhere;
  /** The folder (where = folder). */
  folder?: string;
  /** Rows per table. */
  counts: Record<string, number>;
  bytes: number;
  /** shared/backup/digest of its content. */
  digest: string;
}

export interface BackupFailureRecord {
  at: string;
  /** A BackupError code, or 'unknown'. */
  code: string;
  stage: 'write' | 'verify' | 'generations';
}

export interface BackupState {
  /** Electron: the folder chosen in Settings; null when none (the browser: always null). */
  folder: string | null;
  /** Home warns when the last verified backup is older than this. */
  warnDays: number;
  last: BackupRecord | null;
  failure: BackupFailureRecord | null;
  /** The last restore into this installation, if any. */
  restored: { at: string; backupId: string; created: string } | null;
}

export const EMPTY_BACKUP_STATE: BackupState = { folder: null, warnDays: DEFAULT_WARN_DAYS, last: null, failure: null, restored: null };

export function backupStateOf(value: unknown): BackupState {
  const stored = (typeof value === 'object' && value !== null ? value : {}) as Partial<BackupState>;
  const warnDays = warnDaysSchema.safeParse(stored.warnDays);
  return {
    folder: typeof stored.folder === 'string' && stored.folder !== '' ? stored.folder : null,
    warnDays: warnDays.success ? warnDays.data : DEFAULT_WARN_DAYS,
    last: stored.last ?? null,
    failure: stored.failure ?? null,
    restored: stored.restored ?? null,
  };
}

export async function readBackupState(db: OtkDatabase): Promise<BackupState> {
  return backupStateOf((await db.meta.get(BACKUP_META_KEY))?.value);
}

/** Inside a transaction that includes meta: changes part of the state. */
export async function updateBackupState(db: OtkDatabase, change: (state: BackupState) => BackupState): Promise<BackupState> {
  const next = change(await readBackupState(db));
  await db.meta.put({ key: BACKUP_META_KEY, value: next });
  return next;
}

/** The coordinator sets the backup folder and when Home warns; audited as a settings change (field names only). */
export async function saveBackupSettings(ctx: CommandContext, input: { folder?: string | null; warnDays?: number }): Promise<BackupState> {
  requireGlobal(ctx, 'settings.update');
  if (input.warnDays !== undefined) {
    const parsed = warnDaysSchema.safeParse(input.warnDays);
    if (!parsed.success) throw new ValidationError([{ path: 'warnDays', message: parsed.error.issues[0]!.message }]);
  }
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.meta, db.audit], async () => {
    const before = await readBackupState(db);
    const fields = (['folder', 'warnDays'] as const).filter((key) => input[key] !== undefined && input[key] !== before[key]);
    if (fields.length === 0) return before;
    const next = await updateBackupState(db, (state) => ({ ...state, ...(input.folder !== undefined ? { folder: input.folder } : {}), ...(input.warnDays !== undefined ? { warnDays: input.warnDays } : {}) }));
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    await addAudit(db, auditEvent(ctx, now, stamp!, { action: 'settings.update', entity: 'settings', entityId: BACKUP_META_KEY, fields: fields.map((field) => `backup.${field}`) }));
    return next;
  });
}
