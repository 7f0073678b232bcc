import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { goToList, listCount, listTable, recordRequest } from './support/intake-page';
import { closeAndPurge } from './support/close-and-purge';
import { E2E_PASSPHRASE } from './support/unlock';

/**
 * Issue 22: the work list index loads at unlock from its sealed snapshot (table indexSnapshot) and
 * the revision feed since. A coordinator's list, after a purge (which clears the snapshot; the index
 * writes a new one) and an edit made after that snapshot, is exactly right after locking and
 * unlocking again; an expert profile on the same installation, whose index filters the snapshot,
 * sees only its network's case.
 */
const browser = useBrowserSession();

/** The stored snapshot's header and the list revision, read from IndexedDB as stored. */
async function stored(page: Page): Promise<{ head: { rev: number; snapshotId: string; count: number } | null; rev: number; sealedOnly: boolean }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('otk-consultation-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ask = <T,>(request: IDBRequest) => new Promise<T>((resolve, reject) => ((request.onsuccess = () => resolve(request.result as T)), (request.onerror = () => reject(request.error))));
    const tx = db.transaction(['indexSnapshot', 'counters'], 'readonly');
    const rows = await ask<Array<Record<string, unknown>>>(tx.objectStore('indexSnapshot').getAll());
    const counter = await ask<{ value: number } | undefined>(tx.objectStore('counters').get('consultations:rev'));
    db.close();
    const head = (rows.find((row) => row.id === 'head') ?? null) as { rev: number; snapshotId: string; count: number } | null;
    const sealedOnly = rows.every((row) => row.id === 'head' || Object.keys(row).toSorted().join() === 'id,sealed');
    return { head, rev: counter?.value ?? 0, sealedOnly };
  });
}

async function lockAndUnlock(page: Page, profile: string | null, passphrase: string): Promise<void> {
  await page.keyboard.press('Control+Shift+L');
  await page.locator('#unlock-passphrase').waitFor();
  if (profile) await page.getByRole('radio', { name: new RegExp(`^${profile}`) }).check({ force: true });
  await page.locator('#unlock-passphrase').fill(passphrase);
  await page.locator('#unlock-passphrase').press('Enter');
  await page.locator('.otk-session-bar').waitFor();
}

const rowOf = (page: Page, code: string) => listTable(page).getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });

describe('the work list index from its sealed snapshot (issue 22)', () => {
  it('after a purge and an edit, locking and unlocking shows exactly the cases as they are; an expert sees only its network', { timeout: 600_000 }, async () => {
    const page = browser.page();
    const first = await recordRequest(page, { question: 'Indeksin testin ensimmäinen synteettinen kysymys.' });
    const firstHash = await page.evaluate(() => window.location.hash);
    const second = await recordRequest(page, { question: 'Indeksin testin toinen synteettinen kysymys.' });
    const purged = await closeAndPurge(page, 'Indeksin testin poistettava synteettinen kysymys.');

    // The purge cleared the snapshot in its own transaction; the index writes a new one (without the case).
    await expect.poll(async () => (await stored(page)).head?.count, { timeout: 30_000 }).toBe(2);
    const afterPurge = await stored(page);
    expect(afterPurge.sealedOnly).toBe(true);

    // An edit after that snapshot: the first case accepted and routed (the catch-up brings it).
    await page.evaluate((hash) => (window.location.hash = hash), firstHash);
    await page.getByRole('button', { name: 'Hyväksy pyyntö', exact: true }).click();
    await page.locator('.otk-notice', { hasText: `Pyyntö ${first} hyväksytty.` }).first().waitFor();
    await page.evaluate(() => (window.location.hash = '#/help'));
    await page.evaluate((hash) => (window.location.hash = hash), firstHash);
    const route = page.getByRole('button', { name: /^Ohjaa: / });
    const network = (await route.innerText()).replace(/^Ohjaa: /, '').trim();
    await route.click();
    await page.getByRole('heading', { name: 'Kokousvaraus' }).waitFor();
    const beforeLock = await stored(page);
    expect(beforeLock.head?.snapshotId).toBe(afterPurge.head?.snapshotId);
    expect(beforeLock.rev).toBeGreaterThan(beforeLock.head!.rev);

    await lockAndUnlock(page, null, E2E_PASSPHRASE);
    // Filtered views answer only from the index (before it is ready they say "Ladataan…"): the
    // purged case's code finds nothing, the others find themselves as they are now.
    await goToList(page, `q=${encodeURIComponent(purged)}`);
    await expect.poll(() => listCount(page)).toMatch(/^0|Ei /);
    await goToList(page, `q=${encodeURIComponent(first)}`);
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');
    expect(await rowOf(page, first).innerText()).toContain('Ohjattu verkostolle');
    await goToList(page, `q=${encodeURIComponent(second)}`);
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');
    expect(await rowOf(page, second).innerText()).not.toContain('Ohjattu verkostolle');
    await goToList(page, 'status=routed');
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');
    await goToList(page);
    expect(await listCount(page)).toBe('2 pyyntöä');
    expect(await page.getByRole('link', { name: purged, exact: true }).count()).toBe(0);

    // An expert profile of the routed case's network: its index filters the same snapshot.
    await page.evaluate(() => (window.location.hash = '#/settings'));
    await page.getByRole('heading', { name: 'Lukitus ja profiilit' }).waitFor();
    await page.locator('#profile-name').fill('E2E Indeksiasiantuntija');
    await page.getByRole('radio', { name: 'asiantuntija', exact: true }).check({ force: true });
    await page.locator('#profile-network_button').click();
    await page.locator('#profile-network-popover').getByRole('option', { name: network, exact: true }).click();
    await page.locator('#profile-passphrase').fill('seitsemän sinistä siltaa sateessa');
    await page.locator('#profile-confirm').fill('seitsemän sinistä siltaa sateessa');
    await page.locator('#profile-current').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Lisää profiili' }).click();
    await page.getByText('Profiili E2E Indeksiasiantuntija lisätty.').waitFor();
    await lockAndUnlock(page, 'E2E Indeksiasiantuntija', 'seitsemän sinistä siltaa sateessa');
    // (Before its index is ready the list's count is the installation's total: not this test's subject.)
    await goToList(page, `q=${encodeURIComponent(second)}`);
    await expect.poll(() => listCount(page)).toMatch(/^0|Ei /);
    await goToList(page, `q=${encodeURIComponent(first)}`);
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');
    await goToList(page);
    await expect.poll(() => listCount(page)).toBe('1 pyyntö');
    await rowOf(page, first).waitFor();
    expect(await page.getByRole('link', { name: second, exact: true }).count()).toBe(0);
    // An expert's (filtered) index never writes the snapshot.
    expect((await stored(page)).head?.snapshotId).toBe(afterPurge.head?.snapshotId);
  });
});
