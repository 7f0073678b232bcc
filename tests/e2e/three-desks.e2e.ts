import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readBundleHeader } from '../../shared/sync/bundle';
import { findDefaultNetwork } from '../../shared/reference/networks';
import { afterMeetingIn, moveClocks } from './support/clock';
import { BrowserSession } from './support/browser';
import { E2E_EXPERT_PROFILE, E2E_REQUESTER, E2E_REQUESTER_PROFILE, setUpDesk } from './support/unlock';
import { choose, goToList, listCount, listTable, pick, tick } from './support/intake-page';
import { downloadOn, expectRefused, go, importBundle, notice, openImportScreen, previewBundle, rawDatabase, WRONG_DESK, WRONG_PASSPHRASE, type BundleFile } from './support/desk-files';

/**
 * Issue 11 end to end, with three installations (three Chromium profiles): a requester's desk, the
 * OT-keskus coordinator and an expert desk of the network the case goes to. The request travels
 * requester → coordinator → expert → coordinator → requester as encrypted files; at every hop the
 * file opened by the wrong desk, or with the wrong passphrase, is refused and changes nothing —
 * neither what the desk shows nor (read raw) its IndexedDB. All data synthetic.
 */

let requesterSession: BrowserSession | undefined;
let centreSession: BrowserSession | undefined;
let expertSession: BrowserSession | undefined;

afterEach(async () => {
  for (const session of [requesterSession, centreSession, expertSession]) await session?.close();
  requesterSession = centreSession = expertSession = undefined;
});

const PASSPHRASE = 'kolme työpöytää ja yksi salalause';
const WRONG = 'tämä salalause ei ole oikea';
const QUESTION = 'Nuoren koulunkäynti on katkennut puoleksi vuodeksi, eikä perhetyö ole auttanut. Miten edetä? (e2e-kolme-pöytää)';
const SUMMARY = 'Koulupaluun tukeminen pitkän poissaolon jälkeen.';
const ITEM = 'Porrastettu paluu kouluun kolmen viikon aikana, perhe mukana suunnittelussa.';
const STEP = 'Sovi paluusuunnitelma';
const EXPERT_NETWORK_ID = E2E_EXPERT_PROFILE.role === 'expert' ? E2E_EXPERT_PROFILE.networkId : '';
const EXPERT_NETWORK = findDefaultNetwork(EXPERT_NETWORK_ID)!.name.fi;

// The requester's desk.

async function requesterHome(page: Page): Promise<void> {
  await go(page, '#/');
  await page.getByRole('heading', { name: 'Omat pyyntöni' }).waitFor();
}

const requestCards = (page: Page) => page.getByTestId('my-requests').getByRole('listitem');

/** The requester's home: still the one request, at `stage`. */
async function expectRequestAt(page: Page, stage: string): Promise<void> {
  await requesterHome(page);
  await expect.poll(() => requestCards(page).getByTestId('request-stage').allInnerTexts()).toEqual([stage]);
  expect(await requestCards(page).first().innerText()).toContain(QUESTION);
}

// The coordinator.

async function openCase(page: Page, id: string, code: string): Promise<void> {
  await go(page, `#/case/${id}`);
  await page.locator('#case-heading', { hasText: code }).waitFor();
  // The sections below the lifecycle have loaded (the draft panel stands above routing).
  await page.locator('#case-routing').waitFor();
}

/** Routes the open case to the expert's network: the proposal if it is that network, otherwise an override with a reason. */
async function routeToExpertNetwork(page: Page): Promise<void> {
  await page.locator('#routing-proposal').waitFor();
  const confirm = page.getByRole('button', { name: `Ohjaa: ${EXPERT_NETWORK}`, exact: true });
  if (await confirm.isVisible()) await confirm.click();
  else {
    await page.getByRole('button', { name: 'Valitse toinen verkosto' }).click();
    await choose(page, 'Verkosto', EXPERT_NETWORK);
    await page.getByLabel('Perustelu').fill('Synteettinen testiohjaus asiantuntijan työpöydän verkostolle.');
    await page.getByRole('button', { name: 'Ohjaa', exact: true }).click();
  }
  await page.locator('.otk-routing-history > li', { hasText: EXPERT_NETWORK }).waitFor();
}

