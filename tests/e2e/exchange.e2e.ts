import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { BrowserSession } from './support/browser';
import { goToList, listTable, pick, recordRequest } from './support/intake-page';

const browser = useBrowserSession();
let sender: Page;
let colleague: BrowserSession;
let receiver: Page;

beforeEach(async () => {
  sender = browser.page();
  colleague = new BrowserSession();
  receiver = await colleague.start();
});
afterEach(async () => {
  await colleague.close();
});

const PASSPHRASE = 'kolme synteettistä sanaa';

async function openExchange(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Siirrot' }).click();
  await page.getByRole('heading', { name: 'Tietojen siirto asennusten välillä' }).waitFor();
}

/** Opens a bundle in the import panel: the file through the browser's file input, then the passphrase. */
async function previewBundle(page: Page, file: { name: string; bytes: Buffer }, passphrase: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Valitse .otk-tiedosto' }).click()]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
  await page.getByText(`Valittu: ${file.name}`).waitFor();
  await page.locator('#import-passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Avaa ja esikatsele' }).click();
}

describe('exchange between two installations by encrypted file', () => {
  it('exports a full bundle for a colleague, who previews and imports it; a wrong passphrase and a repeat change nothing', async () => {
    await openExchange(receiver);
    const receiverId = (await receiver.getByTestId('installation-id').innerText()).trim();

    const code = await recordRequest(sender, { question: 'Siirrettävä synteettinen kysymys.' });
    await openExchange(sender);
    await pick(sender, 'Kaikki tiedot');
    await pick(sender, 'Toinen asennus');
    await sender.locator('#export-installation-id').fill(receiverId);
    await sender.locator('#export-recipient-name').fill('Kollega B');
    await sender.getByTestId('export-plan').filter({ hasText: '1 tapausta' }).waitFor();
    // A short passphrase is refused at the field.
    await sender.locator('#export-passphrase').fill('lyhyt');
    await sender.locator('#export-confirm').fill('lyhyt');
    await sender.getByRole('button', { name: 'Tee salattu tiedosto' }).click();
    await sender.getByText('Salalauseessa on oltava vähintään 12 merkkiä.').waitFor();
    await sender.locator('#export-passphrase').fill(PASSPHRASE);
    await sender.locator('#export-confirm').fill(PASSPHRASE);
    const [download] = await Promise.all([sender.waitForEvent('download'), sender.getByRole('button', { name: 'Tee salattu tiedosto' }).click()]);
    const bundle = { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
    expect(bundle.name).toMatch(/^otk-full-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.otk$/);
    expect(bundle.bytes.subarray(0, 4).toString('latin1')).toBe('OTKB');
    // Encrypted: the case's text is nowhere in the file.
    expect(bundle.bytes.includes(Buffer.from('Siirrettävä'))).toBe(false);
    expect(bundle.bytes.includes(Buffer.from(code))).toBe(false);

    await previewBundle(receiver, bundle, 'väärä salalause tässä');
    await receiver.getByText('Tiedostoa ei tuotu, eikä mitään muutettu: Salalause on väärä.').waitFor();

    await previewBundle(receiver, bundle, PASSPHRASE);
    const preview = receiver.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('Kaikki tiedot');
    const casesRow = preview.locator('tbody tr').first();
    expect((await casesRow.locator('td').first().innerText()).trim()).toBe('1');
    await receiver.getByRole('button', { name: 'Tuo', exact: true }).click();
    await receiver.getByText(/^Tuotu: 1 uutta/).waitFor();

    await goToList(receiver);
    await listTable(receiver).getByRole('row').filter({ hasText: code }).waitFor();

    await openExchange(receiver);
    await previewBundle(receiver, bundle, PASSPHRASE);
    await receiver.getByText(/Tiedostoa ei tuotu, eikä mitään muutettu: Tämä tiedosto on jo tuotu\./).waitFor();
  });
});
