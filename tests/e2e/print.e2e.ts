import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { THEMES } from '../../shared/reference/themes';
import { WELLBEING_REGIONS } from '../../shared/reference/regions';
import { regionLabel } from '../../shared/reference/labels';
import { useBrowserSession } from './support/session';
import { printCalls } from './support/browser';
import { choose, recordRequest } from './support/intake-page';
import { bookFirstOption, caseHash, openCaseAt, recordAndRoute, recordRecommendation } from './support/lifecycle-page';
import { occurrences, printedPages } from './support/pdf';

/**
 * Issue 18 (11): every printable view prints whole. The view is printed as the desktop app prints
 * it (print media, A4, to PDF) and the PDF's own text is read back: every row and the total are on
 * paper, the table header (or the document's running head) is on every sheet, rows are not split
 * and the app's navigation is not printed.
 */
const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
});

/** Texts of the app's header, navigation and controls, none of which belongs on paper. */
const SCREEN_ONLY = ['OT-keskus – konsultaatiopyynnöt', 'Asiantuntijaverkostot', 'Ohjauskokeilu', 'Siirry sisältöön'];

function expectNoScreenChrome(pages: string[], controls: string[]): void {
  for (const [i, text] of pages.entries()) for (const chrome of [...SCREEN_ONLY, ...controls]) expect(text, `sheet ${i + 1} shows "${chrome}"`).not.toContain(chrome);
}

/** Every sheet carries the running head and its own page number of the whole ("Sivu 2 / 3"). */
function expectRunningHead(pages: string[], head: string): void {
  for (const [i, text] of pages.entries()) {
    expect(text, `sheet ${i + 1} lacks the running head`).toContain(head);
    expect(text).toContain(`Sivu ${i + 1} / ${pages.length}`);
  }
}

