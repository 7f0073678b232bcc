import type { Page } from 'playwright-core';

/**
 * Every browser session of the end-to-end suite starts at this moment (Playwright's clock; time then
 * runs on as usual): Monday 23.11.2026 12:00 in Helsinki, the unit tests' NOW. The suite never reads
 * the machine's date, so it passes on any day the machine thinks it is.
 */
export const E2E_START = new Date('2026-11-23T10:00:00Z');

/** The page's "now": the app's clock as the page sees it. */
export async function pageNow(page: Page): Promise<Date> {
  // The page's Date is Playwright's clock, not the machine's.
  // eslint-disable-next-line no-restricted-syntax
  return new Date(await page.evaluate(() => Date.now()));
}

/** d.m.yyyy in Helsinki, as the Finnish UI shows dates. */
export function finnishDate(at: Date): string {
  return new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki' }).format(at);
}