/** Writes a bundle on the Exchange screen: `scope` (with its network or requester) for a named recipient. */
async function exportFor(page: Page, scope: { network: string } | { requester: string }, recipientName: string): Promise<BundleFile> {
  await openImportScreen(page, '#/exchange');
  if ('network' in scope) {
    await pick(page, 'Yhden verkoston tapaukset');
    await choose(page, 'Verkosto', scope.network);
  } else {
    await pick(page, 'Yhden pyytäjän tapaukset');
    await choose(page, 'Pyytäjä', scope.requester);
  }
  await pick(page, 'Nimetty vastaanottaja');
  await page.locator('#export-recipient-name').fill(recipientName);
  await page.getByTestId('export-plan').filter({ hasText: '1 tapausta' }).waitFor();
  await page.locator('#export-passphrase').fill(PASSPHRASE);
  await page.locator('#export-confirm').fill(PASSPHRASE);
  return downloadOn(page, 'Tee salattu tiedosto');
}

// The expert desk.

async function expertHome(page: Page): Promise<void> {
  await go(page, '#/');
  await page.getByRole('heading', { name: `Asiantuntijaverkoston työpöytä: ${EXPERT_NETWORK}` }).waitFor();
}

const deskRows = (page: Page) => page.getByTestId('desk-cases').locator('tbody tr');

/**
 * Opens `file` where it does not belong (or with the wrong passphrase) on the import screen of
 * `page`: refused with `reason`, and the raw database is the same before and after.
 */
async function refusedWithoutChange(page: Page, screen: '#/files' | '#/exchange', file: BundleFile, passphrase: string, reason: string): Promise<void> {
  await openImportScreen(page, screen);
  const before = await rawDatabase(page);
  await expectRefused(page, file, passphrase, reason);
  expect(await rawDatabase(page)).toEqual(before);
}

