import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { recordRequest } from './support/intake-page';

const browser = useBrowserSession();
let page: Page;

beforeEach(() => {
  page = browser.page();
});

describe('settings', () => {
  it('refuses a bad prefix with a message at the field, and new cases use the saved prefix', async () => {
    await page.getByRole('link', { name: 'Asetukset', exact: true }).click();
    await page.getByRole('heading', { name: 'Asetukset', exact: true }).waitFor();
    await page.getByLabel('Tapaustunnuksen etuliite').fill('otk1');
    await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
    await page.getByRole('link', { name: 'Tapaustunnuksen etuliite: Anna 2–8 isoa kirjainta A–Z.' }).waitFor();

    await page.getByLabel('Tapaustunnuksen etuliite').fill('LSOTK');
    await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
    await page.getByText('Asetukset tallennettu.').waitFor();

    const code = await recordRequest(page, { question: 'Etuliitteen tarkistus.' });
    expect(code).toMatch(/^LSOTK-\d{4}-0001$/);
  });
});
