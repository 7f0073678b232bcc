import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findDefaultNetwork } from '../../shared/reference/networks';
import { afterMeetingIn, moveClocks } from './support/clock';
import { useBrowserSession } from './support/session';
import { BrowserSession } from './support/browser';
import { E2E_EXPERT_PROFILE, setUpDesk, unlockApp } from './support/unlock';
import { choose, pick, recordRequest, tick } from './support/intake-page';
import { axeViolations } from './support/axe';
import { downloadOn, fileOf, go, notice, previewBundle } from './support/desk-files';
import { bookFirstOption, caseHash, openCaseAt, recordAndRoute } from './support/lifecycle-page';

/**
 * Issue 21 end to end in Chromium: an expert drafts a recommendation naming two methods, the
 * coordinator records and sends it, and the Swedish letter names both with their Swedish
 * one-line descriptions; a new request shows an earlier similar consultation with its
 * recommendation; the OT-level criteria recorded at acceptance appear on the case, in its
 * timeline and in the summary's criteria table. All data synthetic.
 */

const browser = useBrowserSession();
let page: Page;
beforeEach(() => {
  page = browser.page();
});

const PASSPHRASE = 'kolme synteettistä sanaa';
const EXPERT_NETWORK = findDefaultNetwork(E2E_EXPERT_PROFILE.role === 'expert' ? E2E_EXPERT_PROFILE.networkId : '')!.name.fi;

/** Ticks a method in the methods of recommended item `n` (1-based) on a recommendation form. */
async function tickMethod(on: Page, n: number, method: string): Promise<void> {
  const group = on.locator(`#field-recommendations-${n - 1}-methods`);
  await group.locator('label', { hasText: method }).first().click();
  expect(await group.getByRole('checkbox', { name: method }).isChecked()).toBe(true);
}

