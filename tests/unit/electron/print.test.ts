// @vitest-environment node
import * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileDeps, FileSystem } from '../../../electron/main/files';
import { PDF_FILTER, printToPdf } from '../../../electron/main/print';
import { bridgeContract } from '../../../shared/bridge/contract';
import { createFakeElectron, FakeWebContents } from './fake-electron';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otk-print-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

function setup(fs: FileSystem = fsPromises) {
  const electron = createFakeElectron();
  const window = { webContents: new FakeWebContents() };
  window.webContents.nextPdf = PDF;
  const deps: FileDeps<typeof window> = { dialog: electron.dialog, fs, documentsDir: () => '/home/u/Documents' };
  return { dialog: electron.dialog, window, deps };
}

/** Real fs, except that the temporary file's fsync fails after the bytes were written. */
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

describe('printToPdf', () => {
  it('prints the window page to A4 with backgrounds, then writes the PDF bytes where the user chose', async () => {
    const { dialog, window, deps } = setup();
    const location = join(dir, 'OTK-2026-0042.pdf');
    dialog.nextSave = { canceled: false, filePath: location };
    const result = await printToPdf(deps, window, { suggestedName: 'OTK-2026-0042.pdf' });
    expect(result).toEqual({ status: 'saved', location });
    expect(bridgeContract.printToPdf.result.safeParse(result).success).toBe(true);
    expect(window.webContents.pdfCalls).toEqual([{ landscape: false, printBackground: true, pageSize: 'A4' }]);
    expect(new Uint8Array(await readFile(location))).toEqual(PDF);
    if (process.platform !== 'win32') expect((await stat(location)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['OTK-2026-0042.pdf']);
  });

  it('renders in landscape when asked', async () => {
    const { window, deps } = setup();
    await printToPdf(deps, window, { suggestedName: 'a.pdf', landscape: true });
    expect(window.webContents.pdfCalls).toEqual([{ landscape: true, printBackground: true, pageSize: 'A4' }]);
  });

  it('renders before asking, in a save dialog modal to the window, in Documents, for PDF files', async () => {
    const { dialog, window, deps } = setup();
    let printedBeforeDialog = false;
    const showSaveDialog = dialog.showSaveDialog.bind(dialog);
    dialog.showSaveDialog = (parent, options) => {
      printedBeforeDialog = window.webContents.pdfCalls.length === 1;
      return showSaveDialog(parent, options);
    };
    await printToPdf(deps, window, { suggestedName: 'yhteenveto.pdf' });
    expect(printedBeforeDialog).toBe(true);
    expect(dialog.saveCalls).toEqual([
      {
        window,
        options: { defaultPath: join('/home/u/Documents', 'yhteenveto.pdf'), filters: [PDF_FILTER] },
      },
    ]);
    expect(PDF_FILTER).toEqual({ name: 'PDF', extensions: ['pdf'] });
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const { dialog, window, deps } = setup();
    dialog.nextSave = { canceled: true, filePath: join(dir, 'a.pdf') };
    await expect(printToPdf(deps, window, { suggestedName: 'a.pdf' })).resolves.toEqual({ status: 'cancelled' });
    dialog.nextSave = { canceled: false, filePath: '' };
    await expect(printToPdf(deps, window, { suggestedName: 'a.pdf' })).resolves.toEqual({ status: 'cancelled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports write-failed, keeps an existing file intact and leaves no temporary file', async () => {
    const { dialog, window, deps } = setup(fsFailingOnSync());
    const location = join(dir, 'a.pdf');
    await writeFile(location, 'old');
    dialog.nextSave = { canceled: false, filePath: location };
    await expect(printToPdf(deps, window, { suggestedName: 'a.pdf' })).resolves.toEqual({
      status: 'failed',
      code: 'write-failed',
    });
    expect(await readFile(location, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.pdf']);
  });

  it('reports write-failed for a folder that does not exist', async () => {
    const { dialog, window, deps } = setup();
    dialog.nextSave = { canceled: false, filePath: join(dir, 'missing', 'a.pdf') };
    await expect(printToPdf(deps, window, { suggestedName: 'a.pdf' })).resolves.toEqual({
      status: 'failed',
      code: 'write-failed',
    });
  });

  it('reports write-failed without asking when the page cannot be rendered', async () => {
    const { dialog, window, deps } = setup();
    window.webContents.nextPdf = new Error('Failed to generate PDF');
    await expect(printToPdf(deps, window, { suggestedName: 'a.pdf' })).resolves.toEqual({
      status: 'failed',
      code: 'write-failed',
    });
    expect(dialog.saveCalls).toEqual([]);
  });
});
