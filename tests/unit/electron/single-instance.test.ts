// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from '../../../electron/main/single-instance';
import { mainWindowOptions } from '../../../electron/main/window';
import { createFakeElectron } from './fake-electron';

describe('single-instance lock', () => {
  it('quits when another instance holds the lock', () => {
    const { app } = createFakeElectron({ lockObtained: false });
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps running with the lock and brings the window forward on a second launch', () => {
    const electron = createFakeElectron({ lockObtained: true });
    const window = new electron.BrowserWindow(mainWindowOptions('/p.cjs', false));
    window.minimized = true;
    expect(claimSingleInstance(electron.app, () => window)).toBe(true);
    expect(electron.app.quitCalls).toBe(0);
    electron.app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(1);
  });

  it('ignores a second launch before the window exists', () => {
    const { app } = createFakeElectron();
    claimSingleInstance(app, () => null);
    expect(() => app.emit('second-instance')).not.toThrow();
  });
});
