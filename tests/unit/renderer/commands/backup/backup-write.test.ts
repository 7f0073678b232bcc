import { afterEach, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../../../renderer/src/commands/backup/write';
import { readBackupState, saveBackupSettings } from '../../../../../renderer/src/commands/backup/state';
import { changedSinceLastBackup } from '../../../../../renderer/src/commands/backup/changes';
import { createConsultation } from '../../../../../renderer/src/commands/consultations';
import { lockSession } from '../../../../../renderer/src/commands/session';
import { LockedError } from '../../../../../renderer/src/db/keyring';
import { BackupError, backupFileName, bytesSource, openBackup } from '../../../../../shared/backup';
import { validatedBridge } from '../../../../../renderer/src/bridge/validated';
import { closeInstallations, FOLDER, keyedInstallation, memoryFolderBridge, PASSPHRASE } from './support';
import { intakeOf } from './history';

/**
 * Writing a backup: verified by reading it back, recorded and audited; a disk that fills up, a
 * file that reads back different and a locked session are refused in words with nothing left
 * behind under a backup's name; older generations of this installation's own backups are removed.
 */

afterEach(closeInstallations);

const OPTIONS = { appVersion: '0.1.0' };
const failures = async (db: Awaited<ReturnType<typeof keyedInstallation>>['db']) => (await db.audit.toArray()).filter((e) => e.action === 'backup.failed').map((e) => e.details);

describe('writing a backup', () => {
  it('the web build downloads it: the bytes handed to the browser open with the passphrase', async () => {
    const a = await keyedInstallation();
    await createConsultation(a.ctx, intakeOf('1'));
    const { bridge, saved } = memoryFolderBridge();
    const outcome = await writeBackup(a.ctx, bridge, { kind: 'download' }, OPTIONS);
    expect(outcome.status).toBe('written');
    expect(saved).toHaveLength(1);
    const opened = await openBackup(bytesSource(saved[0]!), PASSPHRASE, { supportedDatabaseVersion: a.db.verno });
    expect((await opened.scan()).counts.consultations).toBe(1);
    expect((await readBackupState(a.db)).last).toMatchObject({ where: 'download', counts: { consultations: 1 } });
  });

  it('a stalled folder holds no save back: the snapshot is spooled, and the database is free while the backup goes to the folder', async () => {
    const a = await keyedInstallation();
    const { bridge, files } = memoryFolderBridge();
    let release!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    let reachedFolder!: () => void;
    const reached = new Promise<void>((resolve) => (reachedFolder = resolve));
    const slow = validatedBridge(async (method, args) => {
      if (method === 'writeBackupPart' && (args as { action: string }).action === 'write') {
        reachedFolder();
        await stalled;
      }
      return (bridge[method] as (x: unknown) => Promise<unknown>)(args);
    });
    // Parts of 1 KiB: the folder is written to as soon as the first kilobyte of the backup is sealed.
    const backup = writeBackup(a.ctx, slow, { kind: 'folder', folder: FOLDER }, { ...OPTIONS, folderPartBytes: 1024 });
    await reached;
    try {
      // The folder does not answer; a coordinator's save goes through meanwhile.
      const waited = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the save waited for the backup folder')), 5_000));
      const saved = await Promise.race([createConsultation(a.ctx, intakeOf('kesken')), waited]);
      expect(saved.caseCode).toBeTruthy();
    } finally {
      release();
    }
    expect((await backup).status).toBe('written');
    expect(files.size).toBe(1);
  });

  it('a full disk: refused as storage-full, no file left, the failure recorded and audited, the last backup kept', async () => {
    const a = await keyedInstallation();
    const good = memoryFolderBridge();
    await writeBackup(a.ctx, good.bridge, { kind: 'folder', folder: FOLDER }, OPTIONS);
    const last = (await readBackupState(a.db)).last;
    const full = memoryFolderBridge({ failWriteAfter: 0 });
    const error = await writeBackup(a.ctx, full.bridge, { kind: 'folder', folder: FOLDER }, OPTIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('storage-full');
    expect(full.files.size).toBe(0);
    const state = await readBackupState(a.db);
    expect(state.last).toEqual(last);
    expect(state.failure).toMatchObject({ code: 'storage-full', stage: 'write' });
    expect(await failures(a.db)).toEqual([{ stage: 'write', code: 'storage-full', where: 'folder' }]);
  });

  it('a file that reads back different is reported, removed and never recorded as the last backup', async () => {
    const a = await keyedInstallation();
    const { bridge, files } = memoryFolderBridge();
    const flipping = validatedBridge(async (method, args) => {
      const result = await (bridge[method] as (x: unknown) => Promise<unknown>)(args);
      if (method === 'readBackupPart' && (result as { status: string }).status === 'read') {
        // Reading the chunks (not the header): one bit of the last chunk comes back flipped.
        const bytes = (result as { bytes: Uint8Array }).bytes;
        if ((args as { length: number }).length === (result as { size: number }).size) bytes[bytes.length - 30]! ^= 0x01;
      }
      return result;
    });
    const error = await writeBackup(a.ctx, flipping, { kind: 'folder', folder: FOLDER }, OPTIONS).catch((e: unknown) => e);
    expect((error as BackupError).code).toBe('verify-mismatch');
    expect(files.size).toBe(0);
    expect((await readBackupState(a.db)).last).toBeNull();
    expect(await failures(a.db)).toEqual([{ stage: 'verify', code: 'tampered', where: 'folder' }]);
  });

  it('needs an unlocked session', async () => {
    const a = await keyedInstallation();
    await lockSession({ db: a.db, keyring: a.keyring, now: a.ctx.now }, a.profile, 'button');
    await expect(writeBackup(a.ctx, memoryFolderBridge().bridge, { kind: 'folder', folder: FOLDER }, OPTIONS)).rejects.toBeInstanceOf(LockedError);
  });

  it('removes older generations of its own backups, never another installation\'s or a file that is not its backup', async () => {
    const a = await keyedInstallation();
    const { bridge, files } = memoryFolderBridge();
    const first = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, OPTIONS);
    if (first.status !== 'written') throw new Error('not written');
    const real = files.get(first.record.file)!;
    files.clear();
    const id = (await a.db.meta.get('installation'))!.value as { id: string };
    const DAY = 86_400_000;
    const old = Array.from({ length: 60 }, (_, i) => backupFileName(id.id, new Date(a.ctx.now().getTime() - (i + 1) * 7 * DAY)));
    for (const name of old) files.set(name, real);
    const other = backupFileName('0190a1b2-c3d4-7e5f-8a6b-0000000000ff', new Date(a.ctx.now().getTime() - 400 * DAY));
    files.set(other, real);
    // Our name, but a header of another installation: not ours to delete.
    const impostor = backupFileName(id.id, new Date(a.ctx.now().getTime() - 1000 * DAY));
    const foreign = await keyedInstallation('B');
    const foreignBackup = memoryFolderBridge();
    const written = await writeBackup(foreign.ctx, foreignBackup.bridge, { kind: 'folder', folder: FOLDER }, OPTIONS);
    files.set(impostor, foreignBackup.files.get((written as { record: { file: string } }).record.file)!);

    a.advance(1000);
    const outcome = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, OPTIONS);
    if (outcome.status !== 'written') throw new Error('not written');
    expect(outcome.generationsFailed).toBe(false);
    const kept = [...files.keys()];
    expect(kept).toContain(outcome.record.file);
    expect(kept).toContain(other);
    expect(kept).toContain(impostor);
    expect(outcome.removed.length).toBeGreaterThan(30);
    for (const name of outcome.removed) expect(old).toContain(name);
    expect(kept.filter((name) => old.includes(name)).length).toBeLessThanOrEqual(4 + 12);
  });
});

