import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ElectronApplication, Page } from 'playwright-core';
import type * as Fuses from '../../scripts/fuses.mjs';
import { E2E_PASSPHRASE, unlockApp } from '../e2e/support/unlock';
import { goToList, listTable, recordRequest } from '../e2e/support/intake-page';
import { AS_ROOT, freshUserData, launchApp, PROJECT_DIR, SANDBOX_ARGS, SMOKE, startRefused } from './support/launch';

/**
 * The desktop app in the real Electron runtime: what the mocked-electron unit tests cannot show.
 * Run by `npm run test:electron` (scripts/test-electron.mjs), which finds the runtime, builds, packages
 * into SMOKE.release and sets SMOKE.*; without a runtime it says so and never gets here.
 */
const ready = SMOKE.binary !== '' && existsSync(SMOKE.binary);
const userData = freshUserData();
const QUESTION = 'Miten tukea nuorta, jonka koulunkäynti on katkennut? (sähkö-savutesti)';
let app: ElectronApplication | undefined;
let page: Page;
let code = '';

afterAll(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

/** Writes a PNG of the window into the artifacts folder and checks it is one. */
async function screenshot(name: string): Promise<string> {
  mkdirSync(SMOKE.artifacts, { recursive: true });
  const path = join(SMOKE.artifacts, `${name}.png`);
  await page.screenshot({ path });
  expect(readFileSync(path).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return path;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!ready)('the desktop app in the real Electron runtime', () => {
  it('opens locked from app://otk, sandboxed, with the bridge; the page is served with a fresh CSP nonce', async () => {
    ({ app, page } = await launchApp(userData));
    await page.locator('#setup-name').waitFor({ timeout: 60_000 });
    await screenshot('1-lock-screen');
    expect(page.url()).toBe('app://otk/index.html');
    const shell = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { otkBridge?: object }).otkBridge ?? {}).sort(),
      node: typeof (window as unknown as { process?: unknown }).process + typeof (window as unknown as { require?: unknown }).require,
    }));
    expect(shell).toEqual({ bridge: ['appInfo', 'openFile', 'printToPdf', 'saveFile'], node: 'undefinedundefined' });

    const served = await page.evaluate(async () => {
      const response = await fetch('app://otk/index.html');
      const traversal = await fetch('app://otk/..%2fpackage.json');
      return { status: response.status, csp: response.headers.get('content-security-policy') ?? '', body: await response.text(), traversal: traversal.status };
    });
    expect(served.status).toBe(200);
    expect(served.traversal).toBe(400);
    const nonce = /'nonce-([^']+)'/.exec(served.csp)?.[1] ?? '';
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(served.body).toContain(`nonce="${nonce}"`);
    expect(served.body).not.toContain('otk-csp-nonce-placeholder');
    // styled-components' rules live in <style> elements carrying the page's own nonce.
    const styles = await page.evaluate(() => Array.from(document.querySelectorAll('style'), (style) => style.sheet?.cssRules.length ?? -1));
    expect(styles.length).toBeGreaterThan(0);
    expect(Math.min(...styles)).toBeGreaterThanOrEqual(0);

    const info = await page.evaluate(() => (window as unknown as { otkBridge: { appInfo(a: object): Promise<{ shell: string; dataLocation: string }> } }).otkBridge.appInfo({}));
    expect(info.shell).toBe('electron');
    expect(info.dataLocation.startsWith(userData)).toBe(true);
  });

  it('sets up the first coordinator, saves a case, and finds it after a restart', async () => {
    await unlockApp(page);
    code = await recordRequest(page, { question: QUESTION });
    await app?.close();
    ({ app, page } = await launchApp(userData));
    await page.locator('#unlock-passphrase').waitFor({ timeout: 60_000 });
    await unlockApp(page, E2E_PASSPHRASE);
    await goToList(page);
    await listTable(page).getByRole('row').filter({ hasText: code }).waitFor();
    await screenshot('2-after-restart');
  });

  it('saves through the native save dialog: the file is replaced whole, private, with no temporary left', async () => {
    const folder = join(userData, 'saved');
    mkdirSync(folder);
    const target = join(folder, 'tapahtumaloki.jsonl');
    writeFileSync(target, 'old contents that must disappear whole');
    const before = statSync(target).ino;
    // The only stand-in: the OS dialog answers with `target`, as a user choosing it would.
    await app?.evaluate(({ dialog }, chosen) => {
      const calls: unknown[] = [];
      (globalThis as { __otkSaveDialogs?: unknown[] }).__otkSaveDialogs = calls;
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        calls.push(args.length);
        return { canceled: false, filePath: chosen };
      }) as typeof dialog.showSaveDialog;
    }, target);

    await page.evaluate(() => (window.location.hash = '#/audit'));
    await page.getByRole('button', { name: 'Vie loki (JSON Lines)' }).click();
    await page.getByText(/^Loki viety \(\d+ tapahtumaa\)/).waitFor();

    expect(await app?.evaluate(() => (globalThis as { __otkSaveDialogs?: unknown[] }).__otkSaveDialogs)).toEqual([2]);
    const written = readFileSync(target, 'utf8');
    expect(written).not.toContain('old contents');
    const events = written.trim().split('\n').map((line) => JSON.parse(line) as { action: string });
    expect(events.map((event) => event.action)).toContain('consultation.create');
    expect(written).not.toContain(QUESTION);
    expect(statSync(target).ino).not.toBe(before); // renamed over, not written in place
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['tapahtumaloki.jsonl']);
  });
});

