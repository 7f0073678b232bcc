import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertChromium, CHROMIUM_ARGS as BASE_ARGS } from '../../support/chromium.mjs';

/** The shared flags, plus precise memory info for the heap figure. */
export const CHROMIUM_ARGS = [...BASE_ARGS, '--enable-precise-memory-info'];

/** Debian's Chromium (or CHROMIUM_PATH) on a fresh profile folder that `close()` deletes. */
export async function launchBrowser() {
  const executablePath = assertChromium('The benchmark drives');
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
