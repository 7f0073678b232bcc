import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserSession } from './support/browser';
import { E2E_PASSPHRASE, unlockApp } from './support/unlock';
import { recordRequest } from './support/intake-page';
import { axeViolations } from './support/axe';

const QUESTION = 'Miten tukea nuorta, jonka koulunkäynti on katkennut? (salattu-lause-e2e)';
let session: BrowserSession;

afterEach(async () => {
  await session.close();
});

/** Every store of the app's IndexedDB database as JSON, read with plain IndexedDB — no app, no key. */
async function rawDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('otk-consultation-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const dump: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      dump[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return JSON.stringify(dump);
  });
}

const unlockHeading = (page: Page) => page.getByRole('heading', { name: 'Sovellus on lukittu' });

describe('profiles, lock and encryption at rest in Chromium', () => {
  it('sets up a coordinator with a recovery key, keeps no plaintext question in IndexedDB, and locks on the shortcut', async () => {
    session = new BrowserSession();
    const page = await session.start({ locked: true });
    await page.getByRole('heading', { name: 'Ota sovellus käyttöön' }).waitFor();
    // A weak passphrase is refused at set-up, in words, beside the field and in the summary.
    await page.locator('#setup-name').fill('E2E Koordinaattori');
    await page.locator('#setup-passphrase').fill('lyhyt');
    await page.getByText('Vahvuus: ei kelpaa').waitFor();
    await page.locator('#setup-confirm').fill('lyhyt');
    await page.getByRole('button', { name: 'Luo profiili' }).click();
    await page.getByRole('link', { name: /Tunnuslause: Tunnuslauseessa on oltava vähintään 12 merkkiä/ }).waitFor();
    // The installation is asked for a name (it is what other installations see), not left as its id.
    await page.getByRole('link', { name: /^Asennuksen nimi: / }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#setup-name').fill('');
    const recoveryKey = await unlockApp(page);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    await page.locator('.otk-session-bar').getByText('E2E Koordinaattori', { exact: true }).waitFor();

    const code = await recordRequest(page, { question: QUESTION });
    await page.getByText(QUESTION).waitFor();
    const raw = await rawDatabase(page);
    expect(raw).not.toContain('salattu-lause-e2e');
    expect(raw).not.toContain('Testi Sosiaalityöntekijä');
    expect(raw).toContain(code);

    await page.keyboard.press('Control+Shift+L');
    await unlockHeading(page).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('salattu-lause-e2e');
    // Nothing decrypted is left in the page's memory either: the page was reloaded.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('salattu-lause-e2e'))).toBe(false);

    await unlockApp(page);
    await page.getByText(QUESTION).waitFor();
    // The lock and profile settings (a coordinator's), with the add-profile form refused empty.
    await page.goto(`${page.url().split('#')[0]}#/settings`);
    await page.getByRole('heading', { name: 'Lukitus ja profiilit' }).waitFor();
    await page.getByText('Selaimessa ei ole käytettävissä käyttöjärjestelmän avainsäilöä.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Lisää profiili' }).click();
    await page.getByRole('link', { name: /^Nimi: / }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('locks by itself after the idle time and opens again with the passphrase', async () => {
    session = new BrowserSession();
    const page = await session.start({ locked: true });
    await unlockApp(page);
    await page.getByRole('heading', { name: /^Tänään / }).waitFor();
    await page.clock.fastForward('09:00');
    expect(await unlockHeading(page).count()).toBe(0);
    await page.clock.fastForward('01:30');
    await unlockHeading(page).waitFor();
    await unlockApp(page);
    await page.getByRole('heading', { name: /^Tänään / }).waitFor();
  });

  it('refuses a wrong passphrase in words and makes the profile wait after repeated failures', async () => {
    session = new BrowserSession();
    const page = await session.start({ locked: true });
    await unlockApp(page);
    await page.keyboard.press('Control+Shift+L');
    await unlockHeading(page).waitFor();

    const field = page.locator('#unlock-passphrase');
    for (let attempt = 1; attempt <= 3; attempt++) {
      await field.fill(`väärä tunnuslause ${attempt}`);
      await field.press('Enter');
      await page.getByRole('alert').getByText('Tunnuslause ei ole oikea.').waitFor();
      await expect.poll(() => field.inputValue()).toBe('');
    }
    // Even the right passphrase must wait now.
    await field.fill(E2E_PASSPHRASE);
    await field.press('Enter');
    await page.getByRole('alert').getByText(/Liian monta väärää yritystä\. Yritä uudelleen \d+ sekunnin kuluttua\./).waitFor();
    expect(await page.locator('.otk-session-bar').count()).toBe(0);
    // Help and the accessibility statement open from the lock screen too.
    await page.getByRole('button', { name: 'Ohje' }).click();
    await page.getByRole('heading', { name: 'Ohje ja saavutettavuusseloste' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.clock.fastForward('00:31');
    await unlockApp(page);
    // The audit log tells the data protection officer what happened.
    await page.goto(`${page.url().split('#')[0]}#/audit`);
    await page.getByRole('cell', { name: 'Väärä tunnuslause' }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'Väärä tunnuslause' }).count()).toBe(3);
  });
});
