import type { Page } from 'playwright-core';
import { helsinkiInstant } from '../../../shared/calendar/helsinki-time';

/**
 * The end-to-end suite's time line starts at this moment: Monday 23.11.2026 12:00 in Helsinki, the
 * unit tests' NOW. The suite never reads the machine's date, so it passes on any day the machine
 * thinks it is.
 */
export const E2E_START = new Date('2026-11-23T10:00:00Z');

/** When this test file's time line began (a monotonic reading: elapsed time, not the date). */
const started = performance.now();

/**
 * "Now" on the test file's time line: E2E_START plus the real time elapsed since the file began.
 * Every browser session starts its clock here, so sessions started one after another (installations
 * exchanging files) agree on the time, as machines with synchronised clocks do.
 */
export function e2eNow(): Date {
  return new Date(E2E_START.getTime() + (performance.now() - started));
}

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

/**
 * The moment an hour after the meeting named in `text` began ("… 25.11.2026 … 9.00 …", as the
 * booking list and the case view show it), read in Finnish time.
 */
export function afterMeetingIn(text: string): Date {
  const date = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  const time = /\b(\d{1,2})[.:](\d{2})\b(?!\.\d{4})/.exec(text.slice((date?.index ?? 0) + (date?.[0].length ?? 0)));
  if (!date || !time) throw new Error(`no meeting date and time in: ${text}`);
  const iso = `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`;
  return new Date(helsinkiInstant(iso, `${time[1]!.padStart(2, '0')}:${time[2]}`).getTime() + 60 * 60_000);
}

/**
 * Moves each page's clock on to `at` (Playwright's clock): the days between pass without firing
 * timers, so the idle lock does not run; installations that exchange files move together.
 */
export async function moveClocks(pages: Page[], at: Date): Promise<void> {
  for (const page of pages) await page.clock.setSystemTime(at);
}
