import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

/** What scripts/test-electron.mjs hands over: the runtime, and where the packaged app and screenshots go. */
export const SMOKE = {
  binary: process.env.OTK_ELECTRON_BINARY ?? '',
  release: process.env.OTK_SMOKE_RELEASE ?? '',
  artifacts: process.env.OTK_SMOKE_ARTIFACTS ?? '',
};

export const PROJECT_DIR = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Chromium will not run as root with its sandbox (containers, CI): there, every launch adds
 * --no-sandbox. The packaged app refuses that switch, so as root each refusal test names another
 * switch beside it and checks that one is named.
 */
export const AS_ROOT = process.getuid?.() === 0;
export const SANDBOX_ARGS = AS_ROOT ? ['--no-sandbox'] : [];

/** A fresh folder for the app's data (userData and Chromium's profile). */
export function freshUserData(): string {
  return mkdtempSync(join(tmpdir(), 'otk-electron-'));
}

/** The environment of every launch: the app's data in `userData`, no inherited Electron switches. */
export function launchEnv(userData: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.NODE_OPTIONS;
  env.XDG_CONFIG_HOME = userData;
  return env;
}

/**
 * The built app (out/, as `npm start` runs it) in the real runtime, driven by Playwright's Electron
 * launcher. The packaged app cannot be driven like this, by design: its fuses ignore --inspect and
 * it refuses --remote-debugging-port, which the launcher needs.
 */
export async function launchApp(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await _electron.launch({
    executablePath: SMOKE.binary,
    args: [...SANDBOX_ARGS, `--user-data-dir=${userData}`, PROJECT_DIR],
    cwd: PROJECT_DIR,
    env: launchEnv(userData),
    timeout: 120_000,
  });
  const page = await app.firstWindow();
  return { app, page };
}

export interface Refusal {
  stderr: string;
  /** What the DevTools endpoint listed while the refusal stood (only with --remote-debugging-port). */
  targets: { type: string; url: string }[] | 'unreachable' | null;
}

/**
 * Starts the packaged binary with `args`, waits until it says it refuses to start (its error dialog
 * then waits for a click, so the process is ended here), and for a DevTools port asks what it lists.
 */
export async function startRefused(binary: string, args: string[], options: { userData: string; port?: number }): Promise<Refusal> {
  // fds 3 and 4 exist, as --remote-debugging-pipe expects.
  const child = spawn(binary, args, { env: launchEnv(options.userData), stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no refusal within 60 s; stderr:\n${stderr}`)), 60_000);
      const check = () => {
        if (/refused to start with/.test(stderr)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stderr?.on('data', check);
      child.on('exit', (code) => {
        check();
        clearTimeout(timer);
        if (/refused to start with/.test(stderr)) resolve();
        else reject(new Error(`exited with ${code} without a refusal; stderr:\n${stderr}`));
      });
    });
    let targets: Refusal['targets'] = null;
    if (options.port !== undefined) {
      targets = await fetch(`http://127.0.0.1:${options.port}/json/list`)
        .then((response) => response.json() as Promise<{ type: string; url: string }[]>)
        .catch(() => 'unreachable' as const);
    }
    return { stderr, targets };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}
