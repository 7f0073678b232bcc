import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { bookFirstOption, recordAndRoute, recordRecommendation } from './support/lifecycle-page';
import { finnishDate, pageNow } from './support/clock';

/**
 * Issue 18 (13): Swedish screens wrote dates as 2026-12-07 while their forms asked for dd.mm.åååå.
 * Finland-Swedish practice is 7.12.2026: in the UI, in letters, agendas, summaries and the audit
 * log, and typed into date fields. The session's clock starts on Monday 23.11.2026 (support/clock).
 */
const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
});

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const TODAY = '23.11.2026';

async function go(hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

/** The main region's visible text once `ready` shows: it holds `expected` and no yyyy-mm-dd date. */
async function expectSwedishDates(ready: string | RegExp, ...expected: string[]): Promise<string> {
  const main = page.locator('#main');
  await main.getByText(ready).first().waitFor();
  const text = await main.innerText();
  expect(text, 'a yyyy-mm-dd date on screen').not.toMatch(ISO_DATE);
  for (const date of expected) expect(text).toContain(date);
  return text;
}

describe('dates in Swedish', () => {
  it('reads d.M.yyyy on the case, the work list, the letter, the home screen, the agenda, the audit log and the summaries, and takes it typed', { timeout: 240_000 }, async () => {
    const { code, hash } = await recordAndRoute(page, { question: 'Hur stöder vi skolgången?', themes: ['Neuropsykiatrinen oireilu'] });
    await bookFirstOption(page, code, hash);
    const agenda = (await page.getByRole('link', { name: 'Avaa asialista' }).getAttribute('href'))!;
    await recordRecommendation(page, code, hash, { summary: 'Skolgången och stödet i vardagen.', items: ['Ett gemensamt möte med skolan.'], language: 'Svenska', followUp: '7.12.2026' });

    await page.getByRole('button', { name: /Kieli: Suomi/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska' }).click();
    await page.getByRole('heading', { name: 'Konsultationsförfrågningar', exact: true }).or(page.locator('#case-heading')).first().waitFor();

    await go(hash);
    const caseText = await expectSwedishDates(code, TODAY, '7.12.2026');
    expect(caseText).toMatch(/23\.11\.2026 \d{2}\.\d{2}/);

    await go('#/cases');
    await expectSwedishDates(code, TODAY);
    // A date typed the Finland-Swedish way filters the list, and the field keeps it that way.
    const from = page.getByLabel('Mottagen från', { exact: true });
    await from.fill(TODAY);
    await from.press('Tab');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('from=2026-11-23');
    await page.locator('table.otk-table', { hasText: code }).waitFor();
    expect(await page.getByLabel('Mottagen från', { exact: true }).inputValue()).toBe(TODAY);

    // The letter is dated the day it is written: after the meeting (the page's clock moved past it).
    const written = finnishDate(await pageNow(page));
    await go(`${hash}/letter`);
    const letter = await expectSwedishDates(`Konsultationens rekommendation – ${code}`, written, 'Situationen följs upp 7.12.2026.');
    expect(letter).toMatch(/Konsultationen hölls \d{1,2}\.\d{1,2}\.2026\./);

    await go('#/');
    await expectSwedishDates(code, written);
    await go(agenda);
    await expectSwedishDates(code, '.2026');

    await go('#/audit');
    await expectSwedishDates(code, TODAY);

    await go('#/summaries');
    await expectSwedishDates('Nyckeltal', '11/2026');
    await page.getByRole('button', { name: 'Period' }).first().click();
    await page.getByRole('option', { name: 'Månad', exact: true }).click();
    expect(await page.getByRole('textbox', { name: 'Månad', exact: true }).inputValue()).toBe('11/2026');
  });
});
