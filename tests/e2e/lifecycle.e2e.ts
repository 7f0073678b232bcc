import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { afterMeetingIn, moveClocks, pageNow } from './support/clock';
import { printCalls } from './support/browser';
import { printedPages } from './support/pdf';
import { choose, pick, recordRequest } from './support/intake-page';
import { unlockApp } from './support/unlock';

const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
});

/** A count on the home screen; callers poll it, since the list index follows writes through its change feed. */
async function homeCount(list: string): Promise<number> {
  await page.evaluate(() => (window.location.hash = '#/'));
  const badge = page.getByTestId(`home-count-${list}`);
  await badge.waitFor();
  return Number(await badge.innerText());
}

/** Whether the d.m.yyyy date in `text` falls in this Monday–Sunday week, Finnish time. */
function inHelsinkiWeekOf(now: Date, text: string): boolean {
  const [, d, m, y] = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text)!;
  const day = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const [ty, tm, td] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(now).split('-').map(Number);
  const today = Date.UTC(ty!, tm! - 1, td!);
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * 86_400_000;
  return day >= monday && day < monday + 7 * 86_400_000;
}

let caseHash = '';
/** Opens the case recorded in this test (its address was kept when it was recorded). */
async function openCase(code: string): Promise<void> {
  // From another screen, so the case view is drawn afresh (as when the coordinator comes back to it).
  await page.evaluate(() => (window.location.hash = '#/help'));
  await page.evaluate((hash) => (window.location.hash = hash), caseHash);
  await page.locator('#case-heading', { hasText: code }).waitFor();
}

