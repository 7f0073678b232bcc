import type {
  CustomScheme,
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { FrameRef, InvokeEvent, SenderContents } from '../../../electron/main/ipc';
import type { MainWindowOptions } from '../../../electron/main/window';

/**
 * A stand-in for the `electron` module: records every call and lets tests fire events.
 * Each createFakeElectron() is independent, so no state leaks between tests.
 */

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly #listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper = (...args: never[]): void => {
      this.off(event, wrapper);
      listener(...args);
    };
    return this.on(event, wrapper);
  }

  off(event: string, listener: Listener): this {
    this.#listeners.set(
      event,
      (this.#listeners.get(event) ?? []).filter((each) => each !== listener),
    );
    return this;
  }

  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      (listener as (...values: unknown[]) => unknown)(...args);
    }
  }
}

/** An Electron event: remembers whether preventDefault() was called. */
export interface FakeEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** Unique ids for fake frames and WebContents, as Electron hands out. */
const nextId = (() => {
  let last = 0;
  return (): number => (last += 1);
})();

export function fakeFrame(url: string, processId = 1): FrameRef {
  return { url, processId, routingId: nextId() };
}

export class FakeWebContents extends FakeEmitter implements SenderContents {
  readonly id = nextId();
  mainFrame: FrameRef;
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  devToolsClosed = 0;
  /** Every printToPDF call's options, in order. */
  readonly pdfCalls: PrintToPDFOptions[] = [];
  /** What the next printToPDF resolves with, or the error it rejects with. */
  nextPdf: Uint8Array | Error = new TextEncoder().encode('%PDF-1.7 fake\n%%EOF\n');

  constructor(url = 'app://otk/index.html') {
    super();
    this.mainFrame = fakeFrame(url);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  closeDevTools(): void {
    this.devToolsClosed += 1;
  }

  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> {
    this.pdfCalls.push(options);
    return this.nextPdf instanceof Error ? Promise.reject(this.nextPdf) : Promise.resolve(this.nextPdf);
  }

  /** An IPC event as Electron would build it for a call from this page's main frame. */
  invokeEvent(frame: FrameRef | null = this.mainFrame): InvokeEvent<FakeWebContents> {
    return { sender: this, senderFrame: frame };
  }
}

export interface FakeWindow extends FakeEmitter {
  options: MainWindowOptions;
  webContents: FakeWebContents;
  loadedUrls: string[];
  shown: boolean;
  minimized: boolean;
  focused: number;
  show(): void;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  loadURL(url: string): Promise<void>;
}

type Handler = (request: Request) => Promise<Response>;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
type IpcListener = (event: InvokeEvent<SenderContents>, ...args: unknown[]) => Promise<unknown>;

export interface FakeElectronOptions {
  isPackaged?: boolean;
  lockObtained?: boolean;
  /** app.getPath(name) returns paths[name], or /fake/<name>. */
  paths?: Record<string, string>;
  /** loadURL rejects, as when the page cannot be loaded. */
  loadFails?: boolean;
  /** The switches app.commandLine.hasSwitch(name) reports, as Chromium parsed them. */
  switches?: string[];
}

export function createFakeElectron(options: FakeElectronOptions = {}) {
  const calls: string[] = [];
  const windows: FakeWindow[] = [];

  class BrowserWindow extends FakeEmitter implements FakeWindow {
    readonly webContents = new FakeWebContents();
    readonly loadedUrls: string[] = [];
    shown = false;
    minimized = false;
    focused = 0;

    constructor(readonly options: MainWindowOptions) {
      super();
      calls.push('new BrowserWindow');
      windows.push(this);
    }

    show(): void {
      this.shown = true;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.minimized = false;
    }
    focus(): void {
      this.focused += 1;
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      return options.loadFails ? Promise.reject(new Error(`ERR_FAILED loading ${url}`)) : Promise.resolve();
    }
  }

  const app = Object.assign(new FakeEmitter(), {
    isPackaged: options.isPackaged ?? false,
    quitCalls: 0,
    exitCodes: [] as number[],
    sandboxEnabled: false,
    getName: () => 'OT-keskus konsultaatiot',
    getVersion: () => '0.1.0',
    getPath: (name: string) => options.paths?.[name] ?? `/fake/${name}`,
    commandLine: {
      asked: [] as string[],
      hasSwitch(name: string) {
        app.commandLine.asked.push(name);
        return options.switches?.includes(name) ?? false;
      },
    },
    enableSandbox() {
      calls.push('enableSandbox');
      app.sandboxEnabled = true;
    },
    requestSingleInstanceLock() {
      calls.push('requestSingleInstanceLock');
      return options.lockObtained ?? true;
    },
    whenReady() {
      calls.push('whenReady');
      return Promise.resolve();
    },
    quit() {
      app.quitCalls += 1;
    },
    exit(code: number) {
      app.exitCodes.push(code);
    },
  });

  const protocol = {
    privileged: [] as CustomScheme[],
    handlers: new Map<string, Handler>(),
    registerSchemesAsPrivileged(schemes: CustomScheme[]) {
      calls.push('registerSchemesAsPrivileged');
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: Handler) {
      calls.push(`protocol.handle:${scheme}`);
      protocol.handlers.set(scheme, handler);
    },
  };

  const defaultSession = Object.assign(new FakeEmitter(), {
    permissionRequestHandler: undefined as PermissionRequestHandler | undefined,
    permissionCheckHandler: undefined as (() => boolean) | undefined,
    devicePermissionHandler: undefined as (() => boolean) | undefined,
    beforeRequest: undefined as BeforeRequestListener | undefined,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      calls.push('setPermissionRequestHandler');
      defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: () => boolean) {
      defaultSession.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: () => boolean) {
      defaultSession.devicePermissionHandler = handler;
    },
    webRequest: {
      onBeforeRequest(listener: BeforeRequestListener) {
        defaultSession.beforeRequest = listener;
      },
    },
  });

  const ipcMain = {
    handlers: new Map<string, IpcListener>(),
    handle(channel: string, listener: IpcListener) {
      if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcMain.handlers.set(channel, listener);
    },
  };

  const dialog = {
    saveCalls: [] as { window: unknown; options: SaveDialogOptions }[],
    openCalls: [] as { window: unknown; options: OpenDialogOptions }[],
    errorBoxes: [] as string[],
    nextSave: { canceled: true } as SaveDialogReturnValue,
    nextOpen: { canceled: true, filePaths: [] } as OpenDialogReturnValue,
    showSaveDialog(window: unknown, dialogOptions: SaveDialogOptions) {
      dialog.saveCalls.push({ window, options: dialogOptions });
      return Promise.resolve(dialog.nextSave);
    },
    showOpenDialog(window: unknown, dialogOptions: OpenDialogOptions) {
      dialog.openCalls.push({ window, options: dialogOptions });
      return Promise.resolve(dialog.nextOpen);
    },
    showErrorBox(title: string, content: string) {
      dialog.errorBoxes.push(`${title}: ${content}`);
    },
  };

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown) {
      contextBridge.exposed.set(key, api);
    },
  };

  const ipcRenderer = {
    invocations: [] as { channel: string; args: unknown[] }[],
    invoke(channel: string, ...args: unknown[]) {
      ipcRenderer.invocations.push({ channel, args });
      return Promise.resolve({ channel });
    },
  };

  return {
    calls,
    windows,
    app,
    BrowserWindow,
    protocol,
    session: { defaultSession },
    ipcMain,
    dialog,
    contextBridge,
    ipcRenderer,
    /** Linux without a keyring: encryption "available" with the basic_text backend. */
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text' },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
