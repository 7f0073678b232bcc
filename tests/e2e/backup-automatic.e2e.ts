import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserSession } from './support/browser';
import { unlockApp } from './support/unlock';
import { recordRequest } from './support/intake-page';
import { moveClocks } from './support/clock';
import { FakeShell } from './support/fake-shell';
import { axeViolations } from './support/axe';
import { parseBackupFileName } from '../../shared/backup/file-name';

/**
 * Automatic backups of the desktop app (issue 20), in Chromium with a stand-in for Electron's shell
 * (./support/fake-shell: the backup folder is the test's): once a folder is chosen in Settings, a
 * verified backup is written after the first change of a day — not after every change — and when
 * the session ends or the window is closed with changes; older generations of this installation's backups are removed
 * (7 daily, 4 weekly, 12 monthly) and nothing else in the folder is touched.
 */

let session: BrowserSession;
afterEach(async () => {
  await session.close();
});

/** 24.11.2026 12:00 in Helsinki: the day after the suite's start (Monday 23.11.2026). */
const NEXT_DAY = new Date('2026-11-24T10:00:00Z');

/** This installation's backups in the folder, oldest first — as the app orders them (a second backup in the same second is `…-HHMMSS-1.otk`, which sorts before `…-HHMMSS.otk` as text). */
const ownNames = (shell: FakeShell, tag: string) =>
  [...shell.files.keys()]
    .filter((name) => name.startsWith(`otk-backup-${tag}-`))
    .toSorted((a, b) => (parseBackupFileName(a)?.order ?? a).localeCompare(parseBackupFileName(b)?.order ?? b));
const dayOf = (name: string) => /-(\d{8})-\d{6}/.exec(name)?.[1];

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/help'));
  await page.evaluate((h) => (window.location.hash = h), hash);
}

describe('automatic backups in the desktop app', () => {
  it('writes a verified backup after the first change of a day, when the session ends and when the window closes, and keeps the generations', async () => {
    const shell = new FakeShell();
    session = new BrowserSession();
    let page = await session.start({ locked: true, beforeOpen: (p) => shell.install(p) });
    await unlockApp(page);

    // Without a folder there are no automatic backups; Settings says so and offers the folder dialog.
    await go(page, '#/settings');
    await page.getByTestId('backup-folder').filter({ hasText: 'Varmuuskopiokansiota ei ole valittu' }).waitFor();
    expect(await page.locator('#backup-now').isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Valitse varmuuskopiokansio…' }).click();
    await page.getByText(`Varmuuskopiot tallennetaan kansioon ${shell.folder}.`).waitFor();

    // Choosing it is the day's first change: a backup follows by itself, read back and checked.
    await expect.poll(() => shell.files.size, { timeout: 60_000 }).toBe(1);
    const [first] = [...shell.files.keys()];
    const tag = /^otk-backup-([0-9a-f]{12})-/.exec(first!)![1]!;
    expect(dayOf(first!)).toBe('20261123');
    await page.getByTestId('backup-last').filter({ hasText: /^Viimeisin tarkistettu varmuuskopio: .+, otk-backup-.+\.otk \(kansioon\)\.$/ }).waitFor();

    // More changes the same day: no second backup.
    await recordRequest(page, { question: 'Automaattisen varmuuskopion testi 1 (synteettinen).' });
    await page.waitForTimeout(7_000);
    expect(shell.files.size).toBe(1);

    // The folder also holds older generations of this installation (3.–22.11.), another
    // installation's backup and a file of someone else's.
    const bytes = shell.files.get(first!)!;
    for (let day = 3; day <= 22; day++) shell.files.set(`otk-backup-${tag}-202611${String(day).padStart(2, '0')}-120000.otk`, bytes);
    const foreign = 'otk-backup-aaaaaaaaaaaa-20261101-120000.otk';
    shell.files.set(foreign, bytes);
    shell.files.set('muistiinpanot.txt', Buffer.from('ei varmuuskopio'));

    // The next day's first change: a backup, and the generations beyond 7 daily, 4 weekly and 12
    // monthly are removed — only this installation's own.
    await moveClocks([page], NEXT_DAY);
    await recordRequest(page, { question: 'Automaattisen varmuuskopion testi 2 (synteettinen).' });
    await expect.poll(() => ownNames(shell, tag).some((name) => dayOf(name) === '20261124'), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => ownNames(shell, tag).map(dayOf)).toEqual(['20261108', '20261115', '20261118', '20261119', '20261120', '20261121', '20261122', '20261123', '20261124']);
    expect(shell.files.has(foreign)).toBe(true);
    expect(shell.files.has('muistiinpanot.txt')).toBe(true);
    const morning = ownNames(shell, tag).at(-1)!;

    // A change, then the session ends (the lock shortcut): the backup is written first.
    await recordRequest(page, { question: 'Automaattisen varmuuskopion testi 3 (synteettinen).' });
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('heading', { name: 'Sovellus on lukittu' }).waitFor();
    const last = ownNames(shell, tag).at(-1)!;
    expect(last).not.toBe(morning);
    expect(dayOf(last)).toBe('20261124');
    // The day keeps its newest backup.
    expect(shell.files.has(morning)).toBe(false);

    // Home, after unlocking, names the last verified backup.
    page = session.page;
    await unlockApp(page);
    await go(page, '#/');
    await page.getByTestId('home-backup').filter({ hasText: /^Viimeisin tarkistettu varmuuskopio: 24\.11\.2026/ }).waitFor();

    // A change, then the window is closed (quit): it stays open until the backup is written.
    await recordRequest(page, { question: 'Automaattisen varmuuskopion testi 4 (synteettinen).' });
    const beforeQuit = ownNames(shell, tag).at(-1)!;
    // Chromium asks "leave the page?" where Electron just keeps the window: the test stays, as Electron does.
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => ownNames(shell, tag).at(-1), { timeout: 60_000 }).not.toBe(beforeQuit);
    expect(asked).toEqual(['beforeunload']);
  });
});
