import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserSession } from './support/browser';
import { choose, fillIntake, listTable, saveButton } from './support/intake-page';

let session: BrowserSession;
let page: Page;

beforeEach(async () => {
  session = new BrowserSession();
  page = await session.start();
  await page.getByRole('heading', { name: 'Uusi konsultaatiopyyntö' }).waitFor();
});

afterEach(async () => {
  await session.close();
});

describe('consultation intake in Chromium', () => {
  it('saves a request, lists it newest first, and keeps it across reload and restart', async () => {
    await page.getByText('Ei vielä pyyntöjä.').waitFor();
    // The web bridge answers appInfo: the footer says where the data is kept.
    await page.getByText(/Tiedot tallennetaan vain tälle laitteelle: IndexedDB, http:\/\/127\.0\.0\.1:\d+/).waitFor();
    await fillIntake(page, 'Miten tukea nuoren koulunkäyntiä? (e2e-1)');
    await saveButton(page).click();
    await page.getByText('Pyyntö tallennettu.').waitFor();

    const row = listTable(page).getByRole('row').filter({ hasText: 'Pohjanmaan hyvinvointialue' });
    await row.waitFor();
    const today = new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki' }).format(new Date());
    const text = await row.innerText();
    expect(text).toContain(today);
    expect(text).toContain('Länsi-Suomen yhteistyöalue');
    expect(text).toContain('Neuropsykiatrinen oireilu, Koulupoissaolot');
    expect(text).toContain('Vastaanotettu');
    // The form is cleared for the next request.
    expect(await page.getByLabel('Pyytäjän nimi').inputValue()).toBe('');
    await page.getByText('Pyyntöjä yhteensä: 1').waitFor();

    await page.reload();
    await listTable(page).getByRole('row').filter({ hasText: 'Pohjanmaan hyvinvointialue' }).waitFor();

    page = await session.restart();
    await listTable(page).getByRole('row').filter({ hasText: 'Länsi-Suomen yhteistyöalue' }).waitFor();
    await page.getByText('Pyyntöjä yhteensä: 1').waitFor();
  });

  it('shows newer requests above older ones', async () => {
    await fillIntake(page, 'Ensimmäinen kysymys');
    await choose(page, 'Hyvinvointialue', 'Lapin hyvinvointialue');
    await saveButton(page).click();
    await page.getByText('Pyyntöjä yhteensä: 1').waitFor();
    await fillIntake(page, 'Toinen kysymys');
    await choose(page, 'Hyvinvointialue', 'Kainuun hyvinvointialue');
    await saveButton(page).click();
    await page.getByText('Pyyntöjä yhteensä: 2').waitFor();
    const rows = await listTable(page).getByRole('row').allInnerTexts();
    const kainuu = rows.findIndex((r) => r.includes('Kainuun'));
    const lappi = rows.findIndex((r) => r.includes('Lapin'));
    expect(kainuu).toBeGreaterThan(0);
    expect(kainuu).toBeLessThan(lappi);
  });

  it('refuses a request with a required field empty, names the field, and saves nothing', async () => {
    await fillIntake(page, 'Kysymys ilman pyytäjän nimeä');
    await page.getByLabel('Pyytäjän nimi').fill('');
    await saveButton(page).click();

    const summary = page.getByText('Korjaa seuraavat kohdat ennen tallennusta:');
    await summary.waitFor();
    await page.getByRole('link', { name: 'Pyytäjän nimi: Pakollinen tieto puuttuu.' }).waitFor();
    // Focus moved to the summary so a screen reader announces it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Korjaa seuraavat kohdat');
    // The message also stands next to the field itself.
    await expect(page.locator('#field-requester-name').getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary link takes the user to the field.
    await page.getByRole('link', { name: /Pyytäjän nimi/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-requester-name');

    await page.getByText('Ei vielä pyyntöjä.').waitFor();
    await page.reload();
    await page.getByText('Ei vielä pyyntöjä.').waitFor();
  });

  it('names every missing field when the empty form is submitted', async () => {
    await saveButton(page).click();
    await page.getByText('Korjaa seuraavat kohdat ennen tallennusta:').waitFor();
    for (const field of ['Pyytäjän nimi', 'Sektori', 'Hyvinvointialue', 'Ikäryhmä', 'Teemat', 'Kysymys asiantuntijoille']) {
      await page.getByRole('link', { name: new RegExp(`^${field}:`) }).waitFor();
    }
  });

  it('switches the whole form to Swedish and remembers the choice', async () => {
    await page.getByRole('button', { name: /Kieli: Suomi/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska' }).click();
    await page.getByRole('heading', { name: 'Ny konsultationsförfrågan' }).waitFor();
    for (const label of ['Frågeställarens namn', 'Yrkesbeteckning', 'Kontaktuppgift (telefon eller e-post)', 'Fråga till experterna']) {
      await page.getByLabel(label).waitFor();
    }
    await page.getByRole('checkbox', { name: 'Neuropsykiatriska symtom' }).waitFor();
    await page.getByRole('button', { name: 'Spara förfrågan' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    await page.reload();
    await page.getByRole('heading', { name: 'Ny konsultationsförfrågan' }).waitFor();
    // Validation messages follow the language too.
    await page.getByRole('button', { name: 'Spara förfrågan' }).click();
    await page.getByRole('link', { name: 'Frågeställarens namn: Obligatorisk uppgift saknas.' }).waitFor();
  });
});

