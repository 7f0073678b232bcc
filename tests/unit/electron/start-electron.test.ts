// @vitest-environment node
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Located = { status: 'found'; path: string } | { status: 'missing'; message: string };

interface FakeChild extends EventEmitter {
  kill(signal: NodeJS.Signals): boolean;
}

/** The exports of scripts/start-electron.mjs (plain JavaScript, so typed here). */
interface StartElectron {
  locateElectron(deps: {
    resolve: () => string;
    install: () => boolean;
    nodeVersion: string;
    log: (line: string) => void;
  }): Located;
  missingRuntimeMessage(nodeVersion: string): string;
  isTooOldForInstaller(version: string): boolean;
  exitCodeFor(code: number | null, signal: NodeJS.Signals | null): number;
  launchElectron(
    binary: string,
    deps: {
      spawn: (command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) => FakeChild;
      onSignal: (signal: NodeJS.Signals, handler: () => void) => void;
      exit: (code: number) => void;
      cwd?: string;
    },
  ): FakeChild;
}

let script: StartElectron;
beforeAll(async () => {
  const path = '../../../scripts/start-electron.mjs';
  script = (await import(/* @vite-ignore */ path)) as StartElectron;
});

const missing = (): string => {
  throw new Error('Cannot find the Electron binary');
};

describe('start-electron: finding the runtime', () => {
  it('uses an installed runtime without trying to download', () => {
    const install = vi.fn(() => true);
    const located = script.locateElectron({ resolve: () => '/e/electron', install, nodeVersion: '22.12.0', log: vi.fn() });
    expect(located).toEqual({ status: 'found', path: '/e/electron' });
    expect(install).not.toHaveBeenCalled();
  });

  it('downloads once when missing, then uses it', () => {
    const resolve = vi.fn<() => string>().mockImplementationOnce(missing).mockReturnValueOnce('/e/electron');
    const install = vi.fn(() => true);
    const log = vi.fn();
    expect(script.locateElectron({ resolve, install, nodeVersion: '22.12.0', log })).toEqual({
      status: 'found',
      path: '/e/electron',
    });
    expect(install).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledOnce();
  });

  it('explains and points to `npm run web` when the download fails', () => {
    const resolve = vi.fn(missing);
    const located = script.locateElectron({ resolve, install: () => false, nodeVersion: '22.12.0', log: vi.fn() });
    expect(located.status).toBe('missing');
    if (located.status !== 'missing') return;
    expect(resolve).toHaveBeenCalledOnce();
    expect(located.message).toContain('The Electron runtime could not be obtained on this machine');
    expect(located.message).toContain('no internet access');
    expect(located.message).toContain('npm run web');
    expect(located.message).not.toContain('Node.js 22.12');
  });

  it('still explains when the installer claims success but no binary appears', () => {
    const located = script.locateElectron({ resolve: missing, install: () => true, nodeVersion: '24.1.0', log: vi.fn() });
    expect(located.status).toBe('missing');
  });

  it('names the Node version the installer needs when this one is older', () => {
    expect(script.missingRuntimeMessage('20.20.2')).toContain('needs Node.js 22.12 or newer; this is Node.js 20.20.2');
    expect(script.missingRuntimeMessage('22.11.9')).toContain('22.12');
    expect(script.isTooOldForInstaller('22.12.0')).toBe(false);
    expect(script.isTooOldForInstaller('23.0.0')).toBe(false);
    expect(script.isTooOldForInstaller('22.11.0')).toBe(true);
    expect(script.isTooOldForInstaller('8.99.0')).toBe(true);
  });
});

describe('start-electron: running it', () => {
  function launch() {
    const child = Object.assign(new EventEmitter(), { kill: vi.fn((_signal: NodeJS.Signals) => true) });
    const spawn = vi.fn((_command: string, _args: string[], _options: { cwd: string; env: NodeJS.ProcessEnv }) => child);
    const signals = new Map<NodeJS.Signals, () => void>();
    const exit = vi.fn<(code: number) => void>();
    script.launchElectron('/e/electron', {
      spawn,
      onSignal: (signal, handler) => signals.set(signal, handler),
      exit,
      cwd: '/project',
    });
    return { child, spawn, signals, exit };
  }

  it('starts Electron on the project directory, never as plain Node', () => {
    vi.stubEnv('ELECTRON_RUN_AS_NODE', '1');
    const { spawn } = launch();
    vi.unstubAllEnvs();
    expect(spawn).toHaveBeenCalledOnce();
    const [command, args, options] = spawn.mock.calls[0] ?? [];
    expect(command).toBe('/e/electron');
    expect(args).toEqual(['.']);
    expect(options?.cwd).toBe('/project');
    expect(options?.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
  });

  it('forwards termination signals while Electron runs, not after', () => {
    const { child, signals } = launch();
    signals.get('SIGTERM')?.();
    signals.get('SIGINT')?.();
    expect(child.kill.mock.calls).toEqual([['SIGTERM'], ['SIGINT']]);
    child.emit('close', 0, null);
    signals.get('SIGTERM')?.();
    expect(child.kill).toHaveBeenCalledTimes(2);
  });

  it('leaves with Electron’s exit code, or 128 + signal number', () => {
    const first = launch();
    first.child.emit('close', 3, null);
    expect(first.exit).toHaveBeenCalledWith(3);
    const second = launch();
    second.child.emit('close', null, 'SIGTERM');
    expect(second.exit).toHaveBeenCalledWith(128 + constants.signals.SIGTERM);
    expect(script.exitCodeFor(0, null)).toBe(0);
    expect(script.exitCodeFor(null, null)).toBe(1);
  });

  it('exits with 1 when the binary cannot be spawned', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { child, exit } = launch();
    child.emit('error', new Error('EACCES'));
    expect(exit).toHaveBeenCalledWith(1);
    consoleError.mockRestore();
  });
});
