import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

/** Flags from the handbook, plus precise memory info for the heap figure. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Debian's Chromium (or CHROMIUM_PATH) on a fresh profile folder that `close()` deletes. */
export async function launchBrowser() {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. The benchmark drives a real Chromium: install it with ` +
        '`sudo apt-get install -y chromium` (Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'otk-bench-'));
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'fi-FI',
      timezoneId: 'Europe/Helsinki',
    });
    return {
      context,
      profileDir,
      close: async () => {
        await context.close().catch(() => {});
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

/** The browser's version number, e.g. "156.0.8078.79". */
export async function browserVersion(page) {
  const session = await page.context().newCDPSession(page);
  try {
    const { product } = await session.send('Browser.getVersion');
    return product.split('/')[1] ?? product;
  } finally {
    await session.detach();
  }
}
