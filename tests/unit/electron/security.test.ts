// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents, isRequestAllowed } from '../../../electron/main/security';
import { createFakeElectron, fakeEvent, FakeWebContents } from './fake-electron';

function hardenedSession(isPackaged: boolean) {
  const { session } = createFakeElectron();
  hardenSession(session.defaultSession, { isPackaged });
  return session.defaultSession;
}

function requestVerdict(session: ReturnType<typeof hardenedSession>, url: string): boolean | undefined {
  let cancel: boolean | undefined;
  session.beforeRequest?.({ url }, (response) => {
    cancel = response.cancel;
  });
  return cancel;
}

describe('session: permissions', () => {
  it('denies every permission request', () => {
    const session = hardenedSession(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const answers: boolean[] = [];
      session.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
    }
  });

  it('answers every permission and device check with false', () => {
    const session = hardenedSession(false);
    expect(session.permissionCheckHandler?.()).toBe(false);
    expect(session.devicePermissionHandler?.()).toBe(false);
  });
});

describe('session: requests', () => {
  it.each([
    'https://example.org/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'ws://localhost/',
    'ftp://example.org/',
    'chrome://gpu',
    'app://evil/index.html',
    'app://otk.evil/x.js',
    'javascript:alert(1)',
    'no-scheme',
  ])('cancels %s', (url) => {
    expect(requestVerdict(hardenedSession(false), url)).toBe(true);
  });

  it.each(['app://otk/index.html', 'app://otk/assets/main.js', 'data:font/woff2;base64,AAAA', 'blob:app://otk/0c4e'])(
    'lets %s through',
    (url) => {
      expect(requestVerdict(hardenedSession(true), url)).toBe(false);
    },
  );

  it('allows devtools: in development only', () => {
    expect(requestVerdict(hardenedSession(false), 'devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(requestVerdict(hardenedSession(true), 'devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(isRequestAllowed('DEVTOOLS://devtools/x', false)).toBe(true);
  });

  it('cancels every download Chromium would start', () => {
    const session = hardenedSession(false);
    const event = fakeEvent('blob:app://otk/1');
    session.emit('will-download', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('web contents: navigation, windows, webviews', () => {
  function hardened(): FakeWebContents {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    return contents;
  }

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: blocks leaving app://otk', (name) => {
    const contents = hardened();
    for (const url of [
      'https://example.org/',
      'file:///etc/passwd',
      'app://evil/',
      'app://otk.evil/',
      'app://otk@evil/',
      'app://otk:1/',
      'about:blank',
      'javascript:alert(1)',
    ]) {
      const event = fakeEvent(url);
      contents.emit(name, event);
      expect(event.defaultPrevented, url).toBe(true);
    }
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: allows in-app navigation', (name) => {
    const contents = hardened();
    for (const url of ['app://otk/index.html', 'app://otk/', 'app://otk/index.html#/cases/1']) {
      const event = fakeEvent(url);
      contents.emit(name, event);
      expect(event.defaultPrevented, url).toBe(false);
    }
  });

  it('denies every new window, in-app or not', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://otk/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'app://otk/index.html' });
    expect(event.defaultPrevented).toBe(true);
  });
});
