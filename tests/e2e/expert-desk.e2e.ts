import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findDefaultNetwork } from '../../shared/reference/networks';
import { afterMeetingIn, moveClocks } from './support/clock';
import { useBrowserSession } from './support/session';
import { BrowserSession } from './support/browser';
import { E2E_EXPERT_PROFILE, setUpDesk } from './support/unlock';
import { choose, pick, recordRequest } from './support/intake-page';
import { axeViolations } from './support/axe';
import { fileOf, go, notice, previewBundle as previewWith, type BundleFile } from './support/desk-files';

/**
 * The expert desk of issue 11 end to end, with two installations: the coordinator (the default
 * session) routes a case to a network and sends the network its file; the expert desk (bound to
 * that network) opens it, writes the recommendation draft, marks it ready and sends it back; the
 * coordinator sees what the draft changes, uses it and sends the recommendation. All synthetic.
 */

const browser = useBrowserSession();
let coordinator: Page;
let expertSession: BrowserSession;
let expert: Page;

beforeEach(async () => {
  coordinator = browser.page();
  expertSession = new BrowserSession();
  expert = await expertSession.start({ locked: true });
  await setUpDesk(expert, E2E_EXPERT_PROFILE);
});
afterEach(async () => {
  await expertSession.close();
});

const PASSPHRASE = 'kolme synteettistä sanaa';
const EXPERT_NETWORK = findDefaultNetwork(E2E_EXPERT_PROFILE.role === 'expert' ? E2E_EXPERT_PROFILE.networkId : '')!.name.fi;
/** Another network of the same area (the neuropsychiatric team): its file is not for this desk. */
const OTHER_NETWORK = findDefaultNetwork('00000000-0000-7000-8000-000000000032')!.name.fi;

type Bundle = BundleFile;

/** Chooses a bundle in the import panel of the current screen and previews it with the test passphrase. */
const previewBundle = (page: Page, file: Bundle) => previewWith(page, file, PASSPHRASE);




/** The coordinator records a request, accepts it and routes it to `network`; returns its code and address. */
async function routedCase(page: Page, network: string, question: string): Promise<{ code: string; hash: string }> {
  const code = await recordRequest(page, { question, region: 'Pirkanmaan hyvinvointialue', themes: ['Koulupoissaolot'] });
  const hash = await page.evaluate(() => window.location.hash);
  await page.getByRole('button', { name: 'Hyväksy pyyntö', exact: true }).click();
  await notice(page, `Pyyntö ${code} hyväksytty.`);
  await page.getByRole('button', { name: 'Valitse toinen verkosto' }).click();
  await choose(page, 'Verkosto', network);
  await page.getByLabel('Perustelu').fill('Synteettinen testiohjaus.');
  await page.getByRole('button', { name: 'Ohjaa', exact: true }).click();
  await page.locator('.otk-routing-history > li', { hasText: network }).waitFor();
  return { code, hash };
}

async function openCase(page: Page, hash: string, code: string): Promise<void> {
  await go(page, hash);
  await page.locator('#case-heading', { hasText: code }).waitFor();
}

/** The coordinator's network bundle (the network's cases and meetings) for a named recipient. */
async function exportNetworkBundle(page: Page, network: string): Promise<Bundle> {
  await page.getByRole('link', { name: 'Siirrot' }).click();
  await page.getByRole('heading', { name: 'Tietojen siirto asennusten välillä' }).waitFor();
  await pick(page, 'Yhden verkoston tapaukset');
  await choose(page, 'Verkosto', network);
  await pick(page, 'Nimetty vastaanottaja');
  await page.locator('#export-recipient-name').fill('Verkoston asiantuntija');
  await page.locator('#export-passphrase').fill(PASSPHRASE);
  await page.locator('#export-confirm').fill(PASSPHRASE);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tee salattu tiedosto' }).click()]);
  return fileOf(download);
}


async function openDeskFiles(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tiedostot', exact: true }).click();
  await page.getByRole('heading', { name: 'Tiedostot', exact: true }).waitFor();
}

async function openDesk(page: Page): Promise<void> {
  await go(page, '#/');
  await page.getByRole('heading', { name: `Asiantuntijaverkoston työpöytä: ${EXPERT_NETWORK}` }).waitFor();
}

const deskRow = (page: Page, code: string) => page.getByTestId('desk-cases').getByRole('row').filter({ hasText: code });

