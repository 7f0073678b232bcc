import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { IDBObjectStore } from 'fake-indexeddb';
import { writeBackup } from '../../../../../renderer/src/commands/backup/write';
import { applyRestore, previewRestore } from '../../../../../renderer/src/commands/backup/restore';
import { createConsultation } from '../../../../../renderer/src/commands/consultations';
import { BackupError, bytesSource, type BackupErrorCode } from '../../../../../shared/backup';
import { closeInstallations, FOLDER, freshDatabase, keyedInstallation, memoryFolderBridge, PASSPHRASE, rawDump } from './support';
import { intakeOf } from './history';

/**
 * A restore refuses before anything is written: a flipped or cut file, another key, an
 * installation that already holds data; and when the disk fills up during the restore itself,
 * its one transaction leaves the new installation exactly as it was.
 */

let backup: Uint8Array;
let recoveryKey: string;

beforeAll(async () => {
  const a = await keyedInstallation();
  for (let i = 0; i < 12; i++) await createConsultation(a.ctx, intakeOf(`${i}`));
  const { bridge, files } = memoryFolderBridge();
  const outcome = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, { appVersion: '0.1.0' });
  if (outcome.status !== 'written') throw new Error('not written');
  backup = files.get(outcome.record.file)!;
  recoveryKey = a.recoveryKey;
  closeInstallations();
});
afterEach(() => {
  vi.restoreAllMocks();
  closeInstallations();
});

async function refusedWithNothingWritten(file: Uint8Array, secret = recoveryKey): Promise<BackupErrorCode> {
  const target = freshDatabase();
  await target.db.open();
  const before = await rawDump(target);
  let code: BackupErrorCode | null = null;
  try {
    const prepared = await previewRestore(target.db, bytesSource(file), secret);
    await applyRestore(target.db, prepared, new Date('2026-12-01T10:00:00Z'));
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    code = error.code;
  }
  expect(await rawDump(target)).toEqual(before);
  target.db.close();
  if (code === null) throw new Error('a damaged backup was restored');
  return code;
}

describe('restore refusals write nothing', () => {
  it('the undamaged backup restores (the check below can fail)', async () => {
    const target = freshDatabase();
    await applyRestore(target.db, await previewRestore(target.db, bytesSource(backup), recoveryKey), new Date('2026-12-01T10:00:00Z'));
    expect(await target.db.consultations.count()).toBe(12);
  });

  it('fuzz: any flipped byte or cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (at, mask, cut) => {
        const position = at % backup.length;
        const damaged = cut ? backup.slice(0, position) : backup.slice();
        if (!cut) damaged[position]! ^= mask;
        expect(['tampered', 'truncated', 'invalid-header', 'wrong-key', 'not-a-backup', 'exchange-file', 'newer-format', 'older-database', 'weak-kdf']).toContain(await refusedWithNothingWritten(damaged));
      }),
      { numRuns: 40 },
    );
  });

  it('another installation\'s recovery key, or a wrong passphrase', async () => {
    const other = await keyedInstallation('B');
    expect(await refusedWithNothingWritten(backup, other.recoveryKey)).toBe('wrong-key');
    expect(await refusedWithNothingWritten(backup, `${PASSPHRASE}!`)).toBe('wrong-key');
  });

  it('an installation that holds data already', async () => {
    const b = await keyedInstallation('B');
    const before = await rawDump(b);
    const error = await previewRestore(b.db, bytesSource(backup), recoveryKey).catch((e: unknown) => e);
    expect((error as BackupError).code).toBe('not-empty');
    expect(await rawDump(b)).toEqual(before);
  });

  it('the disk fills up at the last row: nothing was restored, and it says so', async () => {
    const target = freshDatabase();
    const prepared = await previewRestore(target.db, bytesSource(backup), recoveryKey);
    const before = await rawDump(target);
    const total = Object.values(prepared.preview.counts).reduce((a, b) => a + b, 0);
    let puts = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++puts === total) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await applyRestore(target.db, prepared, new Date('2026-12-01T10:00:00Z')).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(puts).toBe(total);
    expect((error as BackupError).code).toBe('storage-full');
    expect(await rawDump(target)).toEqual(before);
  });
});
