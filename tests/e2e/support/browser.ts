import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { unlockApp } from './unlock';
import { e2eNow, pageNow } from './clock';

/**
 * A real Chromium with its own fresh profile folder, its clock on the test file's time line
 * (e2eNow). `restart()` closes the browser and starts it
 * again on the same profile — what a user's restart does to IndexedDB.
 */
export class BrowserSession {
  readonly profileDir = mkdtempSync(join(tmpdir(), 'otk-e2e-'));
  context!: BrowserContext;
  page!: Page;
  /** Where the page's clock starts after a restart: the time the last page had reached (or one given). */
  private restartAt: Date | null = null;
  /** Uncaught errors of the app's pages: any one fails the test when the session closes. */
  readonly pageErrors: string[] = [];
  /** Content-Security-Policy and Trusted Types violations Chromium reported: any one fails the test too. */
  readonly policyViolations: string[] = [];

  /**
   * Opens the app (the suite's preview server, or `url`); unless `locked`, also gets past the lock
   * screen (sets up the synthetic coordinator on a new profile folder, unlocks it later), as every
   * feature test needs.
   */
  async start(options: { locked?: boolean; beforeOpen?: (page: Page) => Promise<void>; url?: string } = {}): Promise<Page> {
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'fi-FI',
      timezoneId: 'Europe/Helsinki',
    });
    // Playwright's clock: the app's Date starts at a fixed moment and runs on; timers run as usual.
    await this.context.clock.install({ time: this.restartAt ?? e2eNow() });
    // Waits poll for what the user would see; on a busy 2-core machine that can take a while.
    this.context.setDefaultTimeout(60_000);
    // The print dialog would hold the page ("Page is already being printed" for page.pdf()): the test
    // counts the app's calls instead, and checks the print view with print media emulation.
    await this.context.addInitScript(() => {
      const counted = window as unknown as { __otkPrints: number };
      counted.__otkPrints = 0;
      window.print = () => void counted.__otkPrints++;
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.on('pageerror', (error) => this.pageErrors.push(error.stack ?? error.message));
    this.page.on('console', (message) => {
      if (message.type() === 'error' && isPolicyViolation(message.text())) this.policyViolations.push(message.text());
    });
    await options.beforeOpen?.(this.page);
    await this.page.goto(options.url ?? inject('baseURL'));
    if (!options.locked) await unlockApp(this.page);
    return this.page;
  }

  /** Closes the browser and starts it on the same profile; its clock goes on from where it was, or from `clockAt`. */
  async restart(options: { locked?: boolean; clockAt?: Date } = {}): Promise<Page> {
    this.restartAt = options.clockAt ?? (await pageNow(this.page));
    await this.context.close();
    return this.start(options);
  }

  async close(): Promise<void> {
    await this.context?.close();
    rmSync(this.profileDir, { recursive: true, force: true });
    if (this.pageErrors.length > 0) throw new Error(`the app threw ${this.pageErrors.length} uncaught error(s):\n${this.pageErrors.join('\n')}`);
    if (this.policyViolations.length > 0) {
      throw new Error(`the page broke its Content-Security-Policy ${this.policyViolations.length} time(s):\n${this.policyViolations.join('\n')}`);
    }
  }
}

/**
 * Chromium's console error for a blocked inline style or script, eval, a blocked resource or a
 * Trusted Types sink ("… violates the following Content Security Policy directive …",
 * "This document requires 'TrustedHTML' assignment …").
 */
export function isPolicyViolation(text: string): boolean {
  return /Content Security Policy|requires 'Trusted(HTML|Script|ScriptURL)'|Trusted Type/i.test(text);
}

/** How often the app opened the print dialog on this page (window.print is counted, not run). */
export async function printCalls(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __otkPrints: number }).__otkPrints);
}
