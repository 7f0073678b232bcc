import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';

/**
 * Moving encrypted .otk files between installations in the browser: taking a download, opening a
 * file in the import panel (the coordinator's Exchange screen or a desk's Files screen), and reading
 * the app's IndexedDB raw to show that a refused file changed nothing.
 */

export type BundleFile = { name: string; bytes: Buffer };

/** What the import panel says before the reason of a refusal. */
export const REFUSED = 'Tiedostoa ei tuotu, eikä mitään muutettu: ';
/** exchange.refusal.wrong-desk (desk.fi.json). */
export const WRONG_DESK = 'Tätä tiedostoa ei voi avata tällä profiililla: se on tarkoitettu toiselle vastaanottajalle';
/** bundle.error.wrong-passphrase (fi.json). */
export const WRONG_PASSPHRASE = 'Salalause on väärä.';

export async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

export async function notice(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.otk-notice', { hasText: text }).first().waitFor();
}

export async function fileOf(download: Download): Promise<BundleFile> {
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** Clicks `button` and returns the file the app saves (in the browser: a download). */
export async function downloadOn(page: Page, button: string): Promise<BundleFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return fileOf(download);
}

/**
 * Opens the screen with the import panel afresh (its state — chosen file, last refusal — goes
 * with it): a desk's Files screen (`#/files`) or the coordinator's Exchange screen (`#/exchange`).
 */
export async function openImportScreen(page: Page, hash: '#/files' | '#/exchange'): Promise<void> {
  if ((await page.evaluate(() => window.location.hash)) === hash) {
    await go(page, '#/');
    await page.locator('#import-heading').waitFor({ state: 'detached' });
  }
  await go(page, hash);
  await page.getByRole('heading', { name: hash === '#/files' ? 'Tiedostot' : 'Tietojen siirto asennusten välillä', exact: true }).waitFor();
  await page.locator('#import-heading').waitFor();
}

/** Chooses the file in the import panel of the current screen, gives the passphrase and asks for the preview. */
export async function previewBundle(page: Page, file: BundleFile, passphrase: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Valitse .otk-tiedosto' }).click()]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
  await page.getByText(`Valittu: ${file.name}`).waitFor();
  await page.locator('#import-passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Avaa ja esikatsele' }).click();
}

/** Previews the file and waits for the refusal naming `reason`; no preview, no Import button. */
export async function expectRefused(page: Page, file: BundleFile, passphrase: string, reason: string): Promise<void> {
  await previewBundle(page, file, passphrase);
  await page.getByText(`${REFUSED}${reason}`).waitFor();
  if ((await page.getByTestId('import-preview').count()) > 0) throw new Error('a refused file still shows a preview');
  if ((await page.getByRole('button', { name: 'Tuo', exact: true }).count()) > 0) throw new Error('a refused file still offers Import');
}

/** Previews the file, then imports it and waits for the panel to close its preview. */
export async function importBundle(page: Page, file: BundleFile, passphrase: string): Promise<void> {
  await previewBundle(page, file, passphrase);
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: 'Tuo', exact: true }).click();
  await page.getByTestId('import-preview').waitFor({ state: 'detached' });
  await notice(page, /^Tuotu: /);
}

/**
 * The app's IndexedDB database read raw (no app, no key), store by store: the number of rows and a
 * SHA-256 of all of them (keys and values, binary as bytes). Sealed rows cannot be read here, but any
 * write a refusal made would change a count or a digest.
 */
export async function rawDatabase(page: Page): Promise<Record<string, { rows: number; sha256: string }>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('otk-consultation-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = Array.from(db.objectStoreNames);
    const transaction = db.transaction(names, 'readonly');
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const bytes = (_key: string, value: unknown) =>
      value instanceof ArrayBuffer ? Array.from(new Uint8Array(value)) : ArrayBuffer.isView(value) ? Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) : value;
    // Every read is queued at once: the transaction would close at the first await on anything else.
    const rows = await Promise.all(names.map((name) => Promise.all([read(transaction.objectStore(name).getAllKeys()), read(transaction.objectStore(name).getAll())])));
    const dump: Record<string, { rows: number; sha256: string }> = {};
    for (const [index, name] of names.entries()) {
      const [keys, values] = rows[index]!;
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify({ keys, values }, bytes)));
      dump[name] = { rows: values.length, sha256: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('') };
    }
    db.close();
    return dump;
  });
}

/** The app's audit events read raw from IndexedDB (they hold codes and ids only, never sealed): id, action and clock stamp. */
export async function rawAuditEvents(page: Page): Promise<Array<{ id: string; action: string; clock: string }>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('otk-consultation-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const events = await new Promise<Array<{ id: string; action: string; clock: string }>>((resolve, reject) => {
      const request = db.transaction('audit', 'readonly').objectStore('audit').getAll();
      request.onsuccess = () => resolve(request.result.map((e: { id: string; action: string; clock: string }) => ({ id: e.id, action: e.action, clock: e.clock })));
      request.onerror = () => reject(request.error);
    });
    db.close();
    return events;
  });
}
