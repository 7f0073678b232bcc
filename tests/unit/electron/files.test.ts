// @vitest-environment node
import * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openFile, saveFile, writeFileAtomic, type FileDeps, type FileSystem } from '../../../electron/main/files';
import { createFakeElectron } from './fake-electron';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otk-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

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

  it('refuses a file larger than maxBytes without reading it', async () => {
    const path = join(dir, 'big.otk');
    await writeFile(path, new Uint8Array(11));
    const reads = vi.fn();
    const spying: FileSystem = {
      ...fsPromises,
      open: async (...args: Parameters<typeof fsPromises.open>) => {
        const handle = await fsPromises.open(...args);
        const readFileOfHandle = handle.readFile.bind(handle);
        handle.readFile = ((...readArgs: Parameters<typeof handle.readFile>) => {
          reads();
          return readFileOfHandle(...readArgs);
        }) as typeof handle.readFile;
        return handle;
      },
    };
    const { dialog, fileDeps } = deps(spying);
    dialog.nextOpen = { canceled: false, filePaths: [path] };
    await expect(openFile(fileDeps, parent, { filters: [], maxBytes: 10 })).resolves.toEqual({
      status: 'failed',
      code: 'too-large',
    });
    expect(reads).not.toHaveBeenCalled();
    await writeFile(path, new Uint8Array(10));
    await expect(openFile(fileDeps, parent, { filters: [], maxBytes: 10 })).resolves.toMatchObject({ status: 'opened' });
    expect(reads).toHaveBeenCalledOnce();
  });

  it('reports read-failed for a missing file or a directory', async () => {
    const { dialog, fileDeps } = deps();
    dialog.nextOpen = { canceled: false, filePaths: [join(dir, 'gone.otk')] };
    await expect(openFile(fileDeps, parent, { filters: [] })).resolves.toEqual({ status: 'failed', code: 'read-failed' });
    dialog.nextOpen = { canceled: false, filePaths: [dir] };
    await expect(openFile(fileDeps, parent, { filters: [] })).resolves.toEqual({ status: 'failed', code: 'read-failed' });
  });

  it('treats an empty selection as cancelled', async () => {
    const { dialog, fileDeps } = deps();
    dialog.nextOpen = { canceled: false, filePaths: [] };
    await expect(openFile(fileDeps, parent, { filters: [] })).resolves.toEqual({ status: 'cancelled' });
  });
});