describe('methods, similar consultations and OT-level criteria (issue 21)', () => {
  describe('with an expert desk', () => {
    let expertSession: BrowserSession;
    let expert: Page;
    beforeEach(async () => {
      expertSession = new BrowserSession();
      expert = await expertSession.start({ locked: true });
      await setUpDesk(expert, E2E_EXPERT_PROFILE);
    });
    afterEach(async () => {
      await expertSession.close();
    });

    it('the expert cites two methods, the coordinator sends the recommendation, and the Swedish letter names both in Swedish', { timeout: 240_000 }, async () => {
      // The coordinator routes a request to the expert's network, books it and sends the network its file.
      const code = await recordRequest(page, { question: 'Hur stöds en ung persons skolgång? (synteettinen)', region: 'Pirkanmaan hyvinvointialue', themes: ['Koulupoissaolot'] });
      const hash = await caseHash(page);
      await page.getByRole('button', { name: 'Hyväksy pyyntö', exact: true }).click();
      await notice(page, `Pyyntö ${code} hyväksytty.`);
      await page.getByRole('button', { name: 'Valitse toinen verkosto' }).click();
      await choose(page, 'Verkosto', EXPERT_NETWORK);
      await page.getByLabel('Perustelu').fill('Synteettinen testiohjaus.');
      await page.getByRole('button', { name: 'Ohjaa', exact: true }).click();
      await page.locator('.otk-routing-history > li', { hasText: EXPERT_NETWORK }).waitFor();
      const option = page.locator('.otk-booking-options li').first();
      await option.waitFor();
      const booked = await option.innerText();
      await option.getByRole('button', { name: /^Varaa/ }).click();
      await page.getByText('Tila nyt: Konsultaatio sovittu').waitFor();
      await page.getByRole('link', { name: 'Siirrot' }).click();
      await pick(page, 'Yhden verkoston tapaukset');
      await choose(page, 'Verkosto', EXPERT_NETWORK);
      await pick(page, 'Nimetty vastaanottaja');
      await page.locator('#export-recipient-name').fill('Verkoston asiantuntija');
      await page.locator('#export-passphrase').fill(PASSPHRASE);
      await page.locator('#export-confirm').fill(PASSPHRASE);
      const networkFile = await downloadOn(page, 'Tee salattu tiedosto');

      // The expert opens it and writes the draft in Swedish, naming a method in each recommended item.
      await expert.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tiedostot', exact: true }).click();
      await previewBundle(expert, networkFile, PASSPHRASE);
      await expert.getByRole('button', { name: 'Tuo', exact: true }).click();
      await expert.getByTestId('import-preview').waitFor({ state: 'detached' });
      await go(expert, `${hash}/draft`);
      await expert.getByRole('heading', { name: `Suositusluonnos: ${code}` }).waitFor();
      await pick(expert, 'Svenska');
      await expert.getByLabel('Kysymys asiantuntijoiden ymmärtämänä').fill('Stöd för skolgången när tidigare åtgärder inte hjälpt.');
      await expert.getByLabel('Suositus 1', { exact: true }).fill('Föräldraträning för familjen.');
      await tickMethod(expert, 1, 'Voimaperheet');
      await expert.getByRole('button', { name: 'Lisää suositus' }).click();
      await expert.getByLabel('Suositus 2', { exact: true }).fill('Familjearbete med ungdomen och nätverket.');
      await tickMethod(expert, 2, 'MDFT – monimuotoinen perheterapeuttinen työskentely');
      expect(await axeViolations(expert)).toEqual([]);
      await expert.getByRole('button', { name: 'Merkitse valmiiksi' }).click();
      await notice(expert, `Tapauksen ${code} suositusluonnos merkitty valmiiksi.`);
      await expert.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tiedostot', exact: true }).click();
      await expert.locator('#send-passphrase').fill(PASSPHRASE);
      await expert.locator('#send-confirm').fill(PASSPHRASE);
      const [sent] = await Promise.all([expert.waitForEvent('download'), expert.getByRole('button', { name: 'Kirjoita tiedosto' }).click()]);
      const draftFile = await fileOf(sent);

      // The coordinator takes the draft in, records the consultation with it once the meeting is held, and sends it.
      await page.getByRole('link', { name: 'Siirrot' }).click();
      await previewBundle(page, draftFile, PASSPHRASE);
      await page.getByRole('button', { name: 'Tuo', exact: true }).click();
      await page.getByText(/^Tuotu: /).waitFor();
      await moveClocks([page, expert], afterMeetingIn(booked));
      await openCaseAt(page, hash, code);
      const panel = page.getByTestId('expert-draft');
      await panel.getByTestId('draft-content').getByText('Menetelmä: Voimaperheet – Digitaalinen vanhempainvalmennus', { exact: false }).waitFor();
      await panel.getByRole('button', { name: 'Käytä suosituksena' }).click();
      expect(await panel.locator('#field-recommendations-1-methods').getByRole('checkbox', { name: 'MDFT – monimuotoinen perheterapeuttinen työskentely' }).isChecked()).toBe(true);
      await panel.getByRole('button', { name: 'Kirjaa suositus', exact: true }).click();
      await notice(page, `Suositus kirjattu tapaukseen ${code}.`);
      await page.getByRole('button', { name: 'Merkitse suositus lähetetyksi', exact: true }).click();
      await notice(page, `Tapauksen ${code} suositus merkitty lähetetyksi.`);

      // The letter is in Swedish and names both methods with their Swedish one-line descriptions.
      await page.getByRole('link', { name: 'Avaa suosituskirje' }).click();
      const letter = page.locator('.otk-letter');
      await letter.waitFor();
      const text = await letter.innerText();
      expect(await letter.getAttribute('lang')).toBe('sv');
      expect(text).toContain('Metod: Voimaperheet (Strongest Families) – Digital föräldraträning med veckovisa telefonsamtal för tidig behandling av beteendeproblem hos barn under skolåldern.');
      expect(text).toContain('Metod: MDFT – multidimensionell familjeterapi – Intensivt, uppsökande familje- och nätverksarbete för 12–19-åringar med omfattande beteende- och missbruksproblem.');
      expect(text).not.toContain('Menetelmä');
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('a new request shows an earlier similar consultation with its recommendation, methods first, and why it is listed', { timeout: 240_000 }, async () => {
    const { code: earlier, hash } = await recordAndRoute(page, { question: 'Aiempi synteettinen kysymys nuoren koulupoissaoloista.' });
    await bookFirstOption(page, earlier, hash);
    const booked = await page.locator('.otk-booking-options li', { hasText: 'Tapaus on varattu tähän' }).innerText();
    await moveClocks([page], afterMeetingIn(booked));
    // Open the case afresh, so its screen reads the moved clock (not at its next minute tick).
    await go(page, '#/');
    await openCaseAt(page, hash, earlier);
    await page.getByRole('button', { name: 'Kirjaa suositus', exact: true }).first().click();
    await page.getByLabel('Kysymys asiantuntijoiden ymmärtämänä').fill('Koulupaluun tukeminen.');
    await page.getByLabel('Suositus 1', { exact: true }).fill('Porrastettu paluu kouluun ja vanhempainvalmennus.');
    await tickMethod(page, 1, 'Voimaperheet');
    await page.getByRole('button', { name: 'Lisää askel' }).click();
    await page.getByLabel('Askel 1', { exact: true }).fill('Sovi paluusuunnitelma');
    await page.getByLabel('Askeleen 1 tekijä').fill('koulukuraattori');
    await choose(page, 'Askeleen 1 laji', 'Verkostopalaveri');
    await page.getByRole('button', { name: 'Kirjaa suositus', exact: true }).last().click();
    await notice(page, `Suositus kirjattu tapaukseen ${earlier}.`);

    const code = await recordRequest(page, { question: 'Uusi synteettinen kysymys koulupoissaoloista.' });
    const similar = page.getByTestId('similar-cases');
    const item = similar.locator('.otk-similar-case', { hasText: earlier });
    await item.filter({ hasText: 'Voimaperheet' }).waitFor();
    const text = await item.innerText();
    expect(text).toContain('2 yhteistä teemaa, sama ikäryhmä, sama palvelutaso');
    expect(text).toContain('Voimaperheet');
    expect(text.indexOf('Voimaperheet')).toBeLessThan(text.indexOf('Porrastettu paluu kouluun'));
    expect(text).toContain('Aiempi synteettinen kysymys nuoren koulupoissaoloista.');
    expect(text).toContain('Verkostopalaveri: Sovi paluusuunnitelma (koulukuraattori)');
    expect(await similar.innerText()).not.toContain(code);
    expect(await axeViolations(page)).toEqual([]);
    // The listed case opens from the list.
    await item.getByRole('link', { name: earlier }).click();
    await page.locator('#case-heading', { hasText: earlier }).waitFor();
  });

  it('a coordinator adds an own method, finds it after a reload, and takes it out of use without deleting it', { timeout: 180_000 }, async () => {
    const NAME = 'Synteettinen perhetyön malli';
    await page.getByRole('link', { name: 'Menetelmät' }).click();
    await page.getByRole('heading', { name: 'Menetelmät', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Lisää oma menetelmä' }).click();
    await page.getByLabel('Nimi suomeksi').fill(NAME);
    await page.getByLabel('Nimi ruotsiksi').fill('Syntetisk familjearbetsmodell');
    await page.getByLabel('Nimi englanniksi').fill('Synthetic family work model');
    await page.getByLabel('Yhden rivin kuvaus suomeksi').fill('Keksitty menetelmä testiä varten.');
    await page.getByLabel('Yhden rivin kuvaus ruotsiksi').fill('En påhittad metod för testet.');
    await page.getByLabel('Yhden rivin kuvaus englanniksi').fill('An invented method for the test.');
    await tick(page, 'Neuropsykiatrinen oireilu');
    await page.getByRole('button', { name: 'Tallenna menetelmä' }).click();
    await page.getByText(`Menetelmä tallennettu: ${NAME}.`).waitFor();
    const row = page.getByTestId('methods-table').locator('tbody tr', { hasText: NAME });
    await row.getByText('Oma, käytössä').waitFor();

    await page.reload();
    await unlockApp(page);
    await page.getByRole('heading', { name: 'Menetelmät', exact: true }).waitFor();
    await row.getByText('Oma, käytössä').waitFor();
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe(`Poistetaanko ${NAME} käytöstä? Aiemmat suositukset säilyttävät sen.`);
      void dialog.accept();
    });
    await page.getByRole('button', { name: `Poista käytöstä: ${NAME}` }).click();
    await page.getByRole('status').getByText(`${NAME} poistettu käytöstä.`).waitFor();
    await row.getByText(/^Oma, poistettu käytöstä/).waitFor();
    expect(await page.getByRole('button', { name: `Poista käytöstä: ${NAME}` }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Muokkaa: ${NAME}` }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('criteria recorded at acceptance show on the case and its timeline and in the summary’s criteria table', { timeout: 240_000 }, async () => {
    await page.getByRole('link', { name: 'Asetukset', exact: true }).click();
    await choose(page, 'OT-keskuksen yhteistyöalue', 'Länsi-Suomen yhteistyöalue');
    await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
    await page.getByText('Asetukset tallennettu.').waitFor();
    await page.getByTestId('criteria-version').filter({ hasText: 'Voimassa: sovelluksen oletuslista (versio 1).' }).waitFor();

    const TRIED = 'Perus- ja erityistason palveluja on jo kokeiltu';
    for (let i = 1; i <= 5; i++) {
      const code = await recordRequest(page, { question: `Kriteeritestin synteettinen kysymys ${i}.` });
      await tick(page, TRIED);
      if (i === 1) {
        // 'Other' needs its text: the checklist says so and nothing is saved.
        await tick(page, 'Muu peruste');
        await page.getByRole('button', { name: 'Hyväksy pyyntö', exact: true }).click();
        await page.getByText('Kirjoita lyhyesti, mikä muu peruste on.').waitFor();
        expect(await page.getByText('Tila nyt: Vastaanotettu').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        await page.locator('label', { hasText: 'Muu peruste' }).first().click();
      }
      await page.getByRole('button', { name: 'Hyväksy pyyntö', exact: true }).click();
      await notice(page, `Pyyntö ${code} hyväksytty.`);
      if (i === 1) {
        const recorded = page.getByTestId('case-criteria');
        await recorded.waitFor();
        expect(await recorded.innerText()).toContain(`${TRIED} (kriteerilista, versio 1)`);
        expect(await page.locator('.otk-timeline').innerText()).toContain(`${TRIED} (kriteerilista, versio 1)`);
      }
    }

    await page.getByRole('link', { name: 'Yhteenvedot' }).click();
    await page.getByRole('heading', { name: 'Toiminnan yhteenvedot' }).waitFor();
    await page.getByRole('button', { name: 'Täyttyneet OT-kriteerit' }).click();
    const table = page.locator('table.otk-summary-table').first();
    await table.locator('thead', { hasText: 'OT-tason kriteeri' }).waitFor();
    const row = table.locator('tbody tr', { hasText: TRIED });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['5', '5']);
    expect(await table.locator('tbody tr', { hasText: 'Muu peruste' }).locator('td').first().innerText()).toBe('0');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Hylkäyksen syy × kriteerit' }).click();
    await page.locator('table.otk-summary-table').first().locator('thead', { hasText: 'Hylkäyksen syy \\ OT-tason kriteeri' }).waitFor();
  });
});
