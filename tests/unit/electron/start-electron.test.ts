// @vitest-environment node
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Located = { status: 'found'; path: string } | { status: 'missing'; message: string };
type Installed = { ok: true } | { ok: false; output: string };

/** The exports of scripts/electron-runtime.mjs and scripts/dist.mjs. */
interface RuntimeMessages {
  downloadFailure(output: string): 'offline' | 'other';
  missingRuntimeMessage(purpose: 'start' | 'dist', output: string): string;
}
interface Dist {
  isProgressLine(line: string): boolean;
  failureMessage(code: number | null, output: string): string | null;
}

/** What Electron's installer prints on a machine without access to github.com (Node 20, fetch). */
const OFFLINE_OUTPUT = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)';

interface FakeChild extends EventEmitter {
  kill(signal: NodeJS.Signals): boolean;
}

/** The exports of scripts/start-electron.mjs (plain JavaScript, so typed here). */
interface StartElectron {
  locateElectron(deps: { resolve: () => string; install: () => Installed; log: (line: string) => void }): Located;
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
let runtime: RuntimeMessages;
let dist: Dist;
beforeAll(async () => {
  const load = (name: string) => import(/* @vite-ignore */ `../../../scripts/${name}.mjs`);
  script = (await load('start-electron')) as StartElectron;
  runtime = (await load('electron-runtime')) as RuntimeMessages;
  dist = (await load('dist')) as Dist;
});

const missing = (): string => {
  throw new Error('Cannot find the Electron binary');
};

describe('start-electron: finding the runtime', () => {
  it('uses an installed runtime without trying to download', () => {
    const install = vi.fn((): Installed => ({ ok: true }));
    const located = script.locateElectron({ resolve: () => '/e/electron', install, log: vi.fn() });
    expect(located).toEqual({ status: 'found', path: '/e/electron' });
    expect(install).not.toHaveBeenCalled();
  });

  it('downloads once when missing, then uses it', () => {
    const resolve = vi.fn<() => string>().mockImplementationOnce(missing).mockReturnValueOnce('/e/electron');
    const install = vi.fn((): Installed => ({ ok: true }));
    const log = vi.fn();
    expect(script.locateElectron({ resolve, install, log })).toEqual({
      status: 'found',
      path: '/e/electron',
    });
    expect(install).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledOnce();
  });

  it('explains in plain words, without the stack trace, and points to `npm run web` when the download fails', () => {
    const resolve = vi.fn(missing);
    const located = script.locateElectron({ resolve, install: () => ({ ok: false, output: OFFLINE_OUTPUT }), log: vi.fn() });
    expect(located.status).toBe('missing');
    if (located.status !== 'missing') return;
    expect(resolve).toHaveBeenCalledOnce();
    expect(located.message).toContain("cannot reach Electron's download server (github.com)");
    expect(located.message).toContain('npm run web');
    expect(located.message).not.toContain('fetch failed');
    expect(located.message).not.toContain('Node.js');
  });

  it('still explains when the installer claims success but no binary appears', () => {
    const located = script.locateElectron({ resolve: missing, install: () => ({ ok: true }), log: vi.fn() });
    expect(located.status).toBe('missing');
  });

  it('tells a network failure from another one, and quotes the installer’s own last words for the other', () => {
    expect(runtime.downloadFailure(OFFLINE_OUTPUT)).toBe('offline');
    expect(runtime.downloadFailure('RequestError: getaddrinfo ENOTFOUND github.com')).toBe('offline');
    expect(runtime.downloadFailure('Error: EACCES: permission denied, mkdir /x')).toBe('other');
    const message = runtime.missingRuntimeMessage('start', 'Error: EACCES: permission denied, mkdir /x\n    at foo (x.js:1:1)');
    expect(message).toContain('downloading it failed: Error: EACCES: permission denied, mkdir /x.');
    expect(message).not.toContain('at foo');
  });
});

describe('dist: electron-builder without the runtime', () => {
  it('shows progress lines and replaces a download failure with the plain explanation', () => {
    expect(dist.isProgressLine('  • packaging       platform=linux arch=x64')).toBe(true);
    expect(dist.isProgressLine('  • ')).toBe(false);
    expect(dist.isProgressLine('    at ClientRequest.<anonymous> (got/index.js:970:111)')).toBe(false);
    const message = dist.failureMessage(1, '  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous>');
    expect(message).toContain('The installers cannot be built');
    expect(message).not.toContain('stackTrace');
    expect(message).not.toContain('npm run web');
    expect(dist.failureMessage(0, 'anything')).toBeNull();
    expect(dist.failureMessage(2, '  ⨯ Cannot read icon')).toBe('⨯ Cannot read icon');
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
