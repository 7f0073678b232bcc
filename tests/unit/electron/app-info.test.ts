// @vitest-environment node
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bridgeContract } from '../../../shared/bridge/contract';
import { getAppInfo, keyStoreOf } from '../../../electron/main/app-info';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/app-url';
import { buildPaths } from '../../../electron/main/paths';
import { createFakeElectron } from './fake-electron';

describe('appInfo', () => {
  it('reports name, version, shell, platform and where the data lives, within the contract', () => {
    const { app } = createFakeElectron({ paths: { userData: '/home/u/.config/OT-keskus konsultaatiot' } });
    const info = getAppInfo(app, 'linux');
    expect(info).toEqual({
      name: 'OT-keskus konsultaatiot',
      version: '0.1.0',
      shell: 'electron',
      platform: 'linux',
      dataLocation: '/home/u/.config/OT-keskus konsultaatiot',
      keyStore: 'plain',
    });
    expect(bridgeContract.appInfo.result.safeParse(info).success).toBe(true);
  });

  it('says whether the OS offers a real key store (Linux without a keyring does not)', () => {
    const available = (backend?: string) => ({ isEncryptionAvailable: () => true, getSelectedStorageBackend: () => backend ?? 'unknown' });
    expect(keyStoreOf(available('gnome_libsecret'), 'linux')).toBe('os');
    expect(keyStoreOf(available('kwallet5'), 'linux')).toBe('os');
    expect(keyStoreOf(available('basic_text'), 'linux')).toBe('plain');
    expect(keyStoreOf({ isEncryptionAvailable: () => true }, 'win32')).toBe('os');
    expect(keyStoreOf({ isEncryptionAvailable: () => false }, 'darwin')).toBe('plain');
  });
});

describe('build paths', () => {
  it('finds the CommonJS preload and the renderer next to out/main', () => {
    const out = join('/opt', 'otk', 'resources', 'app.asar', 'out');
    const paths = buildPaths(pathToFileURL(join(out, 'main', 'index.js')).href);
    expect(paths).toEqual({ preload: join(out, 'preload', 'index.cjs'), renderer: join(out, 'renderer') });
  });
});

describe('isAppUrl', () => {
  it('accepts app://otk only', () => {
    expect(APP_ENTRY_URL).toBe('app://otk/index.html');
    expect(isAppUrl('app://otk/')).toBe(true);
    expect(isAppUrl('app://otk/index.html?x#y')).toBe(true);
    for (const url of ['app://otk.evil/', 'app://evil/', 'app://otk@evil/', 'app://u:p@otk/', 'app://otk:99/', 'https://otk/', 'otk', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