describe.skipIf(!ready)('the packaged app', () => {
  /** The packaged binary electron-builder --dir made for this platform (scripts/test-electron.mjs). */
  async function packaged(): Promise<{ path: string; fuses: typeof Fuses; configText: string; names: Fuses.BinaryNames }> {
    const script = 'fuses';
    const fuses = (await import(/* @vite-ignore */ `../../scripts/${script}.mjs`)) as typeof Fuses;
    const configText = readFileSync(join(PROJECT_DIR, 'electron-builder.yml'), 'utf8');
    const names = fuses.binaryNames(configText, JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { name: string });
    const binary = fuses.packagedBinaries(SMOKE.release, names).find((each) => each.platform === process.platform);
    if (!binary) throw new Error(`no packaged app for ${process.platform} under ${SMOKE.release}`);
    const path = process.platform === 'darwin' ? join(binary.path, 'Contents', 'MacOS', names.productName) : binary.path;
    return { path, fuses, configText, names };
  }

  it('has the fuses electron-builder.yml sets, read back from the binary', async () => {
    const { fuses, configText, names } = await packaged();
    const result = await fuses.checkFuses({ releaseDir: SMOKE.release, configText, names });
    console.log(result.lines.join('\n'));
    expect(result).toMatchObject({ ok: true, code: 0 });
  });

  it.each([
    ['--remote-debugging-port', true],
    ['--remote-debugging-pipe', false],
    ['--inspect=0', false],
    ['--inspect-brk=0', false],
    ['--no-sandbox', false],
  ])('refuses to start with %s, before any window exists', async (flag, withPort) => {
    const { path } = await packaged();
    const port = withPort ? await freePort() : undefined;
    const argument = port === undefined ? flag : `${flag}=${port}`;
    const data = freshUserData();
    try {
      const extra = AS_ROOT && flag !== '--no-sandbox' ? SANDBOX_ARGS : [];
      const refusal = await startRefused(path, [argument, ...extra, `--user-data-dir=${data}`], { userData: data, port });
      const name = flag.split('=')[0] ?? flag;
      expect(refusal.stderr).toMatch(new RegExp(`refused to start with .*${name}( |$)`, 'm'));
      // Windows and macOS refuse before ready: Chromium has not opened the port at all.
      if (withPort && process.platform !== 'linux') expect(refusal.targets).toBe('unreachable');
      // Nothing to attach to: the DevTools endpoint, if it answered at all, lists no page.
      if (refusal.targets !== null && refusal.targets !== 'unreachable') {
        expect(refusal.targets.filter((target) => target.type === 'page' || target.url.startsWith('app:'))).toEqual([]);
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
