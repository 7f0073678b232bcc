// @vitest-environment node
import * as fsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseBackupFolder, deleteBackupFile, listBackupFiles, readBackupPart, writeBackupPart, type BackupFileDeps, type BackupFs } from '../../../electron/main/backup-files';
import { registerBridgeHandlers, type SenderContents } from '../../../electron/main/ipc';
import { OpenedFiles } from '../../../electron/main/opened-files';
import { createFakeElectron, FakeWebContents } from './fake-electron';

/**
 * Backups in a folder, in main: only folders chosen through the dialog, only the app's backup
 * names, written in parts into a private temporary file and renamed into place, read back in
 * parts, listed and deleted only when they begin as an .otk backup. Real files in a temp folder;
 * the dialog is the fake electron module's.
 */

const NAME = 'otk-backup-7c8d9e0f1a2b-20261123-120000.otk';
/** The start of an .otk backup: magic, format 2, the header's length, a header naming the installation. */
function backupStart(installationId = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b'): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ sender: { installationId, name: 'Synteettinen' } }));
  const prefix = new Uint8Array([0x4f, 0x54, 0x4b, 0x42, 0, 2, 0, 0, 0, 0]);
  new DataView(prefix.buffer).setUint32(6, header.length);
  return new Uint8Array([...prefix, ...header]);
}
const posix = process.platform !== 'win32';

