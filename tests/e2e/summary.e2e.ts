import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { THEMES } from '../../shared/reference/themes';
import { useBrowserSession } from './support/session';
import { printCalls } from './support/browser';
import { printedPages } from './support/pdf';
import { choose, recordRequest } from './support/intake-page';
import { bookFirstOption, recordAndRoute, recordRecommendation } from './support/lifecycle-page';
import { afterMeetingIn, moveClocks } from './support/clock';

const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
});

async function chooseCentre(area: string): Promise<void> {
  await page.getByRole('link', { name: 'Asetukset', exact: true }).click();
  await choose(page, 'OT-keskuksen yhteistyöalue', area);
  await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
  await page.getByText('Asetukset tallennettu.').waitFor();
}

/** Clicks an export button and returns the downloaded file's text. */
async function download(button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/** Gives the browser's file input the named files (the web bridge's openFile). */
async function importFiles(button: string, files: Array<{ name: string; text: string }>): Promise<void> {
  for (const file of files) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
    await chooser.setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text, 'utf8') });
  }
}

/** The theme table's rows as the screen shows them: theme → received. */
async function receivedByTheme(): Promise<Record<string, string>> {
  const table = page.locator('table.otk-summary-table').first();
  await table.waitFor();
  const rows = await table.locator('tbody tr').all();
  const out: Record<string, string> = {};
  for (const row of rows) out[(await row.locator('th').innerText()).trim()] = (await row.locator('td').first().innerText()).trim();
  return out;
}

