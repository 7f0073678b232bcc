import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { BrowserSession } from './support/browser';
import { goToList, listTable, pick, recordRequest } from './support/intake-page';
import { rawAuditEvents } from './support/desk-files';
import { pageNow } from './support/clock';

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

/** Exports everything (or `scope`) for the installation `receiverId` from the sender's Exchange screen; returns the file. */
async function exportFull(page: Page, receiverId: string, scope = 'Kaikki tiedot'): Promise<{ name: string; bytes: Buffer }> {
  await openExchange(page);
  await pick(page, scope);
  await pick(page, 'Toinen asennus');
  await page.locator('#export-installation-id').fill(receiverId);
  await page.locator('#export-passphrase').fill(PASSPHRASE);
  await page.locator('#export-confirm').fill(PASSPHRASE);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tee salattu tiedosto' }).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

async function importBundle(page: Page, bundle: { name: string; bytes: Buffer }): Promise<void> {
  await openExchange(page);
  await previewBundle(page, bundle, PASSPHRASE);
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: 'Tuo', exact: true }).click();
  await page.getByText(/^Tuotu: /).waitFor();
}

async function openFromList(page: Page, code: string): Promise<void> {
  await goToList(page);
  await listTable(page).getByRole('link', { name: code }).click();
  await page.locator('#case-heading', { hasText: code }).waitFor();
}

async function installationId(page: Page): Promise<string> {
  await openExchange(page);
  return (await page.getByTestId('installation-id').innerText()).trim();
}

/** The audit events `page`'s installation holds and `other`'s does not (read raw from both). */
async function eventsLacking(page: Page, other: Page) {
  const held = new Set((await rawAuditEvents(other)).map((e) => e.id));
  return (await rawAuditEvents(page)).filter((e) => !held.has(e.id));
}

async function editQuestion(page: Page, code: string, question: string): Promise<void> {
  await openFromList(page, code);
  await page.getByRole('button', { name: 'Muokkaa' }).click();
  await page.getByLabel('Kysymys asiantuntijoille').fill(question);
  await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
  await page.locator('#case-heading', { hasText: code }).waitFor();
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

  it('keeps the losing text when both sides edited the same question, flags the case and lets the coordinator resolve it', async () => {
    await openExchange(receiver);
    const receiverId = (await receiver.getByTestId('installation-id').innerText()).trim();
    const code = await recordRequest(sender, { question: 'Alkuperäinen kysymys.' });
    await importBundle(receiver, await exportFull(sender, receiverId));

    await editQuestion(sender, code, 'Versio A: tarkennus lähettäjältä.');
    // The receiver's browser started later, so its clock runs behind the sender's by its start-up
    // time: set it a minute past the sender's, so that its later edit is also the later by the clock.
    await colleague.context.clock.setSystemTime((await pageNow(sender)).getTime() + 60_000);
    await editQuestion(receiver, code, 'Versio B: tarkennus vastaanottajalta.');

    const second = await exportFull(sender, receiverId);
    await openExchange(receiver);
    await previewBundle(receiver, second, PASSPHRASE);
    await receiver.getByText(/^1 tekstikenttää on muutettu molemmissa päissä/).waitFor();
    await receiver.getByRole('button', { name: 'Tuo', exact: true }).click();
    await receiver.getByText(/^Tuotu: .*1 ristiriitaa/).waitFor();

    // The case is flagged, with the text that lost; nothing was dropped.
    await openFromList(receiver, code);
    const flag = receiver.locator('.otk-conflicts');
    await flag.getByRole('heading', { name: 'Tapauksessa on ratkaisematon ristiriita' }).waitFor();
    await flag.getByText('Versio A: tarkennus lähettäjältä.').first().waitFor();
    // Both versions side by side: the one kept now and the one that lost.
    await flag.getByTestId('conflict-current').filter({ hasText: 'Versio B' }).first().waitFor();
    expect(await flag.getByTestId('conflict-losing').first().innerText()).toBe('Versio A: tarkennus lähettäjältä.');
    await flag.getByRole('button', { name: 'Pidä nykyinen' }).click();
    await receiver.getByText('Ristiriita ratkaistu.').waitFor();
    // The flag goes once the live query sees the resolution (it may lag the notice by a moment).
    await receiver.locator('.otk-conflicts').waitFor({ state: 'detached' });
    expect(await receiver.locator('.otk-conflicts').count()).toBe(0);
    expect(await receiver.locator('.otk-timeline').innerText()).toContain('Ristiriita ratkaistu');
  });

  it('after one edit, the delta preview counts that case, no networks or meetings and only the new log events; the file carries the edit', async () => {
    const receiverId = await installationId(receiver);
    const senderId = await installationId(sender);
    const code = await recordRequest(sender, { question: 'Delta: alkuperäinen synteettinen kysymys.' });
    // Full files both ways (the receiver's acknowledges the sender's: the base of the delta); the
    // receiver has a case of its own, which the delta must not send back.
    await importBundle(receiver, await exportFull(sender, receiverId));
    await recordRequest(receiver, { question: 'Vastaanottajan oma synteettinen kysymys.' });
    await importBundle(sender, await exportFull(receiver, senderId));
    await editQuestion(sender, code, 'Delta: tarkennettu synteettinen kysymys.');

    // What the receiver lacks of the sender's log: the events since the base, not its history
    // (the profile's creation, the receiver's own events, anything older).
    const lacking = await eventsLacking(sender, receiver);
    expect(lacking.map((e) => e.action)).toContain('consultation.update');
    expect(lacking.map((e) => e.action)).not.toContain('profile.create');
    expect(lacking.length).toBeLessThan(10);
    await openExchange(sender);
    await pick(sender, 'Muutokset edellisen jälkeen');
    await pick(sender, 'Toinen asennus');
    await sender.locator('#export-installation-id').fill(receiverId);
    const plan = `Muutokset edellisen jälkeen: 1 tapausta, 0 verkostoa, 0 kokousta, ${lacking.length} lokitapahtumaa.`;
    await sender.getByTestId('export-plan').filter({ hasText: plan }).waitFor();

    const delta = await exportFull(sender, receiverId, 'Muutokset edellisen jälkeen');
    expect(delta.name).toMatch(/^otk-delta-/);
    await openExchange(receiver);
    await previewBundle(receiver, delta, PASSPHRASE);
    const preview = receiver.getByTestId('import-preview');
    await preview.waitFor();
    // Cases: 0 new, 1 updated; no network or meeting rows (the bundle carries none).
    const cases = preview.locator('tbody tr').first();
    expect((await cases.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(['0', '1', '0', '0', '0']);
    expect(await preview.locator('tbody tr').filter({ hasText: 'Verkostot' }).count()).toBe(0);
    expect(await preview.locator('tbody tr').filter({ hasText: 'Kokoukset' }).count()).toBe(0);
    await receiver.getByRole('button', { name: 'Tuo', exact: true }).click();
    await receiver.getByText(/^Tuotu: 0 uutta ja 1 päivitettyä tapausta/).waitFor();

    // Stored: the edit, and of the sender's log everything but the delta's own export event.
    await openFromList(receiver, code);
    await receiver.getByText('Delta: tarkennettu synteettinen kysymys.').waitFor();
    expect((await eventsLacking(sender, receiver)).map((e) => e.action)).toEqual(['exchange.export']);
  });
});
