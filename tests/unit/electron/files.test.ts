// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_FOR_READING, openFile, saveFile, writeFileAtomic, type FileDeps, type FileSystem } from '../../../electron/main/files';
import { MAX_FILE_BYTES } from '../../../shared/bridge/contract';
import { createFakeElectron } from './fake-electron';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otk-files-'));
});
afterEach(async () => {
  await releaseFifoReaders();
  await rm(dir, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';
const fifos: string[] = [];

/** A named pipe in the test folder (POSIX `mkfifo`). */
function makeFifo(name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  fifos.push(path);
  return path;
}

/** Opens each pipe for writing once: a reader stuck in a blocking open() of it returns, so no thread is left hanging. */
async function releaseFifoReaders(): Promise<void> {
  for (const path of fifos.splice(0)) {
    await fsPromises
      .open(path, constants.O_WRONLY | constants.O_NONBLOCK)
      .then((handle) => handle.close())
      .catch(() => undefined);
  }
}

/** Fails with `message` unless `promise` settles within `ms` (a hang must fail the test, not time it out). */
function within<T>(ms: number, promise: Promise<T>, message: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(message)), ms))]);
}

/** Real fs that records every path opened. */
function recordingOpens(): { fs: FileSystem; opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    fs: {
      ...fsPromises,
      open: (...args: Parameters<typeof fsPromises.open>) => {
        opened.push(String(args[0]));
        return fsPromises.open(...args);
      },
    },
  };
}

const parent = { id: 'main window' };

function deps(fs: FileSystem = fsPromises) {
  const electron = createFakeElectron();
  const fileDeps: FileDeps<typeof parent> = { dialog: electron.dialog, fs, documentsDir: () => '/home/u/Documents' };
  return { dialog: electron.dialog, fileDeps };
}

/** Real fs, except that the temp file's fsync fails after the bytes were written. */
function fsFailingOnSync(): FileSystem {
  return {
    ...fsPromises,
    open: async (...args: Parameters<typeof fsPromises.open>) => {
      const handle = await fsPromises.open(...args);
      if (args[1] === 'wx') handle.sync = () => Promise.reject(new Error('EIO: disk failed'));
      return handle;
    },
  };
}

