import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserSession } from './support/browser';
import { E2E_EXPERT_PROFILE, E2E_PASSPHRASE, E2E_REQUESTER_PROFILE, setUpDesk, unlockApp } from './support/unlock';
import { axeViolations } from './support/axe';

let session: BrowserSession;

afterEach(async () => {
  await session.close();
});

const navLinks = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link').allInnerTexts();
/** The coordinator's sections: exchange, summaries, networks, routing what-if, log, retention, settings. */
const COORDINATOR_ONLY = ['Siirrot', 'Yhteenvedot', 'Asiantuntijaverkostot', 'Ohjauskokeilu', 'Loki', 'Säilytysajat', 'Asetukset'];

/** The header shows the role's navigation: home and help, none of the coordinator's sections. */
async function expectDeskNavigation(page: Page, role: 'requester' | 'expert'): Promise<void> {
  const links = await navLinks(page);
  expect(links).toEqual(expect.arrayContaining(['Etusivu', 'Ohje']));
  for (const link of COORDINATOR_ONLY) expect(links, link).not.toContain(link);
  if (role === 'expert') expect(links).toContain('Kokoukset');
  else expect(links).not.toContain('Kokoukset');
}

async function openSetup(): Promise<Page> {
  session = new BrowserSession();
  const page = await session.start({ locked: true });
  await page.getByRole('heading', { name: 'Ota sovellus käyttöön' }).waitFor();
  // The coordinator stays the default, so a set-up that fills only the name and passphrase is one.
  expect(await page.locator('#setup-role-coordinator').isChecked()).toBe(true);
  return page;
}

describe('the first profile of a new installation as a requester or expert desk (Chromium)', () => {
  it('sets up a requesting professional’s desk: contact fields checked like the intake form, then the requester’s navigation', async () => {
    const page = await openSetup();
    await page.locator('label[for="setup-role-requester"]').click();
    await page.getByRole('heading', { name: 'Yhteystietosi' }).waitFor();
    await page.locator('#setup-name').fill(E2E_REQUESTER_PROFILE.profileName);
    await page.locator('#setup-requester-email').fill('ei-osoite');
    await page.locator('#setup-passphrase').fill(E2E_PASSPHRASE);
    await page.locator('#setup-confirm').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Luo profiili' }).click();
    // Every mistake at once, in the summary and beside each field.
    await page.getByRole('link', { name: /^Pyytäjän nimi: / }).waitFor();
    for (const name of [/^Ammattinimike: /, /^Organisaatio: /, /^Sektori: /, /^Hyvinvointialue: /, /^Sähköposti: Tarkista sähköpostiosoite/]) {
      expect(await page.getByRole('link', { name }).count(), String(name)).toBe(1);
    }
    expect(await page.locator('#setup-requester-email-statusText').innerText()).toContain('Tarkista sähköpostiosoite');
    expect(await axeViolations(page)).toEqual([]);
    // The summary's link takes focus to the Dropdown's button.
    await page.getByRole('link', { name: /^Sektori: / }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('setup-requester-sector_button');
    expect(await page.locator('.otk-session-bar').count()).toBe(0);

    await setUpDesk(page, E2E_REQUESTER_PROFILE);
    await page.locator('.otk-session-bar').getByText('E2E Pyytäjä', { exact: true }).waitFor();
    await expectDeskNavigation(page, 'requester');

    // The desk opens as the requester again after the lock.
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('heading', { name: 'Sovellus on lukittu' }).waitFor();
    await unlockApp(page);
    await page.locator('.otk-session-bar').getByText('E2E Pyytäjä', { exact: true }).waitFor();
    await expectDeskNavigation(page, 'requester');
  });

  it('sets up an expert network member’s desk bound to one network, with the expert’s navigation', async () => {
    const page = await openSetup();
    await page.locator('label[for="setup-role-expert"]').click();
    await page.locator('#setup-name').fill(E2E_EXPERT_PROFILE.profileName);
    await page.locator('#setup-passphrase').fill(E2E_PASSPHRASE);
    await page.locator('#setup-confirm').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Luo profiili' }).click();
    await page.getByRole('link', { name: 'Asiantuntijaverkostosi: Valitse asiantuntijan verkosto.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await setUpDesk(page, E2E_EXPERT_PROFILE);
    await page.locator('.otk-session-bar').getByText('E2E Asiantuntija', { exact: true }).waitFor();
    await expectDeskNavigation(page, 'expert');
  });
});
