import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { finnishDate, pageNow } from './support/clock';
import { fillIntake, goToList, listCount, openNewRequest, pick, recordRequest, saveButton } from './support/intake-page';

const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
});

describe('identifier guard and forensic requests in the intake form', () => {
  it('refuses an anonymous request whose question holds a valid henkilötunnus, pointing at the question', async () => {
    await openNewRequest(page);
    await fillIntake(page, { question: 'Koskee lasta 010594Y9032, koulunkäynti on katkennut.' });
    await saveButton(page).click();
    const link = page.getByRole('link', { name: /^Kysymys asiantuntijoille: Tekstissä on henkilötunnus \(merkki 14\)/ });
    await link.waitFor();
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-question');
    await goToList(page);
    await page.getByText('Ei vielä pyyntöjä.').waitFor();
  });

  it('saves the same text when the check character is wrong (not an identity code)', async () => {
    await openNewRequest(page);
    await fillIntake(page, { question: 'Koskee lasta 010594Y9033, koulunkäynti on katkennut.' });
    await saveButton(page).click();
    await page.locator('#case-heading').waitFor();
    await page.getByText('Koskee lasta 010594Y9033, koulunkäynti on katkennut.').waitFor();
  });

  it('warns about a phone number in an anonymous request and saves only after confirmation', async () => {
    await openNewRequest(page);
    await fillIntake(page, { question: 'Äiti pyysi soittamaan numeroon 040 123 4567.' });
    await page.getByText(/Tekstissä näyttää olevan puhelinnumero \(merkki 32\)/).waitFor();
    await saveButton(page).click();
    const confirm = page.getByRole('button', { name: 'Olen tarkistanut – tallenna' });
    await confirm.waitFor();
    await confirm.click();
    await page.locator('#case-heading').waitFor();
  });

  it('saves a consented case that must keep a henkilötunnus, after the deliberate confirmation', async () => {
    await openNewRequest(page);
    await fillIntake(page, { question: 'Lapsen 131052-308T koulunkäynti on katkennut; tunniste tarvitaan lausuntoa varten.' });
    await pick(page, 'Suostumus');
    await pick(page, 'Huoltaja(t)');
    await page.getByLabel('Suostumuksen päivä').fill(finnishDate(await pageNow(page)));
    await page.getByLabel('Suostumuksen laajuus').fill('Konsultaatio ja lausunto OT-keskukselle.');
    await saveButton(page).click();
    const confirm = page.getByRole('button', { name: 'Olen tarkistanut – tallenna' });
    await confirm.waitFor();
    await page.getByText(/Tekstissä on henkilötunnus \(merkki 8\)\. Poista se, ellei/).waitFor();
    await confirm.click();
    await page.locator('#case-heading').waitFor();
    await page.getByText('Lapsen 131052-308T koulunkäynti on katkennut; tunniste tarvitaan lausuntoa varten.').waitFor();
  });

  it('refuses a police request for a forensic investigation and says where it belongs', async () => {
    await openNewRequest(page);
    await fillIntake(page, { question: 'Poliisi pyytää oikeuspsykiatrista tutkimusta.' });
    await pick(page, 'Poliisin tai syyttäjän virka-apupyyntö oikeuspsykiatrisesta tutkimuksesta');
    await page.getByRole('alert').filter({ hasText: 'yliopistosairaalan oikeuspsykiatriseen yksikköön' }).first().waitFor();
    // Nothing of the rest is offered: no fields to fill, no save.
    expect(await saveButton(page).count()).toBe(0);
    expect(await page.getByLabel('Kysymys asiantuntijoille').count()).toBe(0);
    // Choosing a consultation again brings back what was typed.
    await pick(page, 'Konsultaatiopyyntö OT-keskukselle');
    expect(await page.getByLabel('Kysymys asiantuntijoille').inputValue()).toBe('Poliisi pyytää oikeuspsykiatrista tutkimusta.');
    await goToList(page);
    await page.getByText('Ei vielä pyyntöjä.').waitFor();
  });
});

