import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { BrowserSession } from './support/browser';
import { E2E_REQUESTER, E2E_REQUESTER_PROFILE, setUpDesk, unlockApp } from './support/unlock';
import { choose, goToList, listTable, pick, tick } from './support/intake-page';
import { axeViolations } from './support/axe';
import { fileOf, importBundle, type BundleFile } from './support/desk-files';
import { readBundleHeader } from '../../shared/sync/bundle';
import { centreAreaOf } from '../../shared/desk/centre';
import { findArea } from '../../shared/reference/regions';

let session: BrowserSession;
let centre: BrowserSession | undefined;

afterEach(async () => {
  await session.close();
  await centre?.close();
  centre = undefined;
});

/** The synthetic test vector of the handbook (not a real person's identity code). */
const HETU = '010594Y9032';
const QUESTION = 'Nuoren koulunkäynti on katkennut, ja perhetyö ja lastenpsykiatria eivät ole riittäneet. Miten edetä? (e2e-pyytäjä)';
const PASSPHRASE = 'pyyntö matkaa turvallisesti perille';

async function goHome(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await page.getByRole('heading', { name: 'Omat pyyntöni' }).waitFor();
}

/** The stage shown (in words) on the card of the request asking `question`. */
function stageOf(page: Page, question: string) {
  return page.getByTestId('my-requests').getByRole('listitem').filter({ hasText: question }).getByTestId('request-stage').innerText();
}

type File = BundleFile;

/** Writes the chosen requests into a file on the desk's Files screen. */
async function sendFromDesk(page: Page): Promise<File> {
  await page.locator('#send-passphrase').fill(PASSPHRASE);
  await page.locator('#send-confirm').fill(PASSPHRASE);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Kirjoita pyyntötiedosto' }).click()]);
  return fileOf(download);
}


