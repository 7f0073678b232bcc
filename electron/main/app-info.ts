import type { App } from 'electron';
import type { BridgeResult } from '../../shared/bridge/contract';

export type AppInfoSource = Pick<App, 'getName' | 'getVersion' | 'getPath'>;

export function getAppInfo(app: AppInfoSource, platform: string): BridgeResult<'appInfo'> {
  return {
    name: app.getName(),
    version: app.getVersion(),
    shell: 'electron',
    platform,
    dataLocation: app.getPath('userData'),
  };
}
