// @vitest-environment node
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startShell } from '../../../electron/main/start';
import { createFakeElectron, fakeEvent, FakeWebContents, type FakeElectronOptions, type FakeWindow } from './fake-electron';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'otk-start-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function start(options: FakeElectronOptions & { argv?: string[]; platform?: string } = {}) {
  const { argv = ['/opt/otk/otk-consultation-desk'], platform = 'linux', ...fakeOptions } = options;
  const electron = createFakeElectron({ paths: { userData: '/home/u/.config/otk', documents: dir }, ...fakeOptions });
  const window = await startShell<FakeWindow>(electron, {
    paths: { preload: join(dir, 'preload', 'index.cjs'), renderer: join(dir, 'renderer') },
    platform,
    argv,
  });
  return { electron, window };
}

describe('startShell', () => {
  it('does the before-ready work first, hardens the session before the window, then opens one window', async () => {
    const { electron, window } = await start();
    expect(electron.calls).toEqual([
      'registerSchemesAsPrivileged',
      'enableSandbox',
      'requestSingleInstanceLock',
      'whenReady',
      'setPermissionRequestHandler',
      'protocol.handle:app',
      'new BrowserWindow',
    ]);
    expect(electron.protocol.privileged.map((scheme) => scheme.scheme)).toEqual(['app']);
    expect(electron.windows).toHaveLength(1);
    expect(window?.loadedUrls).toEqual(['app://otk/index.html']);
    expect(window?.options.webPreferences.preload).toBe(join(dir, 'preload', 'index.cjs'));
  });

  it('quits without a window, handlers or protocol when another instance runs', async () => {
    const { electron, window } = await start({ lockObtained: false });
    expect(window).toBeNull();
    expect(electron.app.quitCalls).toBe(1);
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.calls).not.toContain('whenReady');
  });

  it('brings the window forward on a second launch', async () => {
    const { electron, window } = await start();
    electron.app.emit('second-instance');
    expect(window?.focused).toBe(1);
  });

  it('devtools are off when packaged', async () => {
    const { window } = await start({ isPackaged: true });
    expect(window?.options.webPreferences.devTools).toBe(false);
  });

  it('serves out/renderer through the app:// handler', async () => {
    const { electron } = await start();
    const response = await electron.protocol.handlers.get('app')?.(new Request('app://otk/'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('hardens every WebContents created', async () => {
    const { electron } = await start();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', fakeEvent(), contents);
    const navigation = fakeEvent('https://example.org/');
    contents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('answers the bridge only for its own window, and not after it closed', async () => {
    const { electron, window } = await start();
    const appInfo = electron.ipcMain.handlers.get('otk:appInfo');
    if (!window || !appInfo) throw new Error('not started');
    await expect(appInfo(window.webContents.invokeEvent(), {})).resolves.toEqual({
      name: 'OT-keskus konsultaatiot',
      version: '0.1.0',
      shell: 'electron',
      platform: 'linux',
      dataLocation: '/home/u/.config/otk',
      keyStore: 'plain',
    });
    const stranger = new FakeWebContents();
    await expect(appInfo(stranger.invokeEvent(), {})).rejects.toThrow(/not a window of this app/);
    window.emit('closed');
    await expect(appInfo(window.webContents.invokeEvent(), {})).rejects.toThrow(/not a window of this app/);
  });

  it('saves through the dialog, modal to the window, into Documents by default', async () => {
    const { electron, window } = await start();
    const saveFile = electron.ipcMain.handlers.get('otk:saveFile');
    if (!window || !saveFile) throw new Error('not started');
    electron.dialog.nextSave = { canceled: false, filePath: join(dir, 'a.json') };
    await expect(
      saveFile(window.webContents.invokeEvent(), { suggestedName: 'a.json', bytes: new Uint8Array([123, 125]) }),
    ).resolves.toEqual({ status: 'saved', location: join(dir, 'a.json') });
    expect(electron.dialog.saveCalls[0]?.window).toBe(window);
    expect(electron.dialog.saveCalls[0]?.options.defaultPath).toBe(join(dir, 'a.json'));
  });

  it('prints its own window to a PDF and saves it where the user chose', async () => {
    const { electron, window } = await start();
    const printToPdf = electron.ipcMain.handlers.get('otk:printToPdf');
    if (!window || !printToPdf) throw new Error('not started');
    const pdf = new TextEncoder().encode('%PDF-1.7 yhteenveto\n%%EOF\n');
    window.webContents.nextPdf = pdf;
    const location = join(dir, 'yhteenveto.pdf');
    electron.dialog.nextSave = { canceled: false, filePath: location };
    await expect(
      printToPdf(window.webContents.invokeEvent(), { suggestedName: 'yhteenveto.pdf', landscape: true }),
    ).resolves.toEqual({ status: 'saved', location });
    expect(window.webContents.pdfCalls).toEqual([{ landscape: true, printBackground: true, pageSize: 'A4' }]);
    expect(electron.dialog.saveCalls[0]?.window).toBe(window);
    expect(electron.dialog.saveCalls[0]?.options.defaultPath).toBe(location);
    expect(new Uint8Array(await readFile(location))).toEqual(pdf);
  });

  it('refuses to print for a stranger or with a name that is not a PDF, rendering nothing', async () => {
    const { electron, window } = await start();
    const printToPdf = electron.ipcMain.handlers.get('otk:printToPdf');
    if (!window || !printToPdf) throw new Error('not started');
    const stranger = new FakeWebContents();
    await expect(printToPdf(stranger.invokeEvent(), { suggestedName: 'a.pdf' })).rejects.toThrow(
      /not a window of this app/,
    );
    for (const suggestedName of ['a.txt', 'a.pdf/', '../a.pdf', 'sub\\a.pdf']) {
      await expect(printToPdf(window.webContents.invokeEvent(), { suggestedName }), suggestedName).rejects.toThrow(
        /invalid arguments/,
      );
    }
    expect(stranger.pdfCalls).toEqual([]);
    expect(window.webContents.pdfCalls).toEqual([]);
    expect(electron.dialog.saveCalls).toEqual([]);
    expect(await readdir(dir)).toEqual(['renderer']);
  });

  it.each([
    ['the DevTools port', { argv: ['/opt/otk/otk', '--remote-debugging-port=9222'] }, '--remote-debugging-port'],
    ['the DevTools pipe, seen only by Chromium', { switches: ['remote-debugging-pipe'] }, '--remote-debugging-pipe'],
    ['the Node inspector', { argv: ['/opt/otk/otk', '--inspect-brk=9229'] }, '--inspect-brk'],
    ['no sandbox', { argv: ['/opt/otk/otk', '--no-sandbox'] }, '--no-sandbox'],
  ])('when packaged, refuses to start with %s: says why, exits 78, does nothing else', async (_name, launch, shown) => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { electron, window } = await start({ isPackaged: true, ...launch });
    expect(window).toBeNull();
    expect(electron.calls).toEqual(['whenReady']);
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.protocol.handlers.size).toBe(0);
    expect(electron.app.sandboxEnabled).toBe(false);
    expect(electron.dialog.errorBoxes).toHaveLength(1);
    expect(electron.dialog.errorBoxes[0]).toContain(shown);
    expect(electron.app.exitCodes).toEqual([78]);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining(`refused to start with ${shown}`));
    consoleError.mockRestore();
  });

  it.each([
    ['win32', ['C:\\otk.exe', '/remote-debugging-port=9222']],
    ['darwin', ['/Applications/OT-keskus konsultaatiot.app/Contents/MacOS/OT-keskus konsultaatiot', '--remote-debugging-port=9222']],
  ])('on %s shows the dialog before ready, so Chromium never opens the port', async (platform, argv) => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { electron, window } = await start({ isPackaged: true, platform, argv });
    expect(window).toBeNull();
    expect(electron.calls).toEqual([]);
    expect(electron.dialog.errorBoxes[0]).toContain('--remote-debugging-port');
    expect(electron.app.exitCodes).toEqual([78]);
    consoleError.mockRestore();
  });

  it('on Linux, while the dialog waits for ready, closes any page that appears', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { electron } = await start({ isPackaged: true, argv: ['/opt/otk/otk', '--remote-debugging-port=9222'] });
    let closed = 0;
    electron.app.emit('web-contents-created', fakeEvent(), { close: () => (closed += 1) });
    expect(closed).toBe(1);
    consoleError.mockRestore();
  });

  it('asks Chromium about every forbidden switch when packaged, about none in development', async () => {
    const packaged = await start({ isPackaged: true });
    expect(packaged.electron.app.commandLine.asked).toContain('remote-debugging-port');
    expect(packaged.electron.app.commandLine.asked).toContain('no-sandbox');
    expect(packaged.window).not.toBeNull();
    const development = await start({ isPackaged: false, argv: ['electron', '.', '--inspect=9229', '--no-sandbox'], switches: ['remote-debugging-port'] });
    expect(development.window).not.toBeNull();
    expect(development.electron.app.exitCodes).toEqual([]);
    expect(development.electron.dialog.errorBoxes).toEqual([]);
  });

  it('quits when the window is closed', async () => {
    const { electron } = await start();
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(1);
  });
});
