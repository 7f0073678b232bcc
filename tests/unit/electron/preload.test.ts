// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, BRIDGE_METHODS, channelFor } from '../../../shared/bridge/methods';
import { createFakeElectron, type FakeElectron } from './fake-electron';

/** Runs electron/preload/index.ts afresh against a new fake `electron` module. */
async function loadPreload(): Promise<FakeElectron> {
  const electron = createFakeElectron();
  vi.doMock('electron', () => electron);
  await import('../../../electron/preload/index');
  return electron;
}

beforeEach(() => {
  vi.resetModules();
});

describe('preload', () => {
  it(`exposes exactly the bridge methods, and only them, as window.${BRIDGE_GLOBAL}`, async () => {
    const { contextBridge } = await loadPreload();
    expect([...contextBridge.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    const api = contextBridge.exposed.get(BRIDGE_GLOBAL) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_METHODS].sort());
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'chooseBackupFolder', 'closeBackupFile', 'deleteBackupFile', 'listBackupFiles', 'openBackupFile', 'openFile', 'printToPdf', 'readBackupFile', 'readBackupPart', 'saveFile', 'writeBackupPart']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('routes each method to its own channel with exactly one argument', async () => {
    const { contextBridge, ipcRenderer } = await loadPreload();
    const api = contextBridge.exposed.get(BRIDGE_GLOBAL) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of BRIDGE_METHODS) {
      const args = { method };
      await expect(api[method]?.(args, 'smuggled second argument')).resolves.toEqual({ channel: channelFor(method) });
      expect(ipcRenderer.invocations.at(-1)).toEqual({ channel: channelFor(method), args: [args] });
    }
    expect(ipcRenderer.invocations.map((call) => call.channel)).toEqual([
      'otk:appInfo',
      'otk:saveFile',
      'otk:openFile',
      'otk:printToPdf',
      'otk:chooseBackupFolder',
      'otk:writeBackupPart',
      'otk:readBackupPart',
      'otk:listBackupFiles',
      'otk:deleteBackupFile',
      'otk:openBackupFile',
      'otk:readBackupFile',
      'otk:closeBackupFile',
    ]);
  });

  it('imports nothing at run time but electron and the method names (no zod in the sandbox)', async () => {
    const source = await readFile(new URL('../../../electron/preload/index.ts', import.meta.url), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]);
    expect(runtimeImports.sort()).toEqual(['../../shared/bridge/methods', 'electron']);
    expect(source).not.toMatch(/^import\s+'/m);
    expect(source).not.toMatch(/\brequire\(|\bimport\(/);
  });
});
