import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './support/session';
import { E2E_START } from './support/clock';
import { recordRequest } from './support/intake-page';

const browser = useBrowserSession();
const DAY = 86_400_000;

/** The coordinator's screens, each with the heading that shows it has rendered. */
const SCREENS: Array<[string, string | RegExp]> = [
  ['#/', /^Tänään /],
  ['#/cases', 'Konsultaatiopyynnöt'],
  ['#/meetings', 'Konsultaatiokokoukset'],
  ['#/summaries', 'Toiminnan yhteenvedot'],
  ['#/exchange', 'Tietojen siirto asennusten välillä'],
  ['#/networks', 'Asiantuntijaverkostot'],
  ['#/what-if', 'Mihin pyyntö ohjautuisi?'],
  ['#/audit', 'Tapahtumaloki'],
  ['#/settings', 'Asetukset'],
  ['#/retention', 'Säilytysajat ja poistaminen'],
];

describe('a database written a year ago, opened with the clock a year ahead', () => {
  it('shows the old request overdue and every screen works', async () => {
    let page = browser.page();
    const code = await recordRequest(page, { question: 'Vuoden vanha synteettinen kysymys.' });
    page = await browser.restart({ clockAt: new Date(E2E_START.getTime() + 400 * DAY) });

    await page.getByRole('heading', { name: /^Tänään / }).waitFor();
    await expect.poll(() => page.getByTestId('home-count-overdue').innerText()).toBe('1');
    expect(await page.getByRole('main').innerText()).toContain(code);
    for (const [hash, heading] of SCREENS) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await page.getByRole('heading', { name: heading }).first().waitFor();
    }
    await page.evaluate(() => (window.location.hash = '#/cases'));
    await page.getByRole('link', { name: code }).click();
    await page.locator('#case-heading', { hasText: code }).waitFor();
  });
});
