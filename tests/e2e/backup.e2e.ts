import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserSession } from './support/browser';
import { E2E_INSTALLATION, E2E_PASSPHRASE, unlockApp } from './support/unlock';
import { fillIntake, goToList, listCount, listTable, openNewRequest, pick, recordRequest, saveButton } from './support/intake-page';
import { recordAndRoute } from './support/lifecycle-page';
import { rawDatabase, type BundleFile } from './support/desk-files';
import { axeViolations } from './support/axe';
import { moveClocks, pageNow } from './support/clock';
import { closeAndPurge } from './support/close-and-purge';
import { DERIVED_TABLES } from '../../renderer/src/db/index-snapshot';

/**
 * Nothing is lost when the laptop dies (issue 20), in real Chromium with the web build: work in
 * installation A (cases in different states, one closed and purged, a second profile), back up with "Back up now" (the
 * browser's download, read back and checked before it is offered), then a brand-new browser
 * profile — the laptop's replacement — restores it on the first-run screen with the recovery key:
 * the same work list, the audit chain verifies, the old passphrases unlock. A wrong key and a
 * damaged file are refused in words before anything is written.
 */

const SECOND = 'E2E Toinen Koordinaattori';
const SECOND_PASSPHRASE = 'seitsemän sinistä lokkia lentää';
const sessions: BrowserSession[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function go(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

/** Adds a second coordinator profile in Settings → Lock and profiles. */
async function addCoordinator(page: Page): Promise<void> {
  await go(page, '#/settings', 'Asetukset');
  await page.locator('#profile-name').fill(SECOND);
  await page.locator('input[name="profile-role"][value="coordinator"]').check({ force: true });
  await page.locator('#profile-passphrase').fill(SECOND_PASSPHRASE);
  await page.locator('#profile-confirm').fill(SECOND_PASSPHRASE);
  await page.locator('#profile-current').fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Lisää profiili' }).last().click();
  await page.getByText(`Profiili ${SECOND} lisätty.`).waitFor();
}

/** Settings → Backups → "Back up now": the verified backup comes as the browser's download. */
async function backUpNow(page: Page): Promise<BundleFile> {
  await go(page, '#/settings', 'Asetukset');
  await page.getByRole('heading', { name: 'Varmuuskopiot' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#backup-now').click()]);
  const file = { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
  await page.getByTestId('backup-message').filter({ hasText: /on tehty ja tarkistettu/ }).waitFor();
  return file;
}

/** The work list as the user sees it: the count line and every row's text. */
async function workList(page: Page): Promise<{ count: string; rows: string[] }> {
  await goToList(page);
  const count = await listCount(page);
  const rows = await listTable(page).locator('tbody tr').allInnerTexts();
  return { count, rows };
}

/** A case's timeline as its view shows it (the events; the muted lines that count views left out). */
async function timeline(page: Page, hash: string): Promise<string[]> {
  await page.evaluate(() => (window.location.hash = '#/help'));
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.locator('.otk-timeline li').first().waitFor();
  return page.locator('.otk-timeline li:not(.otk-muted)').allInnerTexts();
}

/** On the restore screen: chooses the file and types the key; then "Open the backup". */
async function openBackupFile(page: Page, file: BundleFile, secret: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#restore-file').click()]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
  await page.getByText(`Valittu tiedosto: ${file.name}`).waitFor();
  await page.locator('#restore-secret').fill(secret);
  await page.locator('#restore-open').click();
}

describe('backup and restore in Chromium', () => {
  it('backs up installation A, refuses a wrong key and a damaged file, and restores it into a new browser profile as the same installation', async () => {
    const a = new BrowserSession();
    sessions.push(a);
    let page = await a.start({ locked: true });
    const recoveryKey = await unlockApp(page);
    expect(recoveryKey).not.toBeNull();

    // Home says there is no verified backup yet.
    await page.getByTestId('home-backup').filter({ hasText: 'Yhtään tarkistettua varmuuskopiota ei ole vielä tehty.' }).waitFor();

    // Work: one case routed, one new; a second coordinator.
    const routed = await recordAndRoute(page, { question: 'Varmuuskopiotestin ohjattu pyyntö (synteettinen).' });
    const fresh = await recordRequest(page, { question: 'Varmuuskopiotestin uusi pyyntö (synteettinen).' });
    // The browser cannot write files unasked: after the day's first change it reminds, with the download.
    const reminder = page.locator('.otk-backup-reminder');
    await reminder.filter({ hasText: 'Tämän päivän muutoksia ei ole vielä varmuuskopioitu.' }).getByRole('button', { name: 'Lataa varmuuskopio' }).waitFor();
    // A third case goes through every state to its end and is purged two years later (a tombstone stays).
    const purged = await closeAndPurge(page, 'Varmuuskopiotestin poistettava pyyntö (synteettinen).');
    const timelineA = await timeline(page, routed.hash);
    expect(timelineA.length).toBeGreaterThanOrEqual(3);
    await addCoordinator(page);

    // Settings: storage as the browser reports it, then "Back up now".
    await page.getByTestId('storage-usage').filter({ hasText: /^Käytössä .+, vapaana .+/ }).waitFor();
    await page.getByTestId('storage-persisted').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const backup = await backUpNow(page);
    expect(backup.name).toMatch(/^otk-backup-.+\.otk$/);
    await page.getByTestId('backup-last').filter({ hasText: /^Viimeisin tarkistettu varmuuskopio: / }).waitFor();
    await expect.poll(() => reminder.count()).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByTestId('home-backup').filter({ hasText: /^Viimeisin tarkistettu varmuuskopio: / }).waitFor();

    const listA = await workList(page);
    expect(listA.rows.join('\n')).toContain(routed.code);
    expect(listA.rows.join('\n')).toContain(fresh);
    expect(listA.rows.join('\n')).not.toContain(purged);
    const rawA = await rawDatabase(page);
    expect(rawA.tombstones!.rows).toBe(1);
    // Three days later Home warns: the last verified backup is older than the default 2 days.
    await moveClocks([page], new Date((await pageNow(page)).getTime() + 3 * 86_400_000));
    await page.evaluate(() => (window.location.hash = '#/help'));
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByTestId('home-backup').filter({ hasText: 'Se on yli 2 päivää vanha.' }).waitFor();

    // The laptop dies: a new browser profile.
    const b = new BrowserSession();
    sessions.push(b);
    const aNow = await pageNow(page);
    page = await b.start({ locked: true });
    // The new laptop's clock agrees with the old one's.
    await moveClocks([page], aNow);
    await page.getByRole('heading', { name: 'Ota sovellus käyttöön' }).waitFor();
    await page.locator('#setup-restore').click();
    await page.getByRole('heading', { name: 'Palauta varmuuskopiosta' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const empty = await rawDatabase(page);

    // A wrong passphrase and a mistyped recovery key: refused in words, with what to do; nothing written.
    await openBackupFile(page, backup, 'väärä salalause joka ei avaa mitään');
    await page.getByTestId('restore-error').filter({ hasText: /^Varmuuskopiota ei avattu, eikä mitään tallennettu: Palautusavain tai salalause ei avaa tätä varmuuskopiota\. Kirjoita / }).waitFor();
    const typo = `${recoveryKey!.slice(0, -1)}${recoveryKey!.endsWith('A') ? 'B' : 'A'}`;
    await openBackupFile(page, backup, typo);
    await page.getByTestId('restore-error').filter({ hasText: 'Palautusavaimessa on kirjoitusvirhe.' }).waitFor();
    // A damaged file (one byte flipped near the end): refused too.
    const damaged = Buffer.from(backup.bytes);
    damaged[damaged.length - 20]! ^= 0xff;
    await openBackupFile(page, { name: backup.name, bytes: damaged }, recoveryKey!);
    await page.getByTestId('restore-error').filter({ hasText: /muutettu tai se on vioittunut|vajaa/ }).waitFor();
    expect(await rawDatabase(page)).toEqual(empty);
    // The file is read in parts, only when opened: one that goes away after it was chosen (a USB
    // stick pulled out) is refused in words, with what to do; nothing written.
    const away = await mkdtemp(join(tmpdir(), 'otk-e2e-restore-'));
    try {
      const path = join(away, backup.name);
      await writeFile(path, backup.bytes);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#restore-file').click()]);
      await chooser.setFiles(path);
      await page.getByText(`Valittu tiedosto: ${backup.name}`).waitFor();
      await rm(path);
      await page.locator('#restore-secret').fill(recoveryKey!);
      await page.locator('#restore-open').click();
      await page.getByTestId('restore-error').filter({ hasText: 'Varmuuskopiotiedostoa ei voitu lukea loppuun' }).filter({ hasText: 'valitse tiedosto uudelleen' }).waitFor();
    } finally {
      await rm(away, { recursive: true, force: true });
    }
    expect(await rawDatabase(page)).toEqual(empty);

    // The recovery key opens it: the preview names the installation and counts what it holds.
    await openBackupFile(page, backup, recoveryKey!);
    await page.getByTestId('restore-preview').filter({ hasText: E2E_INSTALLATION }).waitFor();
    expect(await page.getByTestId('restore-count-consultations').innerText()).toBe('2');
    expect(await page.getByTestId('restore-count-tombstones').innerText()).toBe('1');
    expect(await page.getByTestId('restore-count-profiles').innerText()).toBe('2');
    expect(await rawDatabase(page)).toEqual(empty);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#restore-apply').click();
    await page.getByRole('heading', { name: 'Asennus palautettu' }).waitFor();
    await page.locator('#restore-continue').click();

    // The same installation: the old passphrase unlocks, the work list is the same, the chain verifies.
    await page.getByRole('heading', { name: 'Sovellus on lukittu' }).waitFor();
    await pick(page, 'E2E Koordinaattori');
    await unlockApp(page);
    expect(await workList(page)).toEqual(listA);
    expect(await timeline(page, routed.hash)).toEqual(timelineA);
    await page.getByText('Varmuuskopiotestin ohjattu pyyntö (synteettinen).').first().waitFor();
    const rawB = await rawDatabase(page);
    // Derived tables (the list index's sealed snapshot) are not in a backup: B rebuilds its own.
    const compared = Object.keys(rawA).filter((name) => name !== 'audit' && name !== 'meta' && !DERIVED_TABLES.has(name));
    expect(compared).toContain('consultations');
    for (const store of compared) expect(rawB[store], store).toEqual(rawA[store]);
    // Every event of A up to the backup, then the restore's and the unlock's.
    expect(rawB.audit!.rows).toBeGreaterThanOrEqual(rawA.audit!.rows);
    await go(page, '#/audit', 'Tapahtumaloki');
    await page.getByRole('button', { name: 'Tarkista lokin eheys' }).click();
    await page.getByTestId('audit-verification').filter({ hasText: /^Loki on ehjä: \d+ tapahtumaa, 1 asennuksen ketjua\.$/ }).waitFor();

    // The second coordinator's old passphrase opens the restored installation too.
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('heading', { name: 'Sovellus on lukittu' }).waitFor();
    await pick(page, SECOND);
    await unlockApp(page, SECOND_PASSPHRASE);
    await page.locator('.otk-session-bar').getByText(SECOND, { exact: true }).waitFor();
  });

  it('a database from a newer app version is not opened, not replaced and not blank: the screen says what happened and offers the restore, which replaces it only with a backup that passed its checks', async () => {
    const a = new BrowserSession();
    sessions.push(a);
    const page = await a.start({ locked: true });
    const recoveryKey = await unlockApp(page);
    const code = await recordRequest(page, { question: 'Uudemman version testin pyyntö (synteettinen).' });
    const backup = await backUpNow(page);
    // A newer app upgrades the database (IndexedDB version far above this app's); this app then starts.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('otk-consultation-desk', 1_000_000);
          request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    const before = await rawDatabase(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Tiedot on tallennettu uudemmalla versiolla' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Mitään ei ole muutettu.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Restoring into its place is asked for first; nothing is deleted before that.
    await page.locator('#trouble-restore').click();
    await page.getByText('Vahvista ensin, että ymmärrät tämän.').waitFor();
    expect(await rawDatabase(page)).toEqual(before);
    // Confirmed: the restore screen opens, and the database is still as it was — it makes way only
    // for a backup that has passed every check (the newest backups may be the newer app's own).
    await page.locator('label[for="trouble-confirm"]').click();
    await page.locator('#trouble-restore').click();
    await page.getByRole('heading', { name: 'Palauta varmuuskopiosta' }).waitFor();
    expect(await rawDatabase(page)).toEqual(before);
    await openBackupFile(page, backup, 'väärä avain, ei tämä');
    await page.getByTestId('restore-error').waitFor();
    expect(await rawDatabase(page)).toEqual(before);
    // The right key: previewed, and only the restore replaces the unreadable database.
    await openBackupFile(page, backup, recoveryKey!);
    await page.getByTestId('restore-preview').filter({ hasText: E2E_INSTALLATION }).waitFor();
    expect(await rawDatabase(page)).toEqual(before);
    await page.locator('#restore-apply').click();
    await page.getByRole('heading', { name: 'Asennus palautettu' }).waitFor();
    const restored = await rawDatabase(page);
    expect(restored.fromTheFuture).toBeUndefined();
    expect(restored.consultations?.rows).toBe(1);
    await page.locator('#restore-continue').click();
    await page.getByRole('heading', { name: 'Sovellus on lukittu' }).waitFor();
    await unlockApp(page);
    await goToList(page);
    await page.getByRole('link', { name: code }).waitFor();
  });

  it('a full disk (a tiny quota through the DevTools protocol) changes nothing and says so in words with what to do', async () => {
    const a = new BrowserSession();
    sessions.push(a);
    const page = await a.start({ locked: true });
    await unlockApp(page);
    await openNewRequest(page);
    await fillIntake(page, { question: 'Täyden levyn testin pyyntö (synteettinen).' });
    // The app at rest first: the work list index writes its snapshot (derived data) 1.5 s after it
    // loads, and it must not fall between the dump below and the quota taking effect.
    await expect.poll(async () => (await rawDatabase(page)).indexSnapshot?.rows ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await rawDatabase(page);
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(page.url()).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    // Chromium's IndexedDB keeps the space it last saw free for up to 30 seconds before asking again.
    await page.waitForTimeout(31_000);
    await saveButton(page).click();
    const full = 'Tallennus ei onnistunut, koska levy on täynnä. Mitään ei tallennettu eikä muutettu';
    const notice = page.getByTestId('storage-full');
    await notice.filter({ hasText: full }).waitFor();
    await notice.filter({ hasText: 'Vapauta tilaa tältä levyltä' }).waitFor();
    // The form says it too, beside what was typed (kept for the next try).
    await page.getByRole('alert').filter({ hasText: full }).filter({ hasNotText: 'Selvä' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await rawDatabase(page)).toEqual(before);
    expect(await page.locator('#case-heading').count()).toBe(0);

    // Space freed: the same form saves.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await notice.getByRole('button', { name: 'Selvä' }).click();
    await saveButton(page).click();
    await page.locator('#case-heading').waitFor();
  });

  it('an installation whose data is gone from this browser profile is not silently started anew: the screen says so and offers the restore', async () => {
    const a = new BrowserSession();
    sessions.push(a);
    const page = await a.start({ locked: true });
    await unlockApp(page);
    // The database disappears (cleared, or lost to damage) while the profile remembers its installation.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('otk-consultation-desk');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Asennuksen tiedot puuttuvat' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#trouble-restore').click();
    await page.getByRole('heading', { name: 'Palauta varmuuskopiosta' }).waitFor();
    await page.getByRole('button', { name: 'Takaisin käyttöönottoon' }).click();
    await page.getByRole('heading', { name: 'Ota sovellus käyttöön' }).waitFor();
  });
});
