import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { choose, recordRequest } from './support/intake-page';

const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
});

describe('routing a case to an expert network', () => {
  it('proposes a Länsi-Suomi network for a Pohjanmaa nepsy case, with reasons, and audits an override', async () => {
    const code = await recordRequest(page, { question: 'Nepsy-oireilu kotona ja koulussa.', region: 'Pohjanmaan hyvinvointialue', themes: ['Neuropsykiatrinen oireilu'] });
    await page.getByRole('heading', { name: 'Ohjaus asiantuntijaverkostolle' }).waitFor();
    await page.getByRole('button', { name: 'Hyväksy pyyntö', exact: true }).click();
    await page.locator('.otk-notice', { hasText: `Pyyntö ${code} hyväksytty.` }).waitFor();
    const proposal = page.locator('.otk-candidate').first();
    await proposal.waitFor();
    const text = await proposal.innerText();
    expect(text).toMatch(/^1\. .*Länsi/);
    expect(text).toContain('Kotialueen verkosto (Länsi-Suomen yhteistyöalue).');
    expect(text).toContain('Kattaa kaikki pyydetyt teemat: Neuropsykiatrinen oireilu.');
    expect(text).toContain('Kattaa ikäryhmän 13–15 v.');

    // Choose another network: a reason is required.
    await page.getByRole('button', { name: 'Valitse toinen verkosto' }).click();
    await choose(page, 'Verkosto', await otherNetworkName(page));
    await page.getByRole('button', { name: 'Ohjaa', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Perustelu vaaditaan' }).waitFor();
    await page.getByLabel('Perustelu').fill('Perheellä on jo asiakkuus tässä verkostossa.');
    await page.getByRole('button', { name: 'Ohjaa', exact: true }).click();

    await page.locator('.otk-routing-history > li', { hasText: 'Ohjattu:' }).waitFor();
    const entry = page.locator('.otk-timeline li', { hasText: 'Ohjattu:' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('toisin kuin ehdotettiin');
    expect(await entry.innerText()).toContain('Perheellä on jo asiakkuus tässä verkostossa.');
    await page.locator('dd', { hasText: 'Ohjattu verkostolle' }).waitFor();
  });

  it('shows where a request would go in the what-if panel', async () => {
    await page.getByRole('link', { name: 'Ohjauskokeilu' }).click();
    await page.getByRole('heading', { name: 'Mihin pyyntö ohjautuisi?' }).waitFor();
    await choose(page, 'Hyvinvointialue', 'Lapin hyvinvointialue');
    const first = page.locator('.otk-candidate').first();
    await expect.poll(async () => first.innerText()).toContain('Pohjois-Suomen yhteistyöalue');
  });

  it('lists the example networks and deactivates one without deleting it', async () => {
    await page.getByRole('link', { name: 'Asiantuntijaverkostot' }).click();
    await page.getByRole('heading', { name: 'Asiantuntijaverkostot', exact: true }).waitFor();
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(35);
    const firstName = (await rows.first().locator('td').first().innerText()).replace(/esimerkki$/, '').trim();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Poista käytöstä: ${firstName}` }).click();
    await page.getByText(`Verkosto poistettu käytöstä: ${firstName}.`).waitFor();
    await rows.first().getByText(/Pois käytöstä/).waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(35);
  });
});

/** A network other than the proposed one, by its Finnish name, from the dropdown's options. */
async function otherNetworkName(page: Page): Promise<string> {
  const proposed = (await page.locator('.otk-candidate h4').first().innerText()).replace(/^1\.\s*/, '').replace(/\s*\(.*\)$/, '');
  await page.getByRole('button', { name: /Verkosto/ }).last().click();
  // The list opens after the click: read its options once they are there.
  await page.getByRole('option').first().waitFor();
  const options = await page.getByRole('option').allInnerTexts();
  await page.keyboard.press('Escape');
  const other = options.find((name) => name !== proposed && name.includes('Länsi'));
  if (!other) throw new Error('no other network to choose');
  return other;
}
