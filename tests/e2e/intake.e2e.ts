import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { finnishDate, pageNow } from './support/clock';
import { unlockApp } from './support/unlock';
import { fillIntake, goToList, listCount, listTable, openNewRequest, recordRequest, saveButton } from './support/intake-page';

const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
  // The app opens on the home screen; these tests start from the work list.
  await page.getByRole('heading', { name: /^Tänään / }).waitFor();
  await goToList(page);
});

describe('consultation intake in Chromium', () => {
  it('saves a request, lists it, and keeps it across reload and restart', async () => {
    await page.getByText('Ei vielä pyyntöjä.').waitFor();
    // The web bridge answers appInfo: the footer says where the data is kept.
    await page.getByText(/Tiedot tallennetaan vain tälle laitteelle, tämän selaimen sivustotietoihin \(127\.0\.0\.1:\d+\)\. Selaimen sivustotietojen tyhjentäminen poistaa ne\./).waitFor();

    const code = await recordRequest(page, { question: 'Miten tukea nuoren koulunkäyntiä? (e2e-1)' });
    expect(code).toMatch(/^OTK-20\d\d-0001$/);
    await page.getByText(`Pyyntö ${code} tallennettu.`).waitFor();

    await goToList(page);
    const row = listTable(page).getByRole('row').filter({ hasText: code });
    await row.waitFor();
    const today = finnishDate(await pageNow(page));
    const text = await row.innerText();
    expect(text).toContain(today);
    expect(text).toContain('Pohjanmaan hyvinvointialue');
    expect(text).toContain('Länsi-Suomen yhteistyöalue');
    expect(text).toContain('Neuropsykiatrinen oireilu, Koulupoissaolot');
    expect(text).toContain('Vastaanotettu');
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');

    await page.reload();
    await unlockApp(page);
    await listTable(page).getByRole('row').filter({ hasText: code }).waitFor();

    page = await browser.restart();
    await goToList(page);
    await listTable(page).getByRole('row').filter({ hasText: code }).waitFor();
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');
  });

  it('shows newer requests above older ones', async () => {
    const first = await recordRequest(page, { question: 'Ensimmäinen kysymys', region: 'Lapin hyvinvointialue' });
    const second = await recordRequest(page, { question: 'Toinen kysymys', region: 'Kainuun hyvinvointialue' });
    await goToList(page);
    await expect.poll(() => listCount(page)).toBe('2 pyyntöä');
    const rows = await listTable(page).getByRole('row').allInnerTexts();
    const newer = rows.findIndex((r) => r.includes(second));
    const older = rows.findIndex((r) => r.includes(first));
    expect(newer).toBeGreaterThan(0);
    expect(newer).toBeLessThan(older);
  });

  it('refuses a request with a required field empty, names the field, and saves nothing', async () => {
    await openNewRequest(page);
    await fillIntake(page, { question: 'Kysymys ilman pyytäjän nimeä' });
    await page.getByLabel('Pyytäjän nimi').fill('');
    await saveButton(page).click();

    await page.getByText('Korjaa seuraavat kohdat ennen tallennusta:').waitFor();
    await page.getByRole('link', { name: 'Pyytäjän nimi: Pakollinen tieto puuttuu.' }).waitFor();
    // Focus moved to the summary so a screen reader announces it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Korjaa seuraavat kohdat');
    // The message also stands next to the field itself.
    await expect(page.locator('#field-requester-name').getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary link takes the user to the field.
    await page.getByRole('link', { name: /Pyytäjän nimi/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-requester-name');

    await goToList(page);
    await page.getByText('Ei vielä pyyntöjä.').waitFor();
  });

  it('names every missing field when the empty form is submitted', async () => {
    await openNewRequest(page);
    await saveButton(page).click();
    await page.getByText('Korjaa seuraavat kohdat ennen tallennusta:').waitFor();
    for (const field of ['Kanava', 'Pyytäjän nimi', 'Sektori', 'Hyvinvointialue', 'Puhelin', 'Ikäryhmä', 'Teemat', 'Kysymys asiantuntijoille', 'Mitä pyytäjä toivoo\\?']) {
      await page.getByRole('link', { name: new RegExp(`^${field}:`) }).waitFor();
    }
  });

  it('switches the whole form to Swedish and remembers the choice', async () => {
    await page.getByRole('button', { name: /Kieli: Suomi/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska' }).click();
    await page.getByRole('heading', { name: 'Konsultationsförfrågningar', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ny förfrågan' }).click();
    await page.getByRole('heading', { name: 'Ny konsultationsförfrågan' }).waitFor();
    for (const label of ['Frågeställarens namn', 'Yrkesbeteckning', 'Telefon', 'Fråga till experterna']) {
      await page.getByLabel(label, { exact: true }).waitFor();
    }
    await page.getByRole('checkbox', { name: 'Neuropsykiatriska symtom' }).waitFor();
    await page.getByRole('button', { name: 'Spara förfrågan' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    await page.reload();
    await unlockApp(page);
    await page.getByRole('heading', { name: 'Ny konsultationsförfrågan' }).waitFor();
    // Validation messages follow the language too.
    await page.getByRole('button', { name: 'Spara förfrågan' }).click();
    await page.getByRole('link', { name: 'Frågeställarens namn: Obligatorisk uppgift saknas.' }).waitFor();
  });
});