async function action(name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

async function notice(text: string | RegExp): Promise<void> {
  await page.locator('.otk-notice', { hasText: text }).waitFor();
}

describe('from received to closed', () => {
  it('accepts, routes, books into a slot (1/2), prints the agenda, records and sends the recommendation, closes — and the home screen follows', async () => {
    const code = await recordRequest(page, { question: 'Miten tukea nuoren koulunkäyntiä?', region: 'Pohjanmaan hyvinvointialue', themes: ['Neuropsykiatrinen oireilu'] });
    caseHash = await page.evaluate(() => window.location.hash);
    await expect.poll(() => homeCount('awaitingAcceptance')).toBe(1);
    await expect.poll(() => homeCount('toRoute')).toBe(0);

    // An impossible step is not offered; the allowed ones are. The home screen's item opens the case.
    await page.getByRole('link', { name: code }).first().click();
    await page.locator('#case-heading', { hasText: code }).waitFor();
    await page.getByText('Tila nyt: Vastaanotettu').waitFor();
    expect(await page.getByRole('button', { name: 'Päätä tapaus' }).count()).toBe(0);
    // Routing waits for the OT-level judgement: before acceptance the case says so.
    await page.getByText('Ohjaus on mahdollista, kun pyyntö on hyväksytty').waitFor();
    expect(await page.getByRole('button', { name: /^Ohjaa: / }).count()).toBe(0);
    await action('Hyväksy pyyntö');
    await notice(`Pyyntö ${code} hyväksytty.`);
    await expect.poll(() => homeCount('awaitingAcceptance')).toBe(0);
    await expect.poll(() => homeCount('toRoute')).toBe(1);

    // Route to the proposed Länsi-Suomi network: the notice now says so (not the acceptance's).
    await openCase(code);
    await page.getByRole('button', { name: /^Ohjaa: / }).click();
    await notice(`Tapaus ${code} ohjattu.`);
    await page.getByRole('heading', { name: 'Kokousvaraus' }).waitFor();
    await expect.poll(() => homeCount('toRoute')).toBe(0);

    // Book into the network's first free slot: the slot then shows 1/2 booked.
    await openCase(code);
    const firstOption = page.locator('.otk-booking-options li').first();
    await firstOption.waitFor();
    const optionText = await firstOption.innerText();
    expect(optionText).toContain('0/2 varattu');
    const bookedThisWeek = inHelsinkiWeekOf(await pageNow(page), optionText);
    await firstOption.getByRole('button', { name: /^Varaa/ }).click();
    await page.locator('.otk-booking-options li', { hasText: 'Tapaus on varattu tähän' }).waitFor();
    expect(await page.locator('.otk-booking-options li', { hasText: 'Tapaus on varattu tähän' }).innerText()).toContain('1/2 varattu');
    await page.getByText('Tila nyt: Konsultaatio sovittu').waitFor();

    // The agenda lists the case as an anonymised card and prints through the bridge (the browser's print in the web shell).
    await page.getByRole('link', { name: 'Avaa asialista' }).click();
    await page.getByRole('heading', { name: /^Asialista:/ }).waitFor();
    const card = page.locator('.otk-case-card');
    await card.waitFor();
    expect(await card.innerText()).toContain(code);
    expect(await card.innerText()).toContain('Miten tukea nuoren koulunkäyntiä?');
    expect(await card.innerText()).not.toContain('Testi Koulupsykologi');
    // The calendar file carries the meeting, not the case.
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vie kalenteriin (.ics)' }).click()]);
    const icsText = await readFile((await ics.path())!, 'utf8');
    expect(icsText).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(icsText).toContain('TZID=Europe/Helsinki');
    expect(icsText).not.toContain(code);
    expect(icsText).not.toContain('koulunkäyntiä');
    await page.getByRole('button', { name: 'Tulosta tai tallenna PDF' }).click();
    await expect.poll(() => printCalls(page)).toBe(1);
    // On paper: the agenda's card, without the app's navigation (print.e2e.ts prints longer ones).
    const [sheet, ...more] = await printedPages(page);
    expect(more).toEqual([]);
    expect(sheet).toContain(code);
    expect(sheet).toContain('Miten tukea nuoren koulunkäyntiä?');
    expect(sheet).not.toContain('Asiantuntijaverkostot');
    await expect.poll(() => homeCount('meetings')).toBe(bookedThisWeek ? 1 : 0);

    // The consultation is recorded once the meeting has been held: before it, the case says when.
    await openCase(code);
    await page.getByTestId('lifecycle-waiting').filter({ hasText: /^Konsultaatiokokous on 25\.11\.2026 klo 09:00\. Kirjaa suositus kokouksen jälkeen\./ }).waitFor();
    expect(await page.getByRole('button', { name: 'Kirjaa suositus', exact: true }).count()).toBe(0);
    await moveClocks([page], afterMeetingIn(optionText));

    // Record the recommendation (a required list item is checked), then send it.
    await openCase(code);
    await action('Kirjaa suositus');
    await page.getByLabel('Kysymys asiantuntijoiden ymmärtämänä').fill('Koulunkäynnin tuki nepsy-oireilussa.');
    await page.getByRole('button', { name: 'Kirjaa suositus', exact: true }).last().click();
    await page.getByText('Korjaa seuraavat kohdat ennen tallennusta:').waitFor();
    await page.getByLabel('Suositus 1').fill('Koulun ja perheen yhteinen palaveri kuukauden sisällä.');
    await page.getByRole('button', { name: 'Lisää askel' }).click();
    await page.getByLabel('Askel 1', { exact: true }).fill('Kutsu palaveri koolle');
    await page.getByLabel('Askeleen 1 tekijä').fill('koulukuraattori');
    await page.getByRole('button', { name: 'Kirjaa suositus', exact: true }).last().click();
    await notice(`Suositus kirjattu tapaukseen ${code}.`);
    await expect.poll(() => homeCount('recommendationsUnsent')).toBe(1);

    // The letter is in the requester's language, without the requester's name or the child's details.
    await openCase(code);
    await page.getByRole('link', { name: 'Avaa suosituskirje' }).click();
    const letter = page.locator('.otk-letter');
    await letter.waitFor();
    expect(await letter.innerText()).toContain(`Konsultaation suositus – ${code}`);
    expect(await letter.innerText()).toContain('Koulun ja perheen yhteinen palaveri kuukauden sisällä.');
    expect(await letter.innerText()).toContain('Kutsu palaveri koolle (koulukuraattori)');
    expect(await letter.innerText()).not.toContain('Testi Koulupsykologi');

    await openCase(code);
    await action('Merkitse suositus lähetetyksi');
    await notice(`Tapauksen ${code} suositus merkitty lähetetyksi.`);
    // Sending happens once: the step is no longer offered (the case view follows the write through
    // its live query, a moment after the notice), also after a reload — once the case's next step
    // (closing) is on screen, the sending step is not.
    await expect.poll(() => page.getByRole('button', { name: 'Merkitse suositus lähetetyksi' }).count()).toBe(0);
    await page.reload();
    await unlockApp(page);
    await openCase(code);
    await page.getByRole('button', { name: 'Päätä tapaus' }).waitFor();
    expect(await page.getByRole('button', { name: 'Merkitse suositus lähetetyksi' }).count()).toBe(0);
    await expect.poll(() => homeCount('recommendationsUnsent')).toBe(0);

    // Close-out is mandatory: an empty close names both questions.
    await openCase(code);
    await action('Päätä tapaus');
    await page.getByRole('button', { name: 'Päätä tapaus', exact: true }).last().click();
    const summary = page.locator('.fi-error-summary').first();
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Konsultaation tulos');
    await pick(page, 'Ohjaus riitti nykyisellä palvelutasolla');
    await pick(page, 'Kyllä – vaativampi palvelu vältettiin');
    await page.getByRole('button', { name: 'Päätä tapaus', exact: true }).last().click();
    await notice(`Tapaus ${code} päätetty.`);
    await page.getByText('Tila nyt: Suljettu').waitFor();
    const history = await page.locator('.otk-timeline').innerText();
    for (const step of ['Hyväksy pyyntö (Vastaanotettu → Hyväksytty)', 'Kirjaa suositus', 'Päätä tapaus']) expect(history).toContain(step);
  });

  it('declines with a reason and where to turn, and refuses what is no longer allowed', async () => {
    const code = await recordRequest(page, { question: 'Kysymys, joka kuuluu muualle.' });
    await action('Hylkää pyyntö');
    await page.getByRole('button', { name: 'Hylkää pyyntö', exact: true }).last().click();
    const summary = page.locator('.fi-error-summary').first();
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Mihin pyytäjä voi kääntyä');
    await choose(page, 'Syy', 'Kuuluu toiselle palvelulle');
    await page.getByLabel('Mihin pyytäjä voi kääntyä').fill('Alueen perheneuvola');
    await page.getByRole('button', { name: 'Hylkää pyyntö', exact: true }).last().click();
    await notice(`Pyyntö ${code} hylätty.`);
    await page.getByText(/Tapaus on päättynyt/).waitFor();
    expect(await page.locator('.otk-timeline').innerText()).toContain('Alueen perheneuvola');
  });
});
