import type { PrintToPDFOptions } from 'electron';
import { APP_ENTRY_URL } from './app-url';

export interface MainWindowOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  webPreferences: {
    preload: string;
    sandbox: true;
    contextIsolation: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    webviewTag: false;
    spellcheck: false;
    devTools: boolean;
  };
}

/** The window the shell creates, as far as the shell uses it. */
export interface ShellWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  loadURL(url: string): Promise<void>;
  webContents: {
    readonly id: number;
    on(event: 'devtools-opened', listener: () => void): unknown;
    closeDevTools(): void;
    /** Renders the page on screen to a PDF (the printToPdf bridge method). */
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
}

export type ShellWindowConstructor<W extends ShellWindow> = new (options: MainWindowOptions) => W;

export function mainWindowOptions(preloadPath: string, isPackaged: boolean): MainWindowOptions {
  return {
    title: 'OT-keskus konsultaatiot',
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: !isPackaged,
    },
  };
}

/**
 * Creates the window hidden, shows it once painted, and starts loading the UI from app://otk.
 * Returns at once so the caller knows the window before the page can call the bridge.
 */
export function createMainWindow<W extends ShellWindow>(deps: {
  BrowserWindow: ShellWindowConstructor<W>;
  preloadPath: string;
  isPackaged: boolean;
}): { window: W; loaded: Promise<void> } {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath, deps.isPackaged));
  window.once('ready-to-show', () => window.show());
  if (deps.isPackaged) {
    // Belt and braces: devTools is already false in webPreferences.
    window.webContents.on('devtools-opened', () => window.webContents.closeDevTools());
  }
  return { window, loaded: window.loadURL(APP_ENTRY_URL) };
}
