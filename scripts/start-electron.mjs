#!/usr/bin/env node
// What `npm start` runs after the build: the desktop app in the Electron runtime, or, when that
// runtime cannot be had on this machine, a plain explanation and the way to run the same app in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingRuntimeMessage } from './electron-runtime.mjs';

const require = createRequire(import.meta.url);
const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {{ status: 'found', path: string } | { status: 'missing', message: string }} Located
 * @typedef {{ ok: true } | { ok: false, output: string }} Installed
 * @param {{ resolve: () => string, install: () => Installed, log: (line: string) => void }} deps
 *   resolve returns the binary's path or throws when it is missing; install tries the download once
 *   and returns what it printed when it failed.
 * @returns {Located}
 */
export function locateElectron({ resolve, install, log }) {
  const tryResolve = () => {
    try {
      return resolve();
    } catch {
      return null;
    }
  };
  const installed = tryResolve();
  if (installed) return { status: 'found', path: installed };

  log('The Electron runtime is not installed yet; trying to download it once.');
  const attempt = install();
  const downloaded = attempt.ok ? tryResolve() : null;
  if (downloaded) return { status: 'found', path: downloaded };
  return { status: 'missing', message: missingRuntimeMessage('start', attempt.ok ? 'the installer ended without a runtime' : attempt.output) };
}

/**
 * The binary path from `require('electron')`, or a throw when the runtime is missing.
 * require('electron') would itself start a download when the binary is absent, so that case is
 * detected first from the files its installer leaves (path.txt and dist/): one download attempt, ours.
 */
export function resolveInstalledElectron() {
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const electronDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(electronDir, 'path.txt');
    if (!existsSync(pathFile) || !existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))) {
      throw new Error('The Electron runtime is not installed.');
    }
  }
  const binary = require('electron');
  if (typeof binary !== 'string' || !existsSync(binary)) throw new Error('The Electron runtime is not installed.');
  return binary;
}

/**
 * Runs `node node_modules/electron/install.js` once. Its output is kept, not shown: a failed download
 * prints a stack trace, which the caller turns into a plain explanation.
 * @returns {{ ok: true } | { ok: false, output: string }}
 */
export function runElectronInstaller() {
  const installer = require.resolve('electron/install.js');
  const result = spawnSync(process.execPath, [installer], { encoding: 'utf8', cwd: dirname(installer), timeout: 10 * 60_000 });
  if (result.status === 0) return { ok: true };
  return { ok: false, output: `${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error?.message ?? ''}` };
}

/**
 * The exit code to leave with once Electron has ended: its own, or 128 + the signal's number.
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 */
export function exitCodeFor(code, signal) {
  if (code !== null) return code;
  const number = signal ? constants.signals[signal] : undefined;
  return number === undefined ? 1 : 128 + number;
}

export const FORWARDED_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * Starts Electron on the project directory, passes our termination signals on to it and leaves
 * with its exit code.
 * @param {string} binary
 * @param {{ spawn?: typeof spawn, onSignal?: (signal: NodeJS.Signals, handler: () => void) => void,
 *           exit?: (code: number) => void, cwd?: string }} [deps]
 */
export function launchElectron(binary, deps = {}) {
  const start = deps.spawn ?? spawn;
  const onSignal = deps.onSignal ?? ((signal, handler) => process.on(signal, handler));
  const exit = deps.exit ?? ((code) => process.exit(code));
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn Electron into plain Node

  const child = start(binary, ['.'], { cwd: deps.cwd ?? projectDir, stdio: 'inherit', env, windowsHide: false });
  let ended = false;
  for (const signal of FORWARDED_SIGNALS) {
    onSignal(signal, () => {
      if (!ended) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    ended = true;
    console.error(`Electron could not be started: ${error.message}`);
    exit(1);
  });
  child.on('close', (code, signal) => {
    ended = true;
    exit(exitCodeFor(code, signal));
  });
  return child;
}

export function main() {
  if (!existsSync(join(projectDir, 'out', 'main', 'index.js'))) {
    console.error('The app has not been built yet (out/main/index.js is missing). Build it first: `npx electron-vite build`.');
    return 1;
  }
  const located = locateElectron({
    resolve: resolveInstalledElectron,
    install: runElectronInstaller,
    log: (line) => console.log(line),
  });
  if (located.status === 'missing') {
    console.error(located.message);
    return 1;
  }
  launchElectron(located.path);
  return undefined;
}

function isEntryPoint() {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const code = main();
  if (code !== undefined) process.exitCode = code;
}
