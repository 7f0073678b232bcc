import type { OtkDatabase } from '../../db/schema';

/**
 * The unreadable database is deleted and a new, empty one opened in its place — only when the
 * person chose to restore a backup into it (./DatabaseTroubleScreen asks first).
 */
export async function replaceUnreadableDatabase(db: OtkDatabase): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}