describe('two laptops, one restored installation, one network folder', () => {
  it("each device's generations remove only its own backups (and untagged older ones), never the other device's", async () => {
    const a = await keyedInstallation();
    const { bridge, files } = memoryFolderBridge();
    const first = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, OPTIONS);
    if (first.status !== 'written') throw new Error('not written');
    const real = files.get(first.record.file)!;
    files.clear();
    const { id } = (await a.db.meta.get('installation'))!.value as { id: string };
    const DAY = 86_400_000;
    const past = (i: number, device?: string) => backupFileName(id, new Date(a.ctx.now().getTime() - (i + 1) * 3 * DAY), 0, device);
    const laptop2 = Array.from({ length: 40 }, (_, i) => past(i, 'bbbb0002'));
    const untagged = Array.from({ length: 40 }, (_, i) => past(i + 40));
    for (const name of [...laptop2, ...untagged]) files.set(name, real);

    a.advance(1000);
    const outcome = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, { ...OPTIONS, device: 'aaaa0001' });
    if (outcome.status !== 'written') throw new Error('not written');
    expect(outcome.record.file).toMatch(/-daaaa0001-/);
    for (const name of laptop2) expect(files.has(name), name).toBe(true);
    expect(outcome.removed.length).toBeGreaterThan(10);
    for (const name of outcome.removed) expect(untagged).toContain(name);
  });
});

describe('backup settings and changes', () => {
  it('only a coordinator sets the folder and the warning days; audited by field name', async () => {
    const a = await keyedInstallation();
    await saveBackupSettings(a.ctx, { folder: FOLDER, warnDays: 3 });
    expect(await readBackupState(a.db)).toMatchObject({ folder: FOLDER, warnDays: 3 });
    const event = (await a.db.audit.toArray()).find((e) => e.entityId === 'backup');
    expect(event).toMatchObject({ action: 'settings.update', fields: ['backup.folder', 'backup.warnDays'] });
    await expect(saveBackupSettings(a.ctx, { warnDays: 0 })).rejects.toThrow(/invalid input/);
    await expect(saveBackupSettings({ ...a.ctx, profile: { id: 'e', name: 'e', role: 'expert', networkId: 'n', language: 'fi' } }, { warnDays: 5 })).rejects.toThrow();
  });

  it('a change is anything but sessions and backups, after the last backup\'s snapshot', async () => {
    const a = await keyedInstallation();
    expect(await changedSinceLastBackup(a.db, await readBackupState(a.db))).toBe(true); // set-up itself
    await writeBackup(a.ctx, memoryFolderBridge().bridge, { kind: 'folder', folder: FOLDER }, OPTIONS);
    expect(await changedSinceLastBackup(a.db, await readBackupState(a.db))).toBe(false);
    a.advance(60_000);
    await lockSession({ db: a.db, keyring: a.keyring, now: a.ctx.now }, a.profile, 'button');
    expect(await changedSinceLastBackup(a.db, await readBackupState(a.db))).toBe(false);
  });
});
