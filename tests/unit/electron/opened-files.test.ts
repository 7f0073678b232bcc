// @vitest-environment node
import * as fsPromises from 'node:fs/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenedFiles } from '../../../electron/main/opened-files';
import { bridgeContract } from '../../../shared/bridge/contract';
import { createFakeElectron } from './fake-electron';

/**
 * A backup picked for a restore, in main: opened once through the dialog and kept open under an
 * opaque handle; the renderer reads parts by handle (never a path) and closes it. A file swapped
 * between the look and the open is refused (fstat on the handle); an unknown or closed handle reads
 * nothing. Real files in a temp folder; the dialog is the fake electron module's.
 */

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'otk-opened-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const BYTES = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 251));

function files(fs: Partial<typeof fsPromises> = {}) {
  const { dialog } = createFakeElectron();
  return { dialog, opened: new OpenedFiles<string>({ dialog, fs: { ...fsPromises, ...fs } }) };
}

describe('a backup opened for a restore', () => {
  it('is picked in the dialog, named by an opaque handle, read by parts and closed', async () => {
    const path = join(root, 'otk-backup-7c8d9e0f1a2b-20261123-120000.otk');
    await writeFile(path, BYTES);
    const { dialog, opened } = files();
    dialog.nextOpen = { canceled: false, filePaths: [path] };
    const result = await opened.open('window', { typeName: 'OT-keskuksen varmuuskopio' });
    expect(bridgeContract.openBackupFile.result.parse(result)).toEqual(result);
    if (result.status !== 'opened') throw new Error('not opened');
    expect(result).toMatchObject({ name: 'otk-backup-7c8d9e0f1a2b-20261123-120000.otk', size: 1000 });
    expect(result.handle).not.toContain(root);
    expect(dialog.openCalls[0]!.options).toEqual({ properties: ['openFile'], filters: [{ name: 'OT-keskuksen varmuuskopio', extensions: ['otk'] }] });
    expect(await opened.read({ handle: result.handle, offset: 10, length: 5 })).toEqual({ status: 'read', bytes: BYTES.slice(10, 15) });
    expect(await opened.read({ handle: result.handle, offset: 990, length: 100 })).toEqual({ status: 'read', bytes: BYTES.slice(990) });
    expect(await opened.close({ handle: result.handle })).toEqual({ status: 'closed' });
    expect(await opened.read({ handle: result.handle, offset: 0, length: 5 })).toEqual({ status: 'failed', code: 'not-found' });
    expect(opened.count).toBe(0);
  });

  it('a cancelled dialog opens nothing; a folder is not a file', async () => {
    const { dialog, opened } = files();
    expect(await opened.open('window', { typeName: 'x' })).toEqual({ status: 'cancelled' });
    dialog.nextOpen = { canceled: false, filePaths: [root] };
    expect(await opened.open('window', { typeName: 'x' })).toEqual({ status: 'failed', code: 'not-a-backup' });
    expect(opened.count).toBe(0);
  });

  it('refuses a file swapped between the look and the open (fstat on the handle)', async () => {
    const path = join(root, 'picked.otk');
    const other = join(root, 'other.otk');
    await writeFile(path, BYTES);
    await writeFile(other, BYTES);
    const { dialog, opened } = files({ open: ((_path: string, ...rest: unknown[]) => (fsPromises.open as (...a: unknown[]) => unknown)(other, ...rest)) as typeof fsPromises.open });
    dialog.nextOpen = { canceled: false, filePaths: [path] };
    expect(await opened.open('window', { typeName: 'x' })).toEqual({ status: 'failed', code: 'not-a-backup' });
    expect(opened.count).toBe(0);
  });

  it('keeps at most four open: a fifth closes the oldest; closing all closes every one', async () => {
    const path = join(root, 'picked.otk');
    await writeFile(path, BYTES);
    const { dialog, opened } = files();
    dialog.nextOpen = { canceled: false, filePaths: [path] };
    const handles: string[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await opened.open('window', { typeName: 'x' });
      if (result.status === 'opened') handles.push(result.handle);
    }
    expect(new Set(handles).size).toBe(5);
    expect(opened.count).toBe(4);
    expect((await opened.read({ handle: handles[0]!, offset: 0, length: 1 })).status).toBe('failed');
    expect((await opened.read({ handle: handles[4]!, offset: 0, length: 1 })).status).toBe('read');
    await opened.closeAll();
    expect(opened.count).toBe(0);
  });
});
