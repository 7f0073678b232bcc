import type { OtkDatabase } from '../../db/schema';
import { UNCHANGING_ACTIONS } from '../../../../shared/backup';
import type { BackupState } from './state';

/**
 * Has anything changed since the last verified backup? Every write of the app is an audit event,
 * so: is there an event after the backup's snapshot other than sessions opening and closing and
 * the backups themselves (shared/backup/due). Reads only the events since then, along `at`.
 */
export async function changedSinceLastBackup(db: OtkDatabase, state: Pick<BackupState, 'last'>): Promise<boolean> {
  const events = state.last === null ? db.audit.toCollection() : db.audit.where('at').above(state.last.at);
  return (await events.filter((event) => !UNCHANGING_ACTIONS.has(event.action)).first()) !== undefined;
}
