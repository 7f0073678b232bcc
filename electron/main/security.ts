import { isAppUrl } from './app-url';

/** The parts of an Electron `Session` that hardening touches. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
  };
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** The parts of an Electron `WebContents` that hardening touches. */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  /** Closes the page (Electron's webContents.close); used while a refused start shows its dialog. */
  close?(): void;
}

export interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/**
 * Which requests the renderer may make. Everything is local: app://otk for the UI, data: and blob:
 * for what the CSP already allows (inlined images and fonts, object URLs of files the user picked;
 * workers come only from app://otk, the CSP has no blob: workers). devtools: only in development. Anything else — http(s), file:, ws:, ftp: — is cancelled.
 */
export function isRequestAllowed(url: string, isPackaged: boolean): boolean {
  if (isAppUrl(url)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (scheme === 'data:' || scheme === 'blob:') return true;
  return scheme === 'devtools:' && !isPackaged;
}

/** Applied to the default session before the first window opens. */
export function hardenSession(session: HardenableSession, options: { isPackaged: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, options.isPackaged) });
  });
  // Files are saved by the main process after our own dialog; Chromium downloads never are.
  session.on('will-download', (event) => event.preventDefault());
}

/** Applied to every WebContents from `app.on('web-contents-created')`. */
export function hardenWebContents(contents: HardenableContents): void {
  const stayInApp = (event: NavigationEvent): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Never opened, not even externally: links to the outside world are not part of this app.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
