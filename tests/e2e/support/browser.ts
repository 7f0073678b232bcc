import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { unlockApp } from './unlock';

/**
 * A real Chromium with its own fresh profile folder. `restart()` closes the browser and starts it
 * again on the same profile — what a user's restart does to IndexedDB.
 */
export class BrowserSession {
  readonly profileDir = mkdtempSync(join(tmpdir(), 'otk-e2e-'));
  context!: BrowserContext;
  page!: Page;

  /**
   * Opens the app; unless `locked`, also gets past the lock screen (sets up the synthetic
   * coordinator on a new profile folder, unlocks it later), as every feature test needs.
   */
  async start(options: { locked?: boolean; beforeOpen?: (page: Page) => Promise<void> } = {}): Promise<Page> {
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'fi-FI',
      timezoneId: 'Europe/Helsinki',
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.on('pageerror', (error) => console.error('page error:', error));
    await options.beforeOpen?.(this.page);
    await this.page.goto(inject('baseURL'));
    if (!options.locked) await unlockApp(this.page);
    return this.page;
  }

  async restart(options: { locked?: boolean } = {}): Promise<Page> {
    await this.context.close();
    return this.start(options);
  }

  async close(): Promise<void> {
    await this.context?.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