/** Sentences long enough that a handful fill a sheet; no identifier of anyone. */
const longText = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${topic}, kohta ${String.fromCharCode(65 + i)}: arjen tukea suunnitellaan yhdessä koulun, perheen ja palvelujen kanssa, ja työnjako sovitaan kirjallisesti.`).join(' ');

describe('printing every printable view whole', () => {
  it('prints the summary report with all 20 theme rows and the total, the table header on every sheet', { timeout: 180_000 }, async () => {
    await page.getByRole('link', { name: 'Asetukset', exact: true }).click();
    await choose(page, 'OT-keskuksen yhteistyöalue', 'Länsi-Suomen yhteistyöalue');
    await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
    await page.getByText('Asetukset tallennettu.').waitFor();
    await recordRequest(page, { question: 'Raportin tulostuksen kysymys.', themes: ['Neuropsykiatrinen oireilu'] });

    await page.getByRole('link', { name: 'Yhteenvedot' }).click();
    await page.locator('table.otk-summary-table').waitFor();
    await page.getByRole('button', { name: 'Tulosta raportti tai tallenna PDF' }).click();
    await expect.poll(() => printCalls(page)).toBe(1);
    const pages = await printedPages(page, { landscape: true });
    const all = pages.join(' ');

    const labels = THEMES.map((theme) => theme.fi);
    expect(labels).toHaveLength(20);
    for (const label of labels) expect(all, `theme row "${label}" is not on paper`).toContain(label);
    // The total row comes after the last theme, and the legend after the table: nothing was cut off.
    expect(all).toMatch(/Muu [^A-Za-zÅÄÖåäö]* Yhteensä /);
    expect(all).toContain('<5 = 1–4 tapausta');
    // The table runs over more than one sheet, and every sheet with its rows starts them with the header.
    const withRows = pages.filter((text) => labels.some((label) => text.includes(label)) || text.includes('Yhteensä'));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const text of withRows) {
      const header = text.indexOf('Vastaanotetut pyynnöt');
      expect(header, 'a sheet of the table lacks its header').toBeGreaterThanOrEqual(0);
      const firstRow = Math.min(...[...labels, 'Yhteensä'].map((label) => text.indexOf(label)).filter((at) => at >= 0));
      expect(header).toBeLessThan(firstRow);
    }
    // A row is never split: each theme is on exactly one sheet.
    for (const label of labels.filter((l) => l !== 'Muu')) expect(pages.filter((text) => text.includes(label)).length, label).toBe(1);
    expectRunningHead(pages, 'Toiminnan yhteenvedot – vuosi 2026');
    expectNoScreenChrome(pages, ['Vie CSV (Excel)', 'Tulosta raportti tai tallenna PDF']);
  });

  it('prints a crossed summary (themes × wellbeing regions) within the sheet: every region column and the total column on paper', { timeout: 180_000 }, async () => {
    await recordRequest(page, { question: 'Ristiintaulukon kysymys.', themes: ['Neuropsykiatrinen oireilu'] });
    await page.getByRole('link', { name: 'Yhteenvedot' }).click();
    await page.locator('table.otk-summary-table').waitFor();
    await choose(page, 'Sarakkeet', 'Hyvinvointialue');
    await expect.poll(() => page.locator('table.otk-summary-cross').count()).toBe(8);
    await page.getByRole('button', { name: 'Tulosta raportti tai tallenna PDF' }).click();
    await expect.poll(() => printCalls(page)).toBe(1);
    const pages = await printedPages(page, { landscape: true });
    // A long column label may break inside a word on paper: compare without any spaces.
    const compact = (text: string) => text.replace(/\s+/g, '');
    const all = compact(pages.join(' '));
    // Eight tables (one per measure), each with every region column, the total column and the total row.
    for (const region of WELLBEING_REGIONS) expect(occurrences(all, compact(regionLabel(region, 'fi'))), region.fi).toBeGreaterThanOrEqual(8);
    for (const theme of THEMES) expect(occurrences(all, compact(theme.fi)), theme.fi).toBeGreaterThanOrEqual(8);
    expect(occurrences(all, 'Yhteensä')).toBeGreaterThanOrEqual(16);
  });

  it('prints the audit log view with every loaded event, its header on every sheet', { timeout: 180_000 }, async () => {
    const code = await recordRequest(page, { question: 'Lokin tulostuksen kysymys.' });
    const hash = await caseHash(page);
    // Every opening of the case is an event: enough for several sheets.
    for (let i = 0; i < 60; i++) {
      await page.evaluate(() => (window.location.hash = '#/'));
      await page.getByTestId('home-count-awaitingAcceptance').waitFor();
      await openCaseAt(page, hash, code);
    }
    await page.getByRole('link', { name: 'Loki' }).click();
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr').first().waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    expect(rows.length).toBeGreaterThan(60);

    await page.getByRole('button', { name: 'Tulosta loki' }).click();
    await expect.poll(() => printCalls(page)).toBe(1);
    const pages = await printedPages(page);
    const all = pages.join(' ');
    // Each time stamp is on paper as often as on screen: no row is missing.
    const stamps = new Map<string, number>();
    for (const [when] of rows) stamps.set(when!, (stamps.get(when!) ?? 0) + 1);
    for (const [when, count] of stamps) expect(occurrences(all, when), `rows at ${when}`).toBe(count);
    // The oldest event (the profile's creation, the table's last row) made it to paper.
    expect(all).toContain(rows.at(-1)![2]!);
    expect(all).toContain(`${rows.length} tapahtumaa, uusin ensin`);
    const withRows = pages.filter((text) => [...stamps.keys()].some((when) => text.includes(when)));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const text of withRows) expect(text, 'a sheet of the log lacks its header').toContain('Aika Käyttäjä Tapahtuma Kohde Kentät ja koodit');
    expectRunningHead(pages, 'Tapahtumaloki');
    expectNoScreenChrome(pages, ['Vie loki (JSON Lines)', 'Tarkista lokin eheys', 'Tulosta loki']);
  });

  it('prints the agenda with every case card and the letter with every recommendation, the running head on every sheet', { timeout: 420_000 }, async () => {
    const cases: Array<{ code: string; hash: string; question: string }> = [];
    for (let i = 0; i < 5; i++) {
      const question = longText(`Kysymys ${i + 1}`, 4);
      cases.push({ ...(await recordAndRoute(page, { question, themes: ['Neuropsykiatrinen oireilu'] })), question });
    }
    // The first case opens a slot's meeting; it then takes all five.
    const first = cases[0]!;
    await bookFirstOption(page, first.code, first.hash);
    await page.getByRole('link', { name: 'Avaa asialista' }).click();
    await page.getByRole('heading', { name: /^Asialista:/ }).waitFor();
    await page.getByRole('button', { name: 'Muokkaa kokousta' }).click();
    await page.getByLabel('Tapauksia enintään').fill('8');
    await page.getByRole('button', { name: 'Tallenna kokous' }).click();
    await page.getByText('Kokous tallennettu.').waitFor();
    for (const c of cases.slice(1)) await bookFirstOption(page, c.code, c.hash);

    await openCaseAt(page, first.hash, first.code);
    await page.getByRole('link', { name: 'Avaa asialista' }).click();
    const heading = await page.getByRole('heading', { name: /^Asialista:/ }).innerText();
    await expect.poll(() => page.locator('.otk-case-card').count()).toBe(5);
    await page.getByRole('button', { name: 'Tulosta tai tallenna PDF' }).click();
    await expect.poll(() => printCalls(page)).toBe(1);
    const agenda = await printedPages(page);
    expect(agenda.length).toBeGreaterThanOrEqual(2);
    const agendaText = agenda.join(' ');
    for (const c of cases) {
      expect(agendaText).toContain(c.question);
      // A card is not split between sheets: its code and its whole question are on one sheet.
      expect(agenda.filter((text) => text.includes(c.code) && text.includes(c.question))).toHaveLength(1);
    }
    expectRunningHead(agenda, heading);
    expectNoScreenChrome(agenda, ['Vie kalenteriin (.ics)', 'Tulosta tai tallenna PDF']);

    const items = Array.from({ length: 8 }, (_, i) => longText(`Suositus ${i + 1}`, 3));
    const steps = Array.from({ length: 4 }, (_, i) => ({ step: `Askel ${i + 1}: sovitaan yhteinen palaveri ja kirjataan työnjako`, by: 'koulukuraattori' }));
    await recordRecommendation(page, first.code, first.hash, { summary: longText('Kysymys ymmärrettynä', 2), items, steps });
    await page.getByRole('link', { name: 'Avaa suosituskirje' }).click();
    await page.locator('.otk-letter').waitFor();
    await page.getByRole('button', { name: 'Tulosta tai tallenna PDF' }).click();
    await expect.poll(() => printCalls(page)).toBe(2);
    const letter = await printedPages(page);
    expect(letter.length).toBeGreaterThanOrEqual(2);
    const letterText = letter.join(' ');
    for (const item of items) expect(letterText).toContain(item);
    for (const { step, by } of steps) expect(letterText).toContain(`${step} (${by})`);
    expect(letterText).toContain('Ystävällisin terveisin, OT-keskus');
    expectRunningHead(letter, `Konsultaation suositus – ${first.code}`);
    expectNoScreenChrome(letter, ['Takaisin tapaukseen', 'Tulosta tai tallenna PDF']);
  });
});
