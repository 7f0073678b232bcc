import * as fsPromises from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import { getAppInfo, type AppInfoSource } from './app-info';
import { APP_SCHEME } from './app-url';
import { forbiddenSwitches, refusalMessage, REFUSED_EXIT_CODE, type SwitchSource } from './debug-switches';
import { openFile, saveFile, type FileDeps, type FileDialogs, type FileSystem } from './files';
import { OpenedFiles } from './opened-files';
import { chooseBackupFolder, deleteBackupFile, listBackupFiles, readBackupPart, writeBackupPart, type BackupFileDeps, type BackupFs } from './backup-files';
import { registerBridgeHandlers, type IpcRegistrar, type SenderContents } from './ipc';
import type { BuildPaths } from './paths';
import { printToPdf } from './print';
import type { KeyStoreSource } from './app-info';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { hardenSession, hardenWebContents, type HardenableContents, type HardenableSession } from './security';
import { claimSingleInstance } from './single-instance';
import { createMainWindow, type ShellWindow, type ShellWindowConstructor } from './window';

export interface ShellApp extends AppInfoSource {
  readonly isPackaged: boolean;
  /** Chromium's reading of the process's switches (debug-switches.ts). */
  readonly commandLine: SwitchSource;
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  exit(code: number): void;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenableContents) => void): unknown;
}

export interface ClosableWindow extends ShellWindow {
  on(event: 'closed', listener: () => void): unknown;
}

/** The Electron modules the shell uses; index.ts passes the real ones, tests pass fakes. */
export interface ShellElectron<W extends ClosableWindow> {
  app: ShellApp;
  BrowserWindow: ShellWindowConstructor<W>;
  protocol: {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  session: { defaultSession: HardenableSession };
  ipcMain: IpcRegistrar<SenderContents>;
  dialog: FileDialogs<W> & { showErrorBox(title: string, content: string): void };
  /** Electron's safeStorage: only asked whether a real OS key store exists (appInfo.keyStore). */
  safeStorage?: KeyStoreSource;
}

export interface ShellOptions {
  paths: BuildPaths;
  platform: string;
  /** The process's arguments (`process.argv`), read for forbidden switches beside app.commandLine. */
  argv: readonly string[];
  fs?: FileSystem & Partial<BackupFs>;
}

/**
 * A packaged app started with a debugging or sandbox-removing switch: says why on stderr and in a
 * dialog, then exits with REFUSED_EXIT_CODE. Nothing else happens: no scheme, lock, handler, protocol
 * or window. On Windows and macOS the dialog is shown at once, before `ready`: the main thread stops
 * there, so Chromium never gets as far as opening a DevTools port. Linux can show a dialog only once
 * ready; until the user closes it, any WebContents that appears (as through a DevTools port) is closed.
 */
async function refuseToStart(
  app: Pick<ShellApp, 'whenReady' | 'exit' | 'on'>,
  dialog: { showErrorBox(title: string, content: string): void },
  found: string[],
  platform: string,
): Promise<null> {
  const { title, content } = refusalMessage(found);
  console.error(`${title}: refused to start with ${found.map((name) => `--${name}`).join(' ')}`);
  if (platform === 'linux') {
    app.on('web-contents-created', (_event, contents) => contents.close?.());
    await app.whenReady();
  }
  dialog.showErrorBox(title, content);
  app.exit(REFUSED_EXIT_CODE);
  return null;
}

/**
 * Wires the whole main process. First, when packaged: no debugging or sandbox-removing switch
 * (debug-switches.ts), or nothing else happens. Synchronously (before `ready`): privileged scheme, global sandbox,
 * single-instance lock, WebContents hardening, bridge handlers. After `ready`: session hardening,
 * the app:// handler, then the window. Resolves with the window once its page has loaded, or with
 * null when another instance already runs. All state lives in this closure.
 */
export async function startShell<W extends ClosableWindow>(
  electron: ShellElectron<W>,
  options: ShellOptions,
): Promise<W | null> {
  const { app } = electron;
  let mainWindow: W | null = null;

  const found = app.isPackaged ? forbiddenSwitches(app.commandLine, options.argv, options.platform) : [];
  if (found.length > 0) return refuseToStart(app, electron.dialog, found, options.platform);

  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  if (!claimSingleInstance(app, () => mainWindow)) return null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // One window, one database: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());

  const fileDeps: FileDeps<W> = {
    dialog: electron.dialog,
    fs: options.fs ?? fsPromises,
    documentsDir: () => app.getPath('documents'),
  };
  const backupDeps: BackupFileDeps<W> = {
    dialog: electron.dialog,
    fs: { ...fsPromises, ...options.fs } as BackupFs,
    userDataDir: () => app.getPath('userData'),
  };
  const openedFiles = new OpenedFiles<W>({ dialog: electron.dialog, fs: options.fs ?? fsPromises });
  registerBridgeHandlers<SenderContents, W>({
    ipcMain: electron.ipcMain,
    windowFor: (contents) => (mainWindow !== null && mainWindow.webContents.id === contents.id ? mainWindow : null),
    implementations: {
      appInfo: () => getAppInfo(app, options.platform, electron.safeStorage),
      saveFile: (args, window) => saveFile(fileDeps, window, args),
      openFile: (args, window) => openFile(fileDeps, window, args),
      printToPdf: (args, window) => printToPdf(fileDeps, window, args),
      chooseBackupFolder: (_args, window) => chooseBackupFolder(backupDeps, window),
      writeBackupPart: (args) => writeBackupPart(backupDeps, args),
      readBackupPart: (args) => readBackupPart(backupDeps, args),
      listBackupFiles: (args) => listBackupFiles(backupDeps, args),
      deleteBackupFile: (args) => deleteBackupFile(backupDeps, args),
      openBackupFile: (args, window) => openedFiles.open(window, args),
      readBackupFile: (args) => openedFiles.read(args),
      closeBackupFile: (args) => openedFiles.close(args),
    },
  });

  await app.whenReady();
  hardenSession(electron.session.defaultSession, { isPackaged: app.isPackaged });
  electron.protocol.handle(APP_SCHEME, createAppProtocolHandler(options.paths.renderer));
  const { window, loaded } = createMainWindow({
    BrowserWindow: electron.BrowserWindow,
    preloadPath: options.paths.preload,
    isPackaged: app.isPackaged,
  });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
    void openedFiles.closeAll();
  });
  await loaded;
  return window;
}