describe('the requester desk (Chromium)', () => {
  it('keeps a draft across a reload, refuses an identity code in an anonymous request, finishes it and writes the request file', async () => {
    session = new BrowserSession();
    const page = await session.start({ locked: true });
    await setUpDesk(page, E2E_REQUESTER_PROFILE);

    // Home: "my requests", empty.
    await page.getByRole('heading', { name: 'Omat pyyntöni' }).waitFor();
    await page.getByText('Sinulla ei ole vielä pyyntöjä.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A new request: the requester's own stored contact, read-only, and the plain-language help.
    await page.getByRole('link', { name: 'Uusi pyyntö' }).click();
    await page.getByRole('heading', { name: 'Uusi konsultaatiopyyntö' }).waitFor();
    const requester = page.locator('#request-requester');
    for (const text of [E2E_REQUESTER.name, E2E_REQUESTER.organisation, E2E_REQUESTER.email]) await requester.getByText(text).waitFor();
    expect(await requester.locator('input').count()).toBe(0);
    await page.getByText('Milloin pyyntö kuuluu OT-keskukselle?').waitFor();
    await page.getByText('Kolme tapaa pyytää konsultaatiota').waitFor();
    await page.getByText('Älä kirjoita anonyymiin pyyntöön').waitFor();
    // The receipt is the desk's to set, not a field.
    expect(await page.getByLabel('Kanava').count()).toBe(0);

    await choose(page, 'Ikäryhmä', '13–15 v');
    await tick(page, 'Koulupoissaolot');
    await page.getByLabel('Kysymys asiantuntijoille').fill(QUESTION);
    await page.getByRole('button', { name: 'Tallenna luonnos' }).click();
    await page.getByText(/^Luonnos tallennettu /).waitFor();
    await expect.poll(() => page.url()).toMatch(/#\/request\/[0-9a-f-]{36}$/);

    // Kept across a reload (sealed at rest, so the lock comes back first).
    await page.reload();
    await unlockApp(page);
    await goHome(page);
    expect(await stageOf(page, QUESTION)).toBe('Luonnos');
    await page.getByRole('link', { name: 'Jatka luonnosta' }).click();
    await page.getByRole('heading', { name: 'Konsultaatiopyynnön luonnos' }).waitFor();
    expect(await page.getByLabel('Kysymys asiantuntijoille').inputValue()).toBe(QUESTION);
    expect(await page.getByRole('checkbox', { name: 'Koulupoissaolot', exact: true }).isChecked()).toBe(true);

    // Complete it, but with an identity code in the question of an anonymous request: refused, the field named.
    await choose(page, 'Palvelujen taso nyt', 'Erityistaso');
    await pick(page, 'Ohjausta ja neuvoja');
    await page.getByLabel('Kysymys asiantuntijoille').fill(`${QUESTION} Koskee lasta ${HETU}.`);
    await page.getByRole('button', { name: 'Viimeistele pyyntö' }).click();
    await page.getByText('Korjaa seuraavat kohdat ennen tallennusta:').waitFor();
    const summaryLinks = page.locator('.fi-error-summary a');
    expect(await summaryLinks.allInnerTexts()).toEqual([expect.stringMatching(/^Kysymys asiantuntijoille: Tekstissä on henkilötunnus/)]);
    expect(await page.locator('#field-question').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await summaryLinks.first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-question');

    // Fixed: finished, and the desk goes on to send it.
    await page.getByLabel('Kysymys asiantuntijoille').fill(QUESTION);
    await page.getByRole('button', { name: 'Viimeistele pyyntö' }).click();
    await page.getByRole('heading', { name: 'Tiedostot', exact: true }).waitFor();
    await page.getByText('Pyyntö on valmis. Lähetä se OT-keskukselle tällä sivulla.').waitFor();
    const proposed = findArea(centreAreaOf(E2E_REQUESTER.region)!);
    const recipient = `OT-keskus, ${proposed.fi}`;
    expect(await page.locator('#send-area_button').innerText()).toContain(recipient);
    await page.getByText(`kuuluu alueeseen ${proposed.fi}`, { exact: false }).waitFor();
    expect(await page.getByRole('checkbox', { name: QUESTION }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#send-passphrase').fill(PASSPHRASE);
    await page.locator('#send-confirm').fill(PASSPHRASE);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Kirjoita pyyntötiedosto' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.otk$/);
    const header = readBundleHeader(new Uint8Array(await readFile((await download.path())!)));
    expect(header.scope.kind).toBe('requester');
    expect(header.recipient).toMatchObject({ kind: 'named', name: recipient, area: proposed.code });
    expect(header.counts.consultation).toBe(1);
    await page.getByText(`Pyyntötiedosto ${download.suggestedFilename()} tallennettu`, { exact: false }).waitFor();

    // Home: sent, and the question no longer carries the identity code.
    await goHome(page);
    expect(await stageOf(page, QUESTION)).toBe('Lähetetty OT-keskukselle');
    await page.getByText(/^Lähetetty \d/).waitFor();
    expect(await page.getByTestId('my-requests').innerText()).not.toContain(HETU);
  });

  it('shows the centre’s decline from its reply file: the reason in words and where to turn instead', async () => {
    session = new BrowserSession();
    const page = await session.start({ locked: true });
    await setUpDesk(page, E2E_REQUESTER_PROFILE);
    await page.getByRole('link', { name: 'Uusi pyyntö' }).click();
    await page.getByRole('heading', { name: 'Uusi konsultaatiopyyntö' }).waitFor();
    await choose(page, 'Ikäryhmä', '7–12 v');
    await choose(page, 'Palvelujen taso nyt', 'Perustaso');
    await tick(page, 'Koulupoissaolot');
    await page.getByLabel('Kysymys asiantuntijoille').fill(QUESTION);
    await pick(page, 'Ohjausta ja neuvoja');
    await page.getByRole('button', { name: 'Viimeistele pyyntö' }).click();
    await page.getByRole('heading', { name: 'Tiedostot', exact: true }).waitFor();
    const request = await sendFromDesk(page);

    // The OT-keskus (a coordinator's installation) opens the request, declines it and answers the requester.
    centre = new BrowserSession();
    const coordinator = await centre.start();
    await coordinator.getByRole('link', { name: 'Siirrot' }).click();
    await importBundle(coordinator, request, PASSPHRASE);
    await goToList(coordinator);
    await listTable(coordinator).getByRole('link').first().click();
    const code = /[A-Z]{2,8}-\d{4}-\d{4}/.exec(await coordinator.locator('#case-heading').innerText())![0];
    await coordinator.getByRole('button', { name: 'Hylkää pyyntö', exact: true }).click();
    await choose(coordinator, 'Syy', 'Kuuluu toiselle palvelulle');
    await coordinator.getByLabel('Mihin pyytäjä voi kääntyä').fill('Alueen perheneuvola (synteettinen)');
    await coordinator.getByRole('button', { name: 'Hylkää pyyntö', exact: true }).last().click();
    await coordinator.locator('.otk-notice', { hasText: `Pyyntö ${code} hylätty.` }).waitFor();
    await coordinator.getByRole('link', { name: 'Siirrot' }).click();
    await pick(coordinator, 'Yhden pyytäjän tapaukset');
    await choose(coordinator, 'Pyytäjä', `${E2E_REQUESTER.name}, ${E2E_REQUESTER.organisation}`);
    await pick(coordinator, 'Nimetty vastaanottaja');
    await coordinator.locator('#export-recipient-name').fill(E2E_REQUESTER.name);
    await coordinator.locator('#export-passphrase').fill(PASSPHRASE);
    await coordinator.locator('#export-confirm').fill(PASSPHRASE);
    const [download] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByRole('button', { name: 'Tee salattu tiedosto' }).click()]);
    const reply = await fileOf(download);

    // The requester opens the reply on the Files screen; "my requests" follows.
    await page.evaluate(() => (window.location.hash = '#/files'));
    await importBundle(page, reply, PASSPHRASE);
    await goHome(page);
    await expect.poll(() => stageOf(page, QUESTION)).toBe('Ei otettu konsultoitavaksi');
    const card = page.getByTestId('my-requests').getByRole('listitem').filter({ hasText: QUESTION });
    const text = await card.innerText();
    for (const part of [code, 'OT-keskus ei ottanut pyyntöä konsultoitavaksi', 'Kuuluu toiselle palvelulle', 'Mihin voit kääntyä sen sijaan', 'Alueen perheneuvola (synteettinen)']) expect(text).toContain(part);
    expect(await axeViolations(page)).toEqual([]);
  });
});
