import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../../../renderer/src/commands/backup/write';
import { applyRestore, previewRestore } from '../../../../../renderer/src/commands/backup/restore';
import { openedFileSource, type OpenedFile } from '../../../../../renderer/src/commands/backup/files';
import { createConsultation } from '../../../../../renderer/src/commands/consultations';
import { validatedBridge } from '../../../../../renderer/src/bridge/validated';
import { BackupError } from '../../../../../shared/backup';
import type { Bridge } from '../../../../../shared/bridge/contract';
import type { BridgeMethod } from '../../../../../shared/bridge/methods';
import { closeInstallations, FOLDER, freshDatabase, keyedInstallation, memoryFolderBridge, rawDump } from './support';
import { intakeOf } from './history';

/**
 * A backup picked for a restore is read in parts through the bridge (openBackupFile's handle),
 * never whole: it restores read in small parts; a file cut short, one that shrank after it was
 * picked, and a part that cannot be read are refused — whether in the check before writing or
 * during the writing transaction — and the new installation is left exactly as it was.
 */

const HANDLE = '0b1c2d3e-4f50-4617-8899-aabbccddeeff';
const NOW = new Date('2026-12-01T10:00:00Z');
let backup: Uint8Array;
let recoveryKey: string;

beforeAll(async () => {
  const a = await keyedInstallation();
  for (let i = 0; i < 8; i++) await createConsultation(a.ctx, intakeOf(`${i}`));
  const { bridge, files } = memoryFolderBridge();
  const outcome = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, { appVersion: '0.1.0' });
  if (outcome.status !== 'written') throw new Error('not written');
  backup = files.get(outcome.record.file)!;
  recoveryKey = a.recoveryKey;
  closeInstallations();
});
afterEach(closeInstallations);

/** A shell that holds `bytes` open under HANDLE; read number `failAt` (1-based) fails. Every call passes the contract. */
function shellWith(bytes: Uint8Array, options: { failAt?: number } = {}): { bridge: Bridge; reads: Array<{ offset: number; length: number }> } {
  const reads: Array<{ offset: number; length: number }> = [];
  const bridge = validatedBridge(async (method: BridgeMethod, args: unknown) => {
    if (method !== 'readBackupFile') throw new Error(`unexpected ${method}`);
    const { handle, offset, length } = args as { handle: string; offset: number; length: number };
    reads.push({ offset, length });
    if (handle !== HANDLE) return { status: 'failed', code: 'not-found' };
    if (reads.length === options.failAt) return { status: 'failed', code: 'read-failed' };
    return { status: 'read', bytes: bytes.slice(offset, offset + length) };
  });
  return { bridge, reads };
}

const picked = (size: number): OpenedFile => ({ handle: HANDLE, name: 'otk-backup.otk', size });

async function restoreThrough(bridge: Bridge, file: OpenedFile, partBytes: number) {
  const target = freshDatabase();
  await target.db.open();
  const before = await rawDump(target);
  const outcome = await previewRestore(target.db, openedFileSource(bridge, file, partBytes), recoveryKey)
    .then((prepared) => applyRestore(target.db, prepared, NOW))
    .then(
      () => null,
      (error: unknown) => error,
    );
  return { target, before, outcome };
}

describe('a restore reads the chosen file in parts', () => {
  it('restores read in parts of 4 KiB, none larger', async () => {
    const { bridge, reads } = shellWith(backup);
    const { target, outcome } = await restoreThrough(bridge, picked(backup.length), 4096);
    expect(outcome).toBeNull();
    expect(await target.db.consultations.count()).toBe(8);
    expect(reads.length).toBeGreaterThan(2 * Math.floor(backup.length / 4096));
    expect(Math.max(...reads.map((r) => r.length))).toBeLessThanOrEqual(4096);
  });

  it('a file cut short is refused as truncated, nothing written', async () => {
    const cut = backup.slice(0, backup.length - 100);
    const { target, before, outcome } = await restoreThrough(shellWith(cut).bridge, picked(cut.length), 4096);
    expect(outcome).toBeInstanceOf(BackupError);
    expect((outcome as BackupError).code).toBe('truncated');
    expect(await rawDump(target)).toEqual(before);
  });

  it('a file that shrank after it was picked is refused as truncated, nothing written', async () => {
    const { target, before, outcome } = await restoreThrough(shellWith(backup.slice(0, backup.length - 5000)).bridge, picked(backup.length), 4096);
    expect((outcome as BackupError).code).toBe('truncated');
    expect(await rawDump(target)).toEqual(before);
  });

  it('a part that cannot be read — in the check, or while writing — is refused as unreadable, nothing written', async () => {
    const counting = shellWith(backup);
    await restoreThrough(counting.bridge, picked(backup.length), 4096);
    const total = counting.reads.length;
    for (const failAt of [1, 3, Math.floor(total / 2) + 2, total - 1]) {
      const { target, before, outcome } = await restoreThrough(shellWith(backup, { failAt }).bridge, picked(backup.length), 4096);
      expect(outcome, `read ${failAt} of ${total}`).toBeInstanceOf(BackupError);
      expect((outcome as BackupError).code).toBe('unreadable');
      expect(await rawDump(target)).toEqual(before);
    }
  });
});