describe('the case view', () => {
  it('shows every part of the request and a timeline that grows with views and edits', async () => {
    const code = await recordRequest(page, { question: 'Alkuperäinen kysymys.' });
    await page.getByRole('heading', { name: 'Tapahtumat' }).waitFor();
    await page.locator('.otk-timeline li', { hasText: 'Pyyntö kirjattu' }).waitFor();
    await page.locator('.otk-timeline li', { hasText: 'Avattu' }).first().waitFor();
    for (const text of ['Anonyymi (ei tunnistetietoja)', 'Länsi-Suomen yhteistyöalue', 'Ohjausta ja neuvoja', 'Koulupsykologi']) {
      await page.getByText(text).first().waitFor();
    }

    await page.getByRole('button', { name: 'Muokkaa' }).click();
    await page.getByRole('heading', { name: `Muokkaa pyyntöä ${code}` }).waitFor();
    await page.getByLabel('Kysymys asiantuntijoille').fill('Tarkennettu kysymys.');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByText('Muutokset tallennettu.').waitFor();
    await page.getByText('Tarkennettu kysymys.').waitFor();
    await page.locator('.otk-timeline li', { hasText: 'Pyyntöä muokattu' }).filter({ hasText: 'kysymys' }).waitFor();

    // Openings between real events show as one line; the audit log keeps each one.
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => (window.location.hash = '#/help'));
      await page.goBack();
      await page.locator('#case-heading', { hasText: code }).waitFor();
    }
    await page.locator('.otk-timeline li', { hasText: /^.*Avattu \d+ kertaa, viimeksi tässä \(E2E Koordinaattori\)$/ }).first().waitFor();
    const lines = await page.locator('.otk-timeline > li').allInnerTexts();
    expect(lines.filter((line) => line.includes('Avattu')).length).toBeLessThanOrEqual(2);
  });

  it('reuses a previous requester’s details', async () => {
    await recordRequest(page, { question: 'Ensimmäinen.', requester: 'Testi Kuraattori', organisation: 'Esimerkkilän yläkoulu' });
    await openNewRequest(page);
    await page.getByLabel('Aiempi pyytäjä').click();
    await page.getByRole('option', { name: 'Testi Kuraattori – Esimerkkilän yläkoulu' }).click();
    expect(await page.getByLabel('Pyytäjän nimi').inputValue()).toBe('Testi Kuraattori');
    expect(await page.getByLabel('Organisaatio', { exact: true }).inputValue()).toBe('Esimerkkilän yläkoulu');
    expect(await page.getByLabel('Sähköposti').inputValue()).toBe('psykologi@example.invalid');
  });
});

describe('the work list', () => {
  it('narrows by filter and search, keeps the filter in the URL, and marks overdue cases', async () => {
    const lansi = await recordRequest(page, { question: 'A', region: 'Pohjanmaan hyvinvointialue', requester: 'Testi Ensimmäinen' });
    const pohjoinen = await recordRequest(page, { question: 'B', region: 'Lapin hyvinvointialue', requester: 'Testi Toinen', themes: ['Syömishäiriöt'] });
    // A request received twelve days ago is past its seven-day target.
    await openNewRequest(page);
    await fillIntake(page, { question: 'C', region: 'Kainuun hyvinvointialue', requester: 'Testi Kolmas' });
    const oldDate = finnishDate(new Date((await pageNow(page)).getTime() - 12 * 86_400_000));
    await page.getByLabel('Vastaanotettu', { exact: true }).fill(oldDate);
    await saveButton(page).click();
    await page.locator('#case-heading').waitFor();

    await goToList(page);
    await expect.poll(() => listCount(page)).toBe('3 pyyntöä');
    await page.locator('tr', { hasText: 'Testi Kolmas' }).getByText('Myöhässä').waitFor();

    await page.getByRole('search').getByRole('button', { name: / Yhteistyöalue$/ }).click();
    await page.getByRole('option', { name: 'Pohjois-Suomen yhteistyöalue', exact: true }).click();
    await expect.poll(() => listCount(page)).toBe('2 pyyntöä');
    expect(page.url()).toContain('area=pohjoinen');

    await page.getByRole('search').getByRole('button', { name: / Teema$/ }).click();
    await page.getByRole('option', { name: 'Syömishäiriöt', exact: true }).click();
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');
    await page.locator('tr', { hasText: pohjoinen }).waitFor();

    // Back restores the previous filter.
    await page.goBack();
    await expect.poll(() => listCount(page)).toBe('2 pyyntöä');

    await goToList(page);
    await page.getByRole('searchbox', { name: 'Hae' }).fill('ensimmäinen');
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');
    await page.locator('tr', { hasText: lansi }).waitFor();

    await goToList(page, 'due=overdue');
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');
    await page.locator('tr', { hasText: 'Testi Kolmas' }).waitFor();
  });
});