describe('writeFileAtomic', () => {
  it('writes the bytes, private to the user, and leaves no temporary file', async () => {
    const target = join(dir, 'vienti.otk');
    await writeFileAtomic(fsPromises, target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['vienti.otk']);
  });

  it('replaces an existing file whole', async () => {
    const target = join(dir, 'vienti.otk');
    await writeFile(target, 'old contents that are longer');
    await writeFileAtomic(fsPromises, target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('on a failed write leaves the old target intact and removes the temporary file', async () => {
    const target = join(dir, 'vienti.otk');
    await writeFile(target, 'old');
    await expect(writeFileAtomic(fsFailingOnSync(), target, new Uint8Array(1024).fill(7))).rejects.toThrow(/EIO/);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['vienti.otk']);
  });

  it('on a failed rename never creates a half-written target', async () => {
    const target = join(dir, 'new.otk');
    const failingRename: FileSystem = { ...fsPromises, rename: () => Promise.reject(new Error('EXDEV')) };
    await expect(writeFileAtomic(failingRename, target, new Uint8Array([1]))).rejects.toThrow(/EXDEV/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('uses a fresh temporary name each time, so two saves never share one', async () => {
    const opened: string[] = [];
    const recording: FileSystem = {
      ...fsPromises,
      open: (...args: Parameters<typeof fsPromises.open>) => {
        if (args[1] === 'wx') opened.push(String(args[0]));
        return fsPromises.open(...args);
      },
    };
    await Promise.all([
      writeFileAtomic(recording, join(dir, 'a.otk'), new Uint8Array([1])),
      writeFileAtomic(recording, join(dir, 'a.otk'), new Uint8Array([2])),
    ]);
    expect(new Set(opened).size).toBe(2);
    expect(opened.every((path) => path.startsWith(dir))).toBe(true);
    expect(await readdir(dir)).toEqual(['a.otk']);
  });
});

describe('saveFile', () => {
  it('opens the save dialog on the parent window in Documents with the filters', async () => {
    const { dialog, fileDeps } = deps();
    const filters = [{ name: 'JSON', extensions: ['json'] }];
    await expect(saveFile(fileDeps, parent, { suggestedName: 'a.json', bytes: new Uint8Array(), filters })).resolves.toEqual({
      status: 'cancelled',
    });
    expect(dialog.saveCalls).toEqual([
      { window: parent, options: { defaultPath: join('/home/u/Documents', 'a.json'), filters } },
    ]);
  });

  it('saves to the chosen path', async () => {
    const { dialog, fileDeps } = deps();
    const location = join(dir, 'valittu.json');
    dialog.nextSave = { canceled: false, filePath: location };
    const result = await saveFile(fileDeps, parent, { suggestedName: 'a.json', bytes: new TextEncoder().encode('{}') });
    expect(result).toEqual({ status: 'saved', location });
    expect(await readFile(location, 'utf8')).toBe('{}');
  });

  it('reports write-failed and leaves nothing behind', async () => {
    const { dialog, fileDeps } = deps(fsFailingOnSync());
    dialog.nextSave = { canceled: false, filePath: join(dir, 'x.json') };
    const result = await saveFile(fileDeps, parent, { suggestedName: 'x.json', bytes: new Uint8Array([1]) });
    expect(result).toEqual({ status: 'failed', code: 'write-failed' });
    expect(await readdir(dir)).toEqual([]);
  });

  it(`refuses more than ${MAX_FILE_BYTES / 1024 / 1024} MiB before asking where to save`, async () => {
    /** Says it is larger than it is: no need to allocate 256 MiB. */
    class Claimed extends Uint8Array {
      override get byteLength(): number {
        return MAX_FILE_BYTES + 1;
      }
    }
    const { dialog, fileDeps } = deps();
    dialog.nextSave = { canceled: false, filePath: join(dir, 'big.pdf') };
    const result = await saveFile(fileDeps, parent, { suggestedName: 'big.pdf', bytes: new Claimed(1) });
    expect(result).toEqual({ status: 'failed', code: 'too-large' });
    expect(dialog.saveCalls).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports write-failed for a directory that does not exist', async () => {
    const { dialog, fileDeps } = deps();
    dialog.nextSave = { canceled: false, filePath: join(dir, 'missing', 'x.json') };
    const result = await saveFile(fileDeps, parent, { suggestedName: 'x.json', bytes: new Uint8Array([1]) });
    expect(result).toEqual({ status: 'failed', code: 'write-failed' });
  });
});

describe('openFile', () => {
  it('opens one file with the filters on the parent window', async () => {
    const { dialog, fileDeps } = deps();
    const filters = [{ name: 'Paketti', extensions: ['otk'] }];
    await expect(openFile(fileDeps, parent, { filters })).resolves.toEqual({ status: 'cancelled' });
    expect(dialog.openCalls).toEqual([{ window: parent, options: { properties: ['openFile'], filters } }]);
  });

  it('returns the name and bytes of the chosen file as a Uint8Array', async () => {
    const { dialog, fileDeps } = deps();
    const path = join(dir, 'paketti.otk');
    await writeFile(path, new Uint8Array([9, 8, 7]));
    dialog.nextOpen = { canceled: false, filePaths: [path] };
    const result = await openFile(fileDeps, parent, { filters: [] });
    expect(result).toEqual({ status: 'opened', name: 'paketti.otk', bytes: new Uint8Array([9, 8, 7]) });
    if (result.status === 'opened') {
      expect(Object.getPrototypeOf(result.bytes)).toBe(Uint8Array.prototype);
      expect(result.bytes.buffer.byteLength).toBe(3);
    }
  });

  it('refuses a file larger than maxBytes without opening it', async () => {
    const path = join(dir, 'big.otk');
    await writeFile(path, new Uint8Array(11));
    const { fs, opened } = recordingOpens();
    const { dialog, fileDeps } = deps(fs);
    dialog.nextOpen = { canceled: false, filePaths: [path] };
    await expect(openFile(fileDeps, parent, { filters: [], maxBytes: 10 })).resolves.toEqual({
      status: 'failed',
      code: 'too-large',
    });
    expect(opened).toEqual([]);
    await writeFile(path, new Uint8Array(10));
    await expect(openFile(fileDeps, parent, { filters: [], maxBytes: 10 })).resolves.toMatchObject({ status: 'opened' });
    expect(opened).toEqual([path]);
  });

  it('reports read-failed for a missing file, not-a-file for a folder, opening neither', async () => {
    const { fs, opened } = recordingOpens();
    const { dialog, fileDeps } = deps(fs);
    dialog.nextOpen = { canceled: false, filePaths: [join(dir, 'gone.otk')] };
    await expect(openFile(fileDeps, parent, { filters: [] })).resolves.toEqual({ status: 'failed', code: 'read-failed' });
    dialog.nextOpen = { canceled: false, filePaths: [dir] };
    await expect(openFile(fileDeps, parent, { filters: [] })).resolves.toEqual({ status: 'failed', code: 'not-a-file' });
    expect(opened).toEqual([]);
  });

  it.skipIf(!posix)('refuses a named pipe at once without opening it (a blocking open would wait forever)', async () => {
    const fifo = makeFifo('paketti.otk');
    const { fs, opened } = recordingOpens();
    const { dialog, fileDeps } = deps(fs);
    dialog.nextOpen = { canceled: false, filePaths: [fifo] };
    await expect(within(2000, openFile(fileDeps, parent, { filters: [] }), 'openFile hung on a FIFO')).resolves.toEqual({
      status: 'failed',
      code: 'not-a-file',
    });
    expect(opened).toEqual([]);
  });

  it.skipIf(!posix)('refuses a symbolic link to a pipe or a device, opens one to a regular file', async () => {
    const { fs, opened } = recordingOpens();
    const { dialog, fileDeps } = deps(fs);
    await symlink(makeFifo('pipe'), join(dir, 'to-pipe.otk'));
    await symlink('/dev/zero', join(dir, 'to-zero.otk'));
    for (const name of ['to-pipe.otk', 'to-zero.otk']) {
      dialog.nextOpen = { canceled: false, filePaths: [join(dir, name)] };
      await expect(within(2000, openFile(fileDeps, parent, { filters: [] }), name), name).resolves.toEqual({ status: 'failed', code: 'not-a-file' });
    }
    expect(opened).toEqual([]);
    await writeFile(join(dir, 'real.otk'), new Uint8Array([5]));
    await symlink(join(dir, 'real.otk'), join(dir, 'link.otk'));
    dialog.nextOpen = { canceled: false, filePaths: [join(dir, 'link.otk')] };
    await expect(openFile(fileDeps, parent, { filters: [] })).resolves.toEqual({ status: 'opened', name: 'link.otk', bytes: new Uint8Array([5]) });
  });

  it.skipIf(!posix)('opens without blocking, so a pipe swapped in after the check is refused, not waited on', async () => {
    const fifo = makeFifo('swapped');
    const regular = join(dir, 'paketti.otk');
    await writeFile(regular, new Uint8Array([1]));
    // The check sees the regular file; by the time of the open, the path is a pipe.
    const swapping: FileSystem = { ...fsPromises, open: (_path, flags) => fsPromises.open(fifo, flags) };
    const { dialog, fileDeps } = deps(swapping);
    dialog.nextOpen = { canceled: false, filePaths: [regular] };
    await expect(within(2000, openFile(fileDeps, parent, { filters: [] }), 'openFile blocked on the swapped-in FIFO')).resolves.toEqual({
      status: 'failed',
      code: 'not-a-file',
    });
    // The flags are the reason: without O_NONBLOCK, the same open would still be waiting.
    expect(OPEN_FOR_READING & constants.O_NONBLOCK).toBe(constants.O_NONBLOCK);
    await expect(within(1000, fsPromises.open(fifo, OPEN_FOR_READING).then((h) => h.close()), 'blocked')).resolves.toBeUndefined();
  });

  it('refuses another regular file swapped in after the check', async () => {
    const checkedPath = join(dir, 'checked.otk');
    const other = join(dir, 'other.otk');
    await writeFile(checkedPath, new Uint8Array([1]));
    await writeFile(other, new Uint8Array([2]));
    const swapping: FileSystem = { ...fsPromises, open: (_path, flags) => fsPromises.open(other, flags) };
    const { dialog, fileDeps } = deps(swapping);
    dialog.nextOpen = { canceled: false, filePaths: [checkedPath] };
    await expect(openFile(fileDeps, parent, { filters: [] })).resolves.toEqual({ status: 'failed', code: 'not-a-file' });
  });

  it('treats an empty selection as cancelled', async () => {
    const { dialog, fileDeps } = deps();
    dialog.nextOpen = { canceled: false, filePaths: [] };
    await expect(openFile(fileDeps, parent, { filters: [] })).resolves.toEqual({ status: 'cancelled' });
  });
});
