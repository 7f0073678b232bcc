// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createMainWindow, mainWindowOptions } from '../../../electron/main/window';
import { createFakeElectron } from './fake-electron';

describe('main window', () => {
  it('uses the hardened webPreferences and the CommonJS preload', () => {
    expect(mainWindowOptions('/app/out/preload/index.cjs', false).webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
    });
  });

  it('turns devTools off when packaged', () => {
    expect(mainWindowOptions('/p.cjs', true).webPreferences.devTools).toBe(false);
  });

  it('starts hidden, shows on ready-to-show and loads app://otk/index.html', async () => {
    const electron = createFakeElectron();
    const { window, loaded } = createMainWindow({
      BrowserWindow: electron.BrowserWindow,
      preloadPath: '/p.cjs',
      isPackaged: false,
    });
    await loaded;
    expect(window.options.show).toBe(false);
    expect(window.loadedUrls).toEqual(['app://otk/index.html']);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('closes devtools that open anyway when packaged, and leaves them alone in development', () => {
    const electron = createFakeElectron();
    const packaged = createMainWindow({ BrowserWindow: electron.BrowserWindow, preloadPath: '/p.cjs', isPackaged: true });
    const development = createMainWindow({ BrowserWindow: electron.BrowserWindow, preloadPath: '/p.cjs', isPackaged: false });
    packaged.window.webContents.emit('devtools-opened');
    development.window.webContents.emit('devtools-opened');
    expect(packaged.window.webContents.devToolsClosed).toBe(1);
    expect(development.window.webContents.devToolsClosed).toBe(0);
  });
});