describe('anonymised activity summaries', () => {
  it('shows <5 for a rare theme, exports CSV and JSON that match the screen, and combines two centres', async () => {
    await chooseCentre('Länsi-Suomen yhteistyöalue');
    for (let i = 1; i <= 5; i++) await recordRequest(page, { question: `Nepsy-kysymys ${i}`, themes: ['Neuropsykiatrinen oireilu'] });
    await recordRequest(page, { question: 'Harvinainen kysymys', themes: ['Koulupoissaolot'] });

    await page.getByRole('link', { name: 'Yhteenvedot' }).click();
    await page.getByRole('heading', { name: 'Toiminnan yhteenvedot' }).waitFor();
    const onScreen = await receivedByTheme();
    expect(onScreen['Koulupoissaolot']).toBe('<5');
    expect(onScreen['Yhteensä']).toBe('6');
    // No published count is between 1 and 4.
    for (const value of Object.values(onScreen)) expect(/^[1-4]$/.test(value)).toBe(false);
    expect(await page.getByText('Usean teeman pyyntö lasketaan').count()).toBeGreaterThan(0);

    const csv = await download('Vie CSV (Excel)');
    expect(csv.name).toMatch(/^otk-yhteenveto-\d{4}-01-\d{4}-12\.csv$/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const csvLines = csv.text.split('\r\n');
    expect(csvLines.find((line) => line.startsWith('Koulupoissaolot;'))?.split(';')[1]).toBe('<5');
    expect(csvLines.find((line) => line.startsWith('Neuropsykiatrinen oireilu;'))?.split(';')[1]).toBe(onScreen['Neuropsykiatrinen oireilu']);

    const json = await download('Vie JSON (otk-summary/1)');
    const summary = JSON.parse(json.text) as { format: string; producer: { area: string }; tables: Array<{ measure: string; rows: { codes: string[] }; rowTotals: unknown[]; total: unknown }> };
    expect(summary.format).toBe('otk-summary/1');
    expect(summary.producer.area).toBe('lansi');
    const received = summary.tables.find((table) => table.measure === 'received')!;
    expect(received.rowTotals[received.rows.codes.indexOf('school-absence')]).toBe('<5');
    expect(received.total).toBe(6);
    expect(json.text).not.toMatch(/Nepsy-kysymys|Testi Koulupsykologi|OTK-20/);

    // The national view: this centre and another (the same file as if from Etelä-Suomi) combine; a bundle is refused.
    const otherFile = JSON.parse(json.text) as { producer: { area: string; name: string } };
    otherFile.producer = { ...otherFile.producer, area: 'etela', name: 'OT-keskus – Etelä-Suomen yhteistyöalue' };
    const other = { name: 'etela.json', text: JSON.stringify(otherFile) };
    await page.getByRole('link', { name: 'Valtakunnallinen näkymä' }).click();
    await page.getByRole('heading', { name: 'Valtakunnallinen yhdistelmä' }).waitFor();
    await importFiles('Lisää yhteenvetotiedosto', [{ name: 'lansi.json', text: json.text }, other]);
    await page.getByRole('heading', { name: /^2 yhteenvetoa yhdistettynä/ }).waitFor();
    const combined = await receivedByTheme();
    expect(combined['Yhteensä']).toBe('12');
    expect(combined['Neuropsykiatrinen oireilu']).toBe(onScreen['Neuropsykiatrinen oireilu'] === '5' ? '10' : combined['Neuropsykiatrinen oireilu']);
    for (const value of Object.values(combined)) expect(/^[1-4]$/.test(value)).toBe(false);
    // The combination prints whole: every theme, the total, the running head on every sheet.
    await page.getByRole('button', { name: 'Tulosta raportti tai tallenna PDF' }).click();
    await expect.poll(() => printCalls(page)).toBe(1);
    const sheets = await printedPages(page, { landscape: true });
    for (const theme of THEMES) expect(sheets.join(' ')).toContain(theme.fi);
    expect(sheets.join(' ')).toMatch(/Yhteensä 12 /);
    for (const sheet of sheets) expect(sheet).toContain('Valtakunnallinen yhdistelmä – vuosi 2026');

    await importFiles('Lisää yhteenvetotiedosto', [{ name: 'siirto.otk', text: 'OTKB\u0001 not a summary' }]);
    await page.getByText(/Tiedostoa siirto\.otk ei tuotu: Tiedosto ei ole/).waitFor();
    await importFiles('Lisää yhteenvetotiedosto', [{ name: 'lansi-again.json', text: json.text }]);
    await page.getByText('Samalta keskukselta on jo yhteenveto.').waitFor();
  });

  it('shows .. for the median and 90th percentile of a row of 5 consultations (fewer than 5 cases on each side), on screen and in the CSV', { timeout: 300_000 }, async () => {
    await chooseCentre('Länsi-Suomen yhteistyöalue');
    for (let i = 1; i <= 5; i++) {
      const { code, hash } = await recordAndRoute(page, { question: `Konsultoitava kysymys ${i}`, themes: ['Neuropsykiatrinen oireilu'] });
      await bookFirstOption(page, code, hash);
      // A consultation is recorded once its meeting has begun: the clock moves past it, and the case is opened afresh.
      await moveClocks([page], afterMeetingIn(await page.locator('.otk-booking-options li', { hasText: 'Tapaus on varattu tähän' }).innerText()));
      await page.evaluate(() => (window.location.hash = '#/'));
      await recordRecommendation(page, code, hash, { summary: `Kysymys ${i} ymmärrettynä.`, items: ['Yhteinen palaveri koulun kanssa.'] });
    }
    await page.getByRole('link', { name: 'Yhteenvedot' }).click();
    const table = page.locator('table.otk-summary-table').first();
    await table.waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    const column = (name: string) => headers.indexOf(name) - 1;
    const cells = async (label: string) => table.locator('tbody tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td').allInnerTexts();
    for (const label of ['Neuropsykiatrinen oireilu', 'Yhteensä']) {
      const row = await cells(label);
      // Five consultations are published as a count, but no median or percentile of them.
      expect(row[column('Konsultoidut')]).toBe('5');
      expect(row[column('Päivää konsultaatioon, mediaani')]).toBe('..');
      expect(row[column('Päivää konsultaatioon, 90. persentiili')]).toBe('..');
    }
    const headline = page.locator('.otk-headline > div', { hasText: 'Päivää konsultaatioon, mediaani' }).locator('dd');
    expect((await headline.innerText()).trim()).toBe('..');
    const csv = await download('Vie CSV (Excel)');
    const line = csv.text.split('\r\n').find((l) => l.startsWith('Neuropsykiatrinen oireilu;'))!.split(';');
    const csvHeaders = csv.text.split('\r\n').find((l) => l.startsWith('Teema;'))!.split(';');
    expect(line[csvHeaders.indexOf('Konsultoidut')]).toBe('5');
    expect(line[csvHeaders.indexOf('Päivää konsultaatioon, mediaani')]).toBe('..');
    expect(line[csvHeaders.indexOf('Päivää konsultaatioon, 90. persentiili')]).toBe('..');
  });
});
