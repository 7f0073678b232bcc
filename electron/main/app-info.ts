import type { App } from 'electron';
import type { BridgeResult } from '../../shared/bridge/contract';

export type AppInfoSource = Pick<App, 'getName' | 'getVersion' | 'getPath'>;

/** The part of Electron's safeStorage that tells whether a real OS key store is behind it. */
export interface KeyStoreSource {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text' means no keyring, secrets would be stored with a fixed key. */
  getSelectedStorageBackend?(): string;
}

export function keyStoreOf(safeStorage: KeyStoreSource, platform: string): BridgeResult<'appInfo'>['keyStore'] {
  if (!safeStorage.isEncryptionAvailable()) return 'plain';
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    return backend === 'basic_text' || backend === 'unknown' ? 'plain' : 'os';
  }
  return 'os';
}

export function getAppInfo(app: AppInfoSource, platform: string, safeStorage?: KeyStoreSource): BridgeResult<'appInfo'> {
  return {
    name: app.getName(),
    version: app.getVersion(),
    shell: 'electron',
    platform,
    dataLocation: app.getPath('userData'),
    keyStore: safeStorage ? keyStoreOf(safeStorage, platform) : 'plain',
  };
}
