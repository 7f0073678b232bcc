import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { isStorageFull } from '../../../../shared/protection/storage-full';
import { closeInstallations, keyedInstallation, rawDump } from '../commands/backup/support';
import { intakeOf } from '../commands/backup/history';

/**
 * A write that fails for lack of space changes nothing and is noticed: a test middleware throws
 * the real error (a `QuotaExceededError` DOMException, as IndexedDB raises it) at a chosen write
 * inside a command's transaction; the command fails as a whole, the database is exactly as before,
 * and the app's storage watch has seen it (features/backup/StorageFullNotice then says so in words).
 */

afterEach(closeInstallations);

/** Throws QuotaExceededError at the `nth` put/add from now on (counting every table). */
function fullDiskAt(nth: number): Middleware<DBCore> & { name: string; writes: () => number } {
  let writes = 0;
  return {
    stack: 'dbcore',
    name: 'test-full-disk',
    level: 0,
    writes: () => writes,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if ((req.type === 'put' || req.type === 'add') && ++writes === nth) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

describe('a full disk', () => {
  it.each([1, 2, 3, 5])('a command whose write %i fails for lack of space changes nothing and is noticed', async (nth) => {
    const a = await keyedInstallation();
    const created = await createConsultation(a.ctx, intakeOf('1'));
    const before = await rawDump(a);
    const failing = fullDiskAt(nth);
    // Dexie builds its middleware stack when it opens.
    a.db.close();
    a.db.use(failing);
    await a.db.open();
    const error = await transitionConsultation(a.ctx, created.id, 'accept').catch((e: unknown) => e);
    expect(failing.writes()).toBeGreaterThanOrEqual(nth);
    expect(isStorageFull(error)).toBe(true);
    expect(await rawDump(a)).toEqual(before);
    expect(a.db.storage?.lastFull).toBe(a.ctx.now().getTime());
    a.db.close();
    a.db.unuse(failing);
    await a.db.open();
    a.db.storage?.dismiss();
    await transitionConsultation(a.ctx, created.id, 'accept');
    expect((await a.db.consultations.get(created.id))?.status).toBe('accepted');
    expect(a.db.storage?.lastFull).toBeNull();
  });
});