let root = '';
let folder = '';
let userData = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'otk-backups-'));
  folder = join(root, 'verkkolevy', 'varmuuskopiot');
  userData = join(root, 'userData');
  await mkdir(folder, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function deps(fs: Partial<BackupFs> = {}): { deps: BackupFileDeps<string>; dialog: ReturnType<typeof createFakeElectron>['dialog'] } {
  const { dialog } = createFakeElectron();
  return { dialog, deps: { dialog, fs: { ...fsPromises, ...fs } as BackupFs, userDataDir: () => userData } };
}

async function chosen(d: ReturnType<typeof deps>): Promise<string> {
  d.dialog.nextOpen = { canceled: false, filePaths: [folder] };
  const result = await chooseBackupFolder(d.deps, 'window');
  if (result.status !== 'chosen') throw new Error(`not chosen: ${JSON.stringify(result)}`);
  return result.folder;
}

async function writeWhole(d: ReturnType<typeof deps>, dir: string, name: string, bytes: Uint8Array, part = 5): Promise<void> {
  for (let offset = 0; offset < bytes.length; offset += part) {
    expect(await writeBackupPart(d.deps, { action: 'write', folder: dir, name, offset, bytes: bytes.slice(offset, offset + part) })).toEqual({ status: 'done' });
  }
  expect(await writeBackupPart(d.deps, { action: 'commit', folder: dir, name, size: bytes.length })).toEqual({ status: 'done' });
}

const fileBytes = (installationId?: string) => new Uint8Array([...backupStart(installationId), ...new TextEncoder().encode('synteettinen varmuuskopio')]);

describe('choosing the backup folder', () => {
  it('asks with the folder dialog, modal to the window, and remembers the folder in the user-data folder', async () => {
    const d = deps();
    const dir = await chosen(d);
    expect(d.dialog.openCalls).toEqual([{ window: 'window', options: { properties: ['openDirectory', 'createDirectory', 'promptToCreate'] } }]);
    expect(dir).toBe(await fsPromises.realpath(folder));
    expect(JSON.parse(await readFile(join(userData, 'backup-folders.json'), 'utf8'))).toEqual([dir]);
  });

  it('a cancelled dialog remembers nothing', async () => {
    const d = deps();
    d.dialog.nextOpen = { canceled: true, filePaths: [] };
    expect(await chooseBackupFolder(d.deps, 'window')).toEqual({ status: 'cancelled' });
    await expect(stat(join(userData, 'backup-folders.json'))).rejects.toThrow();
  });
});

describe('writing, reading, listing and deleting backups', () => {
  it('writes in parts into a private temporary file and renames it into place only at commit', async () => {
    const d = deps();
    const dir = await chosen(d);
    const bytes = fileBytes();
    await writeBackupPart(d.deps, { action: 'write', folder: dir, name: NAME, offset: 0, bytes: bytes.slice(0, 10) });
    expect(await readdir(dir)).toEqual([`.${NAME}.part`]);
    if (posix) expect((await stat(join(dir, `.${NAME}.part`))).mode & 0o777).toBe(0o600);
    await writeBackupPart(d.deps, { action: 'write', folder: dir, name: NAME, offset: 10, bytes: bytes.slice(10) });
    expect(await writeBackupPart(d.deps, { action: 'commit', folder: dir, name: NAME, size: bytes.length + 1 })).toEqual({ status: 'failed', code: 'write-failed' });
    expect(await writeBackupPart(d.deps, { action: 'commit', folder: dir, name: NAME, size: bytes.length })).toEqual({ status: 'done' });
    expect(await readdir(dir)).toEqual([NAME]);
    expect(new Uint8Array(await readFile(join(dir, NAME)))).toEqual(bytes);
  });

  it('reads back in parts, reports the size, and lists only backup names', async () => {
    const d = deps();
    const dir = await chosen(d);
    await writeWhole(d, dir, NAME, fileBytes());
    await writeFile(join(dir, 'muistio.txt'), 'ei varmuuskopio');
    await writeFile(join(dir, 'otk-full-2026-11-23-abcdef.otk'), 'vaihtotiedosto');
    await mkdir(join(dir, 'otk-backup-7c8d9e0f1a2b-20261124-120000.otk'));
    const read = await readBackupPart(d.deps, { folder: dir, name: NAME, offset: 4, length: 6 });
    expect(read).toEqual({ status: 'read', bytes: backupStart().slice(4, 10), size: fileBytes().length });
    const tail = await readBackupPart(d.deps, { folder: dir, name: NAME, offset: fileBytes().length - 3, length: 100 });
    expect(tail.status === 'read' && tail.bytes.length).toBe(3);
    expect(await listBackupFiles(d.deps, { folder: dir })).toEqual({ status: 'listed', files: [{ name: NAME, size: fileBytes().length }] });
  });

  it('aborting removes the temporary file', async () => {
    const d = deps();
    const dir = await chosen(d);
    await writeBackupPart(d.deps, { action: 'write', folder: dir, name: NAME, offset: 0, bytes: fileBytes() });
    expect(await writeBackupPart(d.deps, { action: 'abort', folder: dir, name: NAME })).toEqual({ status: 'done' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('deletes a backup, and refuses a file with a backup name that does not begin as one', async () => {
    const d = deps();
    const dir = await chosen(d);
    await writeWhole(d, dir, NAME, fileBytes());
    const impostor = 'otk-backup-7c8d9e0f1a2b-20261101-120000.otk';
    await writeFile(join(dir, impostor), 'joku muu tiedosto');
    expect(await deleteBackupFile(d.deps, { folder: dir, name: impostor })).toEqual({ status: 'failed', code: 'not-a-backup' });
    expect(await deleteBackupFile(d.deps, { folder: dir, name: NAME })).toEqual({ status: 'deleted' });
    expect(await readdir(dir)).toEqual([impostor]);
  });

  it("deletes only backups of an installation it has written backups for, whose header names the same installation", async () => {
    const d = deps();
    const dir = await chosen(d);
    await writeWhole(d, dir, NAME, fileBytes());
    // Another installation's backup in the shared folder (written there by another computer).
    const foreign = 'otk-backup-00000000abcd-d0badcafe-20261101-120000.otk';
    await writeFile(join(dir, foreign), fileBytes('0190a1b2-c3d4-7e5f-8a6b-00000000abcd'));
    expect(await deleteBackupFile(d.deps, { folder: dir, name: foreign })).toEqual({ status: 'failed', code: 'not-a-backup' });
    // This installation's name on a file whose header names another installation.
    const mislabelled = 'otk-backup-7c8d9e0f1a2b-d0badcafe-20261102-120000.otk';
    await writeFile(join(dir, mislabelled), fileBytes('0190a1b2-c3d4-7e5f-8a6b-00000000abcd'));
    expect(await deleteBackupFile(d.deps, { folder: dir, name: mislabelled })).toEqual({ status: 'failed', code: 'not-a-backup' });
    // This installation's backup written by another device (another tag, same installation): deletable.
    const sibling = 'otk-backup-7c8d9e0f1a2b-d0badcafe-20261103-120000.otk';
    await writeFile(join(dir, sibling), fileBytes());
    expect(await deleteBackupFile(d.deps, { folder: dir, name: sibling })).toEqual({ status: 'deleted' });
    expect((await readdir(dir)).toSorted()).toEqual([NAME, foreign, mislabelled].toSorted());
    expect(JSON.parse(await readFile(join(userData, 'backup-installations.json'), 'utf8'))).toEqual(['7c8d9e0f1a2b']);
  });

  it('refuses a file swapped between the look and the open (fstat on the handle: the guard where there is no O_NOFOLLOW)', async () => {
    const d = deps();
    const dir = await chosen(d);
    await writeWhole(d, dir, NAME, fileBytes());
    const elsewhere = join(root, 'elsewhere.otk');
    await writeFile(elsewhere, fileBytes());
    // The open lands on another file than the one lstat looked at, as a link planted in between would on Windows.
    const swapped = deps({ open: ((path: string, ...rest: unknown[]) => (fsPromises.open as (...a: unknown[]) => unknown)(String(path).endsWith(NAME) ? elsewhere : path, ...rest)) as typeof fsPromises.open });
    expect(await readBackupPart(swapped.deps, { folder: dir, name: NAME, offset: 0, length: 4 })).toEqual({ status: 'failed', code: 'not-a-backup' });
    expect(await deleteBackupFile(swapped.deps, { folder: dir, name: NAME })).toEqual({ status: 'failed', code: 'not-a-backup' });
    expect(await readdir(dir)).toEqual([NAME]);
    expect(await readFile(elsewhere)).toHaveLength(fileBytes().length);
  });

  it('a later part goes only into the temporary file it began: one swapped between the look and the open is refused', async () => {
    const d = deps();
    const dir = await chosen(d);
    const bytes = fileBytes();
    await writeBackupPart(d.deps, { action: 'write', folder: dir, name: NAME, offset: 0, bytes: bytes.slice(0, 10) });
    const elsewhere = join(root, 'elsewhere.bin');
    await writeFile(elsewhere, new Uint8Array(10));
    const swapped = deps({ open: ((path: string, ...rest: unknown[]) => (fsPromises.open as (...a: unknown[]) => unknown)(String(path).endsWith('.part') ? elsewhere : path, ...rest)) as typeof fsPromises.open });
    expect(await writeBackupPart(swapped.deps, { action: 'write', folder: dir, name: NAME, offset: 10, bytes: bytes.slice(10) })).toEqual({ status: 'failed', code: 'write-failed' });
    expect(await readFile(elsewhere)).toEqual(Buffer.alloc(10));
  });

  it.runIf(posix)('never follows a symbolic link with a backup name', async () => {
    const d = deps();
    const dir = await chosen(d);
    const target = join(root, 'elsewhere.otk');
    await writeFile(target, fileBytes());
    await symlink(target, join(dir, NAME));
    expect(await deleteBackupFile(d.deps, { folder: dir, name: NAME })).toEqual({ status: 'failed', code: 'not-a-backup' });
    expect((await readBackupPart(d.deps, { folder: dir, name: NAME, offset: 0, length: 4 })).status).toBe('failed');
    expect(await readFile(target)).toHaveLength(fileBytes().length);
  });

  it('refuses every folder not chosen through the dialog, and writes nothing there', async () => {
    const d = deps();
    await chosen(d);
    const other = join(root, 'muu');
    await mkdir(other);
    const refused = { status: 'failed', code: 'folder-not-allowed' };
    expect(await writeBackupPart(d.deps, { action: 'write', folder: other, name: NAME, offset: 0, bytes: fileBytes() })).toEqual(refused);
    expect(await listBackupFiles(d.deps, { folder: other })).toEqual(refused);
    expect(await readBackupPart(d.deps, { folder: other, name: NAME, offset: 0, length: 4 })).toEqual(refused);
    expect(await deleteBackupFile(d.deps, { folder: other, name: NAME })).toEqual(refused);
    expect(await listBackupFiles(d.deps, { folder: join(folder, '..', 'varmuuskopiot', '..') })).toEqual(refused);
    expect(await readdir(other)).toEqual([]);
  });

  it('says the folder is missing when the network drive is gone, and the disk is full when it is', async () => {
    const d = deps();
    const dir = await chosen(d);
    await rm(dir, { recursive: true });
    expect(await listBackupFiles(d.deps, { folder: dir })).toEqual({ status: 'failed', code: 'folder-missing' });
    await mkdir(dir, { recursive: true });
    const full = deps({
      open: (async (...args: Parameters<typeof fsPromises.open>) => {
        const handle = await fsPromises.open(...args);
        return Object.assign(Object.create(handle) as fsPromises.FileHandle, {
          write: () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })),
          close: () => handle.close(),
        });
      }) as typeof fsPromises.open,
    });
    expect(await writeBackupPart(full.deps, { action: 'write', folder: dir, name: NAME, offset: 0, bytes: fileBytes() })).toEqual({ status: 'failed', code: 'disk-full' });
  });
});

describe('backup bridge handlers', () => {
  it('check the sender and parse arguments like every handler: a path or another name is refused before main acts', async () => {
    const electron = createFakeElectron();
    const contents = new FakeWebContents();
    const d = deps();
    const dir = await chosen(d);
    const opened = new OpenedFiles<string>({ dialog: d.dialog, fs: fsPromises });
    const impl = {
      appInfo: () => ({ name: 'x', version: '0', shell: 'electron' as const, platform: 'linux', dataLocation: '/', keyStore: 'plain' as const }),
      saveFile: async () => ({ status: 'cancelled' as const }),
      openFile: async () => ({ status: 'cancelled' as const }),
      printToPdf: async () => ({ status: 'cancelled' as const }),
      chooseBackupFolder: () => chooseBackupFolder(d.deps, 'window'),
      writeBackupPart: (args: Parameters<typeof writeBackupPart>[1]) => writeBackupPart(d.deps, args),
      readBackupPart: (args: Parameters<typeof readBackupPart>[1]) => readBackupPart(d.deps, args),
      listBackupFiles: (args: Parameters<typeof listBackupFiles>[1]) => listBackupFiles(d.deps, args),
      deleteBackupFile: (args: Parameters<typeof deleteBackupFile>[1]) => deleteBackupFile(d.deps, args),
      openBackupFile: (args: { typeName: string }, window: string) => opened.open(window, args),
      readBackupFile: (args: { handle: string; offset: number; length: number }) => opened.read(args),
      closeBackupFile: (args: { handle: string }) => opened.close(args),
    };
    registerBridgeHandlers<SenderContents, string>({ ipcMain: electron.ipcMain, windowFor: (c) => (c === contents ? 'window' : null), implementations: impl });
    const call = (channel: string, args: unknown, event = contents.invokeEvent()) => electron.ipcMain.handlers.get(channel)!(event, args);
    for (const bad of [
      { action: 'write', folder: dir, name: '../../.bashrc', offset: 0, bytes: new Uint8Array(1) },
      { action: 'write', folder: dir, name: 'muistio.txt', offset: 0, bytes: new Uint8Array(1) },
      { action: 'write', folder: dir, name: NAME, offset: -1, bytes: new Uint8Array(1) },
      { action: 'write', folder: dir, name: NAME, offset: 0, bytes: [1, 2] },
      { action: 'truncate', folder: dir, name: NAME },
      { action: 'commit', folder: dir, name: NAME, size: 1, extra: true },
    ]) {
      await expect(call('otk:writeBackupPart', bad)).rejects.toThrow(/invalid arguments/);
    }
    // A file opened for a restore is read by its opaque handle only: a path is not a handle.
    for (const handle of [join(dir, NAME), '../../etc/passwd', '']) {
      await expect(call('otk:readBackupFile', { handle, offset: 0, length: 1 })).rejects.toThrow(/invalid arguments/);
    }
    await expect(call('otk:readBackupFile', { handle: '0b1c2d3e-4f50-4617-8899-aabbccddeeff', offset: 0, length: 1 })).resolves.toEqual({ status: 'failed', code: 'not-found' });
    await expect(call('otk:deleteBackupFile', { folder: dir, name: NAME }, new FakeWebContents().invokeEvent())).rejects.toThrow(/not a window of this app/);
    expect(await readdir(dir)).toEqual([]);
    await expect(call('otk:writeBackupPart', { action: 'write', folder: dir, name: NAME, offset: 0, bytes: fileBytes() })).resolves.toEqual({ status: 'done' });
    await expect(call('otk:writeBackupPart', { action: 'commit', folder: dir, name: NAME, size: fileBytes().length })).resolves.toEqual({ status: 'done' });
    await expect(call('otk:listBackupFiles', { folder: dir })).resolves.toEqual({ status: 'listed', files: [{ name: NAME, size: fileBytes().length }] });
  });
});