describe('three desks, one request: requester → coordinator → expert → coordinator → requester (issue 11)', () => {
  it('carries an anonymous request to a recommendation; every hop refuses the wrong desk and the wrong passphrase and changes nothing', { timeout: 420_000 }, async () => {
    requesterSession = new BrowserSession();
    centreSession = new BrowserSession();
    expertSession = new BrowserSession();
    const [requester, coordinator, expert] = await Promise.all([requesterSession.start({ locked: true }), centreSession.start(), expertSession.start({ locked: true })]);
    await Promise.all([setUpDesk(requester, E2E_REQUESTER_PROFILE), setUpDesk(expert, E2E_EXPERT_PROFILE)]);

    // 1. The requester drafts an anonymous request, finishes it and sends it to the proposed OT-keskus.
    await requesterHome(requester);
    await requester.getByRole('link', { name: 'Uusi pyyntö' }).click();
    await requester.getByRole('heading', { name: 'Uusi konsultaatiopyyntö' }).waitFor();
    await pick(requester, 'Anonyymi (ei tunnistetietoja)');
    await choose(requester, 'Ikäryhmä', '13–15 v');
    await choose(requester, 'Palvelujen taso nyt', 'Erityistaso');
    await tick(requester, 'Koulupoissaolot');
    await requester.getByLabel('Kysymys asiantuntijoille').fill(QUESTION);
    await pick(requester, 'Ohjausta ja neuvoja');
    await requester.getByRole('button', { name: 'Tallenna luonnos' }).click();
    await requester.getByText(/^Luonnos tallennettu /).waitFor();
    await expect.poll(() => requester.url()).toMatch(/#\/request\/[0-9a-f-]{36}$/);
    await requester.getByRole('button', { name: 'Viimeistele pyyntö' }).click();
    await requester.getByRole('heading', { name: 'Tiedostot', exact: true }).waitFor();
    await requester.getByText('Pyyntö on valmis. Lähetä se OT-keskukselle tällä sivulla.').waitFor();
    expect(await requester.getByRole('checkbox', { name: QUESTION }).isChecked()).toBe(true);
    await requester.locator('#send-passphrase').fill(PASSPHRASE);
    await requester.locator('#send-confirm').fill(PASSPHRASE);
    const requestFile = await downloadOn(requester, 'Kirjoita pyyntötiedosto');
    const requestHeader = readBundleHeader(new Uint8Array(requestFile.bytes));
    expect(requestHeader.scope.kind).toBe('requester');
    expect(requestHeader.counts.consultation).toBe(1);
    expect(requestFile.bytes.includes(Buffer.from('e2e-kolme-pöytää'))).toBe(false);
    await expectRequestAt(requester, 'Lähetetty OT-keskukselle');
    // The request as a case (the id the centre's reply will carry back).
    const caseHref = await requestCards(requester).first().getByRole('link', { name: 'Näytä pyyntö' }).getAttribute('href');
    const requestId = /^#\/case\/([0-9a-f-]{36})$/.exec(caseHref ?? '')![1]!;

    //    The expert desk cannot open the request file (not its network's), even with the passphrase.
    await refusedWithoutChange(expert, '#/files', requestFile, PASSPHRASE, WRONG_DESK);
    await expertHome(expert);
    await expert.getByTestId('desk-empty').waitFor();
    //    The coordinator with the wrong passphrase: refused, the work list still empty.
    await refusedWithoutChange(coordinator, '#/exchange', requestFile, WRONG, WRONG_PASSPHRASE);
    await goToList(coordinator);
    expect(await listCount(coordinator)).toBe('Ei vielä pyyntöjä.');

    // 2. The coordinator takes the request in: a new case, received through an imported file.
    await openImportScreen(coordinator, '#/exchange');
    await previewBundle(coordinator, requestFile, PASSPHRASE);
    const preview = coordinator.getByTestId('import-preview');
    await preview.waitFor();
    await preview.getByText('Uusia konsultaatiopyyntöjä: 1. Ne kirjataan vastaanotetuiksi tänään kanavalla ”tuotu tiedosto”').waitFor();
    await coordinator.getByRole('button', { name: 'Tuo', exact: true }).click();
    await notice(coordinator, /^Tuotu: 1 uutta/);
    await goToList(coordinator);
    expect(await listCount(coordinator)).toBe('1 pyyntö');
    await listTable(coordinator).getByRole('link').first().click();
    const code = /[A-Z]{2,8}-\d{4}-\d{4}/.exec(await coordinator.locator('#case-heading').innerText())![0];
    expect(coordinator.url()).toContain(`#/case/${requestId}`);
    const request = await coordinator.locator('section[aria-labelledby="case-request"]').innerText();
    expect(request).toContain('Tuotu tiedosto');
    expect(request).toContain(QUESTION);
    expect(await coordinator.locator('section[aria-labelledby="case-consent"]').innerText()).toContain('Anonyymi (ei tunnistetietoja)');

    await coordinator.getByRole('button', { name: 'Hyväksy pyyntö', exact: true }).click();
    await notice(coordinator, `Pyyntö ${code} hyväksytty.`);
    await routeToExpertNetwork(coordinator);
    const option = coordinator.locator('.otk-booking-options li').first();
    await option.waitFor();
    const meeting = await option.innerText();
    await option.getByRole('button', { name: /^Varaa/ }).click();
    await coordinator.getByText('Tila nyt: Konsultaatio sovittu').waitFor();
    const networkFile = await exportFor(coordinator, { network: EXPERT_NETWORK }, 'Verkoston asiantuntija');
    expect(readBundleHeader(new Uint8Array(networkFile.bytes)).scope).toEqual({ kind: 'network', networkId: EXPERT_NETWORK_ID });

    //    The requester cannot open the network's file; the expert cannot open it with the wrong passphrase.
    await refusedWithoutChange(requester, '#/files', networkFile, PASSPHRASE, WRONG_DESK);
    await expectRequestAt(requester, 'Lähetetty OT-keskukselle');
    await refusedWithoutChange(expert, '#/files', networkFile, WRONG, WRONG_PASSPHRASE);
    await expertHome(expert);
    await expert.getByTestId('desk-empty').waitFor();

    // 3. The expert desk opens the network's file: the case and its meeting; the draft goes back.
    await openImportScreen(expert, '#/files');
    await importBundle(expert, networkFile, PASSPHRASE);
    await expertHome(expert);
    await expect.poll(() => deskRows(expert).count()).toBe(1);
    const row = deskRows(expert).filter({ hasText: code });
    const rowText = await row.innerText();
    for (const part of ['Koulupoissaolot', '13–15 v', 'klo ', 'Ei luonnosta']) expect(rowText).toContain(part);
    await expert.locator('.otk-desk-agenda li', { hasText: `tapaukset: ${code}` }).waitFor();
    expect(await expert.locator('main').innerText()).not.toContain(E2E_REQUESTER.name);

    await row.getByRole('link', { name: /^Kirjoita suositus/ }).click();
    await expert.getByRole('heading', { name: `Suositusluonnos: ${code}` }).waitFor();
    await expert.getByLabel('Kysymys asiantuntijoiden ymmärtämänä').fill(SUMMARY);
    await expert.getByLabel('Suositus 1').fill(ITEM);
    await expert.getByRole('button', { name: 'Lisää askel' }).click();
    await expert.getByLabel('Askel 1', { exact: true }).fill(STEP);
    await expert.getByLabel('Askeleen 1 tekijä').fill('koulukuraattori');
    await expert.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
    await notice(expert, `Tapauksen ${code} suositusluonnos merkitty valmiiksi.`);
    await openImportScreen(expert, '#/files');
    await expert.getByTestId('drafts-ready').filter({ hasText: '1 luonnos on valmiina lähetettäväksi:' }).waitFor();
    await expert.locator('#send-passphrase').fill(PASSPHRASE);
    await expert.locator('#send-confirm').fill(PASSPHRASE);
    const draftFile = await downloadOn(expert, 'Kirjoita tiedosto');
    await expert.getByTestId('drafts-written').waitFor();
    expect(draftFile.bytes.includes(Buffer.from('Porrastettu'))).toBe(false);

    //    The requester cannot open the draft file; the coordinator cannot open it with the wrong passphrase.
    await refusedWithoutChange(requester, '#/files', draftFile, PASSPHRASE, WRONG_DESK);
    await expectRequestAt(requester, 'Lähetetty OT-keskukselle');
    await refusedWithoutChange(coordinator, '#/exchange', draftFile, WRONG, WRONG_PASSPHRASE);
    await openCase(coordinator, requestId, code);
    await coordinator.getByText('Tila nyt: Konsultaatio sovittu').waitFor();
    expect(await coordinator.getByTestId('expert-draft').count()).toBe(0);

    // 4. The meeting is held (every desk's clock moves on together). The coordinator opens the draft,
    //    uses it, records the consultation, sends the recommendation and writes the reply file.
    await moveClocks([requester, coordinator, expert], afterMeetingIn(meeting));
    await openImportScreen(coordinator, '#/exchange');
    await importBundle(coordinator, draftFile, PASSPHRASE);
    await openCase(coordinator, requestId, code);
    const panel = coordinator.getByTestId('expert-draft');
    await panel.waitFor();
    expect(await panel.innerText()).toContain(`Luonnos verkostolta ${EXPERT_NETWORK}. Kirjoittaja ${E2E_EXPERT_PROFILE.profileName}`);
    await panel.getByRole('button', { name: 'Käytä suosituksena' }).click();
    expect(await panel.getByLabel('Suositus 1').inputValue()).toBe(ITEM);
    await panel.getByRole('button', { name: 'Kirjaa suositus', exact: true }).click();
    await notice(coordinator, `Suositus kirjattu tapaukseen ${code}.`);
    await coordinator.getByText('Tila nyt: Konsultoitu').waitFor();
    await coordinator.getByRole('button', { name: 'Merkitse suositus lähetetyksi', exact: true }).click();
    await notice(coordinator, `Tapauksen ${code} suositus merkitty lähetetyksi.`);
    const replyFile = await exportFor(coordinator, { requester: `${E2E_REQUESTER.name}, ${E2E_REQUESTER.organisation}` }, E2E_REQUESTER.name);
    expect(readBundleHeader(new Uint8Array(replyFile.bytes)).scope.kind).toBe('requester');

    //    The expert desk cannot open the reply; the requester cannot open it with the wrong passphrase.
    await refusedWithoutChange(expert, '#/files', replyFile, PASSPHRASE, WRONG_DESK);
    await expertHome(expert);
    await expect.poll(() => deskRows(expert).count()).toBe(1);
    await deskRows(expert).filter({ hasText: code }).filter({ hasText: /Lähetetty \d/ }).waitFor();
    await refusedWithoutChange(requester, '#/files', replyFile, WRONG, WRONG_PASSPHRASE);
    await expectRequestAt(requester, 'Lähetetty OT-keskukselle');

    // 5. The requester opens the reply: the recommendation has arrived, with the centre's code and the meeting.
    await openImportScreen(requester, '#/files');
    const beforeReply = await rawDatabase(requester);
    await importBundle(requester, replyFile, PASSPHRASE);
    // The raw comparison above would have seen a write: this import changes the case (and logs it).
    const afterReply = await rawDatabase(requester);
    expect(afterReply.consultations).not.toEqual(beforeReply.consultations);
    expect(afterReply.importedBundles!.rows).toBe(beforeReply.importedBundles!.rows + 1);
    await expectRequestAt(requester, 'Suositus saapunut');
    const card = await requestCards(requester).first().innerText();
    for (const part of ['OT-keskuksen tunnus', code, 'Konsultaatio', 'klo ', 'Suositus saapui']) expect(card).toContain(part);
    const letterLink = requestCards(requester).first().getByRole('link', { name: 'Avaa suosituskirje (tulosta tai tallenna PDF:ksi)' });
    expect(await letterLink.getAttribute('href')).toBe(`#/case/${requestId}/letter`);
    await go(requester, `#/case/${requestId}/letter`);
    const letter = requester.locator('.otk-letter');
    await letter.waitFor();
    const letterText = await letter.innerText();
    for (const part of [code, SUMMARY, ITEM, `${STEP} (koulukuraattori)`]) expect(letterText).toContain(part);
  });
});
