import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { axeViolations } from './support/axe';
import { recordRequest, saveButton, openNewRequest } from './support/intake-page';

const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
});

async function visit(hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { name: heading }).first().waitFor();
}

/**
 * The first part of the accessibility sweep (issue 10 completes it): axe with the WCAG 2.1 A/AA
 * rules on the screens that exist, empty and with data, and the intake form with its errors.
 */
describe('axe: WCAG 2.1 AA on every screen', () => {
  it('finds no violations on the screens, empty and with a case', async () => {
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const violations = await axeViolations(page);
      if (violations.length > 0) found[name] = violations;
    };
    await visit('#/', /^Tänään /);
    await check('home (empty)');
    await visit('#/cases', 'Konsultaatiopyynnöt');
    await check('work list (empty)');
    await openNewRequest(page);
    await check('intake (empty)');
    // A dropdown's option list, open: it is named after its field (forms/popover-names).
    await page.getByRole('button', { name: /Palvelun kieli/ }).click();
    const list = page.getByRole('listbox', { name: 'Palvelun kieli' });
    await list.waitFor();
    await check('intake (a dropdown open)');
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    await saveButton(page).click();
    await page.getByText('Korjaa seuraavat kohdat ennen tallennusta:').waitFor();
    await check('intake (errors)');

    const code = await recordRequest(page, { question: 'Saavutettavuustestin synteettinen kysymys.' });
    await check('case');
    const caseHash = await page.evaluate(() => window.location.hash);
    await page.getByRole('button', { name: 'Hylkää pyyntö' }).click();
    await page.getByRole('button', { name: 'Hylkää pyyntö', exact: true }).last().click();
    await page.getByText('Korjaa seuraavat kohdat ennen tallennusta:').waitFor();
    await check('case: decline form with errors');
    await visit(caseHash, new RegExp(code));
    await visit('#/', /^Tänään /);
    await check('home (with a case)');
    await visit('#/cases', 'Konsultaatiopyynnöt');
    await page.getByRole('link', { name: code }).waitFor();
    await check('work list (with a case)');
    await visit('#/meetings', 'Konsultaatiokokoukset');
    await check('meetings week');
    await visit('#/summaries', 'Toiminnan yhteenvedot');
    await page.locator('table.otk-summary-table').first().waitFor();
    await check('summaries');
    await visit('#/summaries/national', 'Valtakunnallinen yhdistelmä');
    await check('national view');
    await visit('#/exchange', 'Tietojen siirto asennusten välillä');
    await check('exchange');
    await visit('#/networks', 'Asiantuntijaverkostot');
    await check('networks');
    await visit('#/methods', 'Menetelmät');
    await page.getByTestId('methods-table').waitFor();
    await check('methods');
    await page.getByRole('button', { name: 'Lisää oma menetelmä' }).click();
    await page.getByRole('button', { name: 'Tallenna menetelmä' }).click();
    await page.getByText('Korjaa seuraavat kohdat ennen tallennusta:').waitFor();
    await check('methods: new method with errors');
    await visit('#/what-if', 'Mihin pyyntö ohjautuisi?');
    await check('what-if');
    await visit('#/audit', 'Tapahtumaloki');
    await page.getByTestId('audit-table').getByRole('row').nth(1).waitFor();
    await check('audit log');
    // The log lists this case's events and exports them as JSON lines with codes only.
    expect(await page.getByTestId('audit-table').innerText()).toContain(code);
    const [log] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vie loki (JSON Lines)' }).click()]);
    const lines = (await readFile((await log.path())!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { action: string });
    expect(lines.some((event) => event.action === 'consultation.create')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('Saavutettavuustestin');
    await page.getByRole('button', { name: 'Tarkista lokin eheys' }).click();
    await page.getByTestId('audit-verification').filter({ hasText: /^Loki on ehjä: \d+ tapahtumaa, 1 asennuksen ketjua\.$/ }).waitFor();
    await visit('#/settings', 'Asetukset');
    await check('settings');
    await visit('#/retention', 'Säilytysajat ja poistaminen');
    await page.getByRole('heading', { name: 'Poistettavaksi erääntyneet tapaukset' }).waitFor();
    await check('retention');
    // With a requester seen before, the intake form offers the "previous requester" search, closed and open.
    await openNewRequest(page);
    await page.getByLabel('Aiempi pyytäjä').waitFor();
    await check('intake (previous requester picker closed)');
    await page.getByLabel('Aiempi pyytäjä').click();
    await page.getByRole('option').first().waitFor();
    await check('intake (previous requester picker open)');
    expect(found).toEqual({});
  });
});