describe('the expert desk and the draft that comes back (issue 11)', () => {
  it('takes in the network file, writes and sends the draft; the coordinator compares, uses and sends it', { timeout: 240_000 }, async () => {
    // The expert desk starts empty, pointing at Files.
    await openDesk(expert);
    await expert.getByTestId('desk-empty').waitFor();
    expect(await axeViolations(expert)).toEqual([]);

    // The coordinator routes a case to the expert's network, books it and sends the network its file.
    const question = 'Miten tukea nuoren paluuta kouluun pitkän poissaolon jälkeen?';
    const { code, hash } = await routedCase(coordinator, EXPERT_NETWORK, question);
    const option = coordinator.locator('.otk-booking-options li').first();
    await option.waitFor();
    const booked = await option.innerText();
    await option.getByRole('button', { name: /^Varaa/ }).click();
    await coordinator.getByText('Tila nyt: Konsultaatio sovittu').waitFor();
    const networkFile = await exportNetworkBundle(coordinator, EXPERT_NETWORK);

    // The expert opens it under Files: the case and the meeting appear on the desk, without the requester.
    await openDeskFiles(expert);
    await previewBundle(expert, networkFile);
    await expert.getByTestId('import-preview').waitFor();
    await expert.getByRole('button', { name: 'Tuo', exact: true }).click();
    await expert.getByTestId('import-preview').waitFor({ state: 'detached' });
    await openDesk(expert);
    const row = deskRow(expert, code);
    await row.waitFor();
    const rowText = await row.innerText();
    for (const part of ['Koulupoissaolot', '13–15 v', 'klo 13:00', 'Ei luonnosta']) expect(rowText).toContain(part);
    await expert.getByRole('heading', { name: 'Verkoston tulevat kokoukset' }).waitFor();
    const meeting = expert.locator('.otk-desk-agenda li', { hasText: `tapaukset: ${code}` });
    await meeting.waitFor();
    expect(await meeting.innerText()).toContain('1/3 varattu');
    expect(await expert.locator('main').innerText()).not.toContain('Testi Koulupsykologi');
    expect(await axeViolations(expert)).toEqual([]);

    // The agenda of the meeting, without the coordinator's actions; the meetings screen shows this network only.
    await meeting.getByRole('link').click();
    await expert.getByRole('heading', { name: `Asialista: ${EXPERT_NETWORK}` }).waitFor();
    await expert.locator('.otk-case-card', { hasText: code }).waitFor();
    expect(await expert.getByRole('button', { name: 'Muokkaa kokousta' }).count()).toBe(0);
    await expert.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Kokoukset' }).click();
    await expert.getByRole('heading', { name: 'Konsultaatiokokoukset' }).waitFor();
    await expert.getByText(`Verkoston ${EXPERT_NETWORK} kokoukset.`).waitFor();
    expect(await expert.getByRole('button', { name: 'Uusi ylimääräinen kokous' }).count()).toBe(0);

    // The case itself leads to the draft too.
    await openDesk(expert);
    await row.getByRole('link', { name: code, exact: true }).click();
    await expert.locator('#case-heading', { hasText: code }).waitFor();
    await expert.getByRole('link', { name: 'Kirjoita suositusluonnos' }).waitFor();
    expect(await expert.getByRole('heading', { name: 'Pyytäjä', exact: true }).count()).toBe(0);
    await openDesk(expert);

    // The draft: saved unfinished, then marked ready once complete (errors first).
    await row.getByRole('link', { name: /^Kirjoita suositus/ }).click();
    await expert.getByRole('heading', { name: `Suositusluonnos: ${code}` }).waitFor();
    await expert.getByText(question).waitFor();
    await expert.getByLabel('Kysymys asiantuntijoiden ymmärtämänä').fill('Koulupaluun tukeminen pitkän poissaolon jälkeen.');
    await expert.getByRole('button', { name: 'Tallenna luonnos' }).click();
    await notice(expert, `Tapauksen ${code} luonnos tallennettu.`);
    await expert.getByTestId('draft-state').filter({ hasText: 'Luonnos tallennettu' }).waitFor();
    await expert.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
    await expert.getByText('Korjaa seuraavat kohdat ennen tallennusta:').waitFor();
    expect(await expert.locator('.fi-error-summary').first().innerText()).toContain('Suositus 1');
    expect(await axeViolations(expert)).toEqual([]);
    await expert.getByLabel('Suositus 1').fill('Porrastettu paluu kouluun kahden viikon aikana.');
    await expert.getByRole('button', { name: 'Lisää askel' }).click();
    await expert.getByLabel('Askel 1', { exact: true }).fill('Sovi paluusuunnitelma');
    await expert.getByLabel('Askeleen 1 tekijä').fill('koulukuraattori');
    await expert.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
    await notice(expert, `Tapauksen ${code} suositusluonnos merkitty valmiiksi.`);
    const readyNote = expert.getByTestId('draft-ready-note');
    await readyNote.waitFor();
    await openDesk(expert);
    await deskRow(expert, code).filter({ hasText: 'Valmis lähetettäväksi' }).waitFor();

    // Sent back from Files as one encrypted file.
    await openDeskFiles(expert);
    await expert.getByTestId('drafts-ready').filter({ hasText: '1 luonnos on valmiina lähetettäväksi:' }).waitFor();
    expect(await expert.locator('#send-recipient-name').inputValue()).toBe('OT-keskuksen koordinaattori');
    await expert.locator('#send-passphrase').fill(PASSPHRASE);
    await expert.locator('#send-confirm').fill(PASSPHRASE);
    const [sent] = await Promise.all([expert.waitForEvent('download'), expert.getByRole('button', { name: 'Kirjoita tiedosto' }).click()]);
    const draftFile = await fileOf(sent);
    await expert.getByTestId('drafts-written').waitFor();
    expect(draftFile.bytes.includes(Buffer.from('Porrastettu'))).toBe(false);
    await openDesk(expert);
    await deskRow(expert, code).filter({ hasText: /Lähetetty \d/ }).waitFor();

    // The coordinator opens it: the case shows the network's draft.
    await coordinator.getByRole('link', { name: 'Siirrot' }).click();
    await coordinator.getByRole('heading', { name: 'Tietojen siirto asennusten välillä' }).waitFor();
    await previewBundle(coordinator, draftFile);
    const preview = coordinator.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByRole('row', { name: /^Suositusluonnokset/ }).locator('td').first().innerText()).toBe('1');
    await coordinator.getByRole('button', { name: 'Tuo', exact: true }).click();
    await coordinator.getByText(/^Tuotu: /).waitFor();

    // The meeting is held (both desks' clocks move on); the coordinator records the consultation.
    await moveClocks([coordinator, expert], afterMeetingIn(booked));
    await openCase(coordinator, hash, code);
    const panel = coordinator.getByTestId('expert-draft');
    await panel.waitFor();
    const panelText = await panel.innerText();
    expect(panelText).toContain(`Luonnos verkostolta ${EXPERT_NETWORK}. Kirjoittaja E2E Asiantuntija`);
    expect(await panel.getByTestId('draft-content').innerText()).toContain('Porrastettu paluu kouluun kahden viikon aikana.');
    expect(await axeViolations(coordinator)).toEqual([]);

    // Used as the recommendation: the consultation form opens with the draft, edited before saving.
    await panel.getByRole('button', { name: 'Käytä suosituksena' }).click();
    const summary = panel.getByLabel('Kysymys asiantuntijoiden ymmärtämänä');
    expect(await summary.inputValue()).toBe('Koulupaluun tukeminen pitkän poissaolon jälkeen.');
    expect(await panel.getByLabel('Suositus 1').inputValue()).toBe('Porrastettu paluu kouluun kahden viikon aikana.');
    await summary.fill('Koulupaluun tukeminen pitkän poissaolon jälkeen, perhe mukana.');
    await panel.getByRole('button', { name: 'Kirjaa suositus', exact: true }).click();
    await notice(coordinator, `Suositus kirjattu tapaukseen ${code}.`);
    await coordinator.getByText('Tila nyt: Konsultoitu').waitFor();

    // What the draft would change now: the one edited part, before and after, in a captioned table.
    const changes = panel.getByTestId('draft-changes');
    await changes.waitFor();
    const changeRows = changes.locator('tbody tr');
    expect(await changeRows.count()).toBe(1);
    const changeText = await changeRows.first().innerText();
    expect(changeText).toContain('Kysymys asiantuntijoiden ymmärtämänä');
    expect(changeText).toContain('Muutettu');
    expect(changeText).toContain('perhe mukana');
    expect(await changes.locator('caption').innerText()).toContain('Luonnoksen erot');
    expect(await axeViolations(coordinator)).toEqual([]);

    // Finalised with the usual letter and the sending step.
    await coordinator.getByRole('link', { name: 'Avaa suosituskirje' }).click();
    const letter = coordinator.locator('.otk-letter');
    await letter.waitFor();
    expect(await letter.innerText()).toContain('Porrastettu paluu kouluun kahden viikon aikana.');
    expect(await letter.innerText()).toContain('Sovi paluusuunnitelma (koulukuraattori)');
    await openCase(coordinator, hash, code);
    await coordinator.getByRole('button', { name: 'Merkitse suositus lähetetyksi', exact: true }).click();
    await notice(coordinator, `Tapauksen ${code} suositus merkitty lähetetyksi.`);
    await panel.getByText('Suositus on jo lähetetty pyytäjälle').waitFor();
  });

  it('refuses another network’s file on the expert desk and changes nothing', { timeout: 180_000 }, async () => {
    await routedCase(coordinator, OTHER_NETWORK, 'Toiselle verkostolle ohjattu synteettinen kysymys.');
    const otherFile = await exportNetworkBundle(coordinator, OTHER_NETWORK);

    await openDeskFiles(expert);
    await previewBundle(expert, otherFile);
    await expert.getByText('Tiedostoa ei tuotu, eikä mitään muutettu: Tätä tiedostoa ei voi avata tällä profiililla').waitFor();
    expect(await expert.getByTestId('import-preview').count()).toBe(0);
    expect(await expert.getByRole('button', { name: 'Tuo', exact: true }).count()).toBe(0);

    await openDesk(expert);
    await expert.getByTestId('desk-empty').waitFor();
    expect(await expert.locator('main').innerText()).not.toContain('Toiselle verkostolle');
  });
});
