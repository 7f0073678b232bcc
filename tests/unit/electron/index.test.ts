// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeElectron, type FakeElectronOptions } from './fake-electron';

/** Imports electron/main/index.ts afresh against a new fake `electron` module. */
async function importMain(options: FakeElectronOptions): Promise<FakeElectron> {
  const electron = createFakeElectron(options);
  vi.doMock('electron', () => electron);
  await import('../../../electron/main/index');
  return electron;
}

beforeEach(() => {
  vi.resetModules();
});

describe('electron/main/index.ts', () => {
  it('wires the real modules into startShell: scheme, lock, handlers, hardened window', async () => {
    const electron = await importMain({ isPackaged: true });
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    expect(electron.protocol.privileged).toHaveLength(1);
    expect(electron.calls).toContain('requestSingleInstanceLock');
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([
      'otk:appInfo',
      'otk:chooseBackupFolder',
      'otk:closeBackupFile',
      'otk:deleteBackupFile',
      'otk:listBackupFiles',
      'otk:openBackupFile',
      'otk:openFile',
      'otk:printToPdf',
      'otk:readBackupFile',
      'otk:readBackupPart',
      'otk:saveFile',
      'otk:writeBackupPart',
    ]);
    const window = electron.windows[0];
    expect(window?.options.webPreferences.devTools).toBe(false);
    expect(window?.options.webPreferences.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(electron.session.defaultSession.beforeRequest).toBeDefined();
    expect(electron.app.exitCodes).toEqual([]);
  });

  it('quits at once when another instance holds the lock', async () => {
    const electron = await importMain({ lockObtained: false });
    expect(electron.app.quitCalls).toBe(1);
    expect(electron.windows).toHaveLength(0);
  });

  it('passes the real process arguments: a packaged start with --no-sandbox is refused, no window', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const argv = process.argv;
    process.argv = [argv[0] ?? 'electron', '--no-sandbox'];
    try {
      const electron = await importMain({ isPackaged: true });
      await vi.waitFor(() => expect(electron.app.exitCodes).toEqual([78]));
      expect(electron.windows).toHaveLength(0);
      expect(electron.dialog.errorBoxes[0]).toContain('--no-sandbox');
    } finally {
      process.argv = argv;
      consoleError.mockRestore();
    }
  });

  it("refuses a switch only Chromium's command line shows", async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const electron = await importMain({ isPackaged: true, switches: ['remote-debugging-port'] });
    await vi.waitFor(() => expect(electron.app.exitCodes).toEqual([78]));
    expect(electron.windows).toHaveLength(0);
    consoleError.mockRestore();
  });

  it('tells the user and exits with 1 when the window cannot load', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const electron = await importMain({ loadFails: true });
    await vi.waitFor(() => expect(electron.app.exitCodes).toEqual([1]));
    expect(electron.dialog.errorBoxes).toHaveLength(1);
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
