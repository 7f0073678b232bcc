import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { pageNow } from './support/clock';
import { axeViolations } from './support/axe';
import { goToList, listCount, recordRequest } from './support/intake-page';
import { closeCase } from './support/close-and-purge';

const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
});

const DAY = 86_400_000;
const QUESTION = 'Säilytysajan testin synteettinen kysymys koulunkäynnistä.';

async function notice(text: string | RegExp): Promise<void> {
  await page.locator('.otk-notice', { hasText: text }).waitFor();
}

describe('retention', () => {
  it('purges a closed case once it is due, after a confirmation: gone from the work list, the purge in the audit log', async () => {
    const code = await recordRequest(page, { question: QUESTION });
    const caseHash = await page.evaluate(() => window.location.hash);
    await closeCase(page, code, caseHash);

    // Closed today, so nothing is due today.
    await page.evaluate(() => (window.location.hash = '#/retention'));
    await page.getByRole('heading', { name: 'Säilytysajat ja poistaminen' }).waitFor();
    await page.getByTestId('retention-none').waitFor();

    // The policy form refuses an anonymous period longer than the closed one, in its error summary.
    await page.getByLabel('Anonyymit suljetut tapaukset: säilytysaika vuosina').fill('9');
    await page.getByRole('button', { name: 'Tallenna säilytysajat' }).click();
    const summary = page.locator('.fi-error-summary').first();
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Anonyymejä tapauksia ei voi säilyttää pidempään kuin muita suljettuja tapauksia.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Anonyymit suljetut tapaukset: säilytysaika vuosina').fill('1');
    await page.getByRole('button', { name: 'Tallenna säilytysajat' }).click();
    await notice('Säilytysajat tallennettu.');

    // Closing dates come from the app's clock: the page's clock is moved two years on (Playwright's
    // clock; only Date changes, timers keep running), and the list is worked out for that day.
    await page.clock.setFixedTime(new Date((await pageNow(page)).getTime() + 2 * 365 * DAY));
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.evaluate(() => (window.location.hash = '#/retention'));
    const table = page.getByTestId('retention-due-table');
    await table.waitFor();
    expect(await table.innerText()).toContain(code);
    expect(await table.innerText()).toContain('Suljettu, anonyymi, 1 vuosi');

    // Nothing is selected yet. With the keyboard only: Space selects the case, Enter asks to delete,
    // and the focus moves to the confirmation, which says what cannot be undone and what remains.
    expect(await page.getByRole('button', { name: 'Poista valitut (0)' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: code }).press('Space');
    expect(await page.getByRole('checkbox', { name: code }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Poista valitut (1)' }).press('Enter');
    const confirm = page.getByTestId('retention-confirm');
    await confirm.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'retention-confirm-heading');
    const confirmation = await confirm.innerText();
    expect(confirmation).toContain('Poistetaanko 1 tapaus pysyvästi?');
    expect(confirmation).toContain('Poistoa ei voi perua.');
    expect(confirmation).toContain('poistomerkintä');
    expect(confirmation).toContain('tapahtumalokiin');
    expect(confirmation).toContain(code);
    expect(await axeViolations(page)).toEqual([]);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');

    // "Do not delete" changes nothing and returns the focus to the button; deleting announces the count.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Poista pysyvästi (1)');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Älä poista');
    await page.keyboard.press('Enter');
    expect(await confirm.count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.id === 'retention-purge-button');
    expect(await table.innerText()).toContain(code);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'retention-confirm-heading');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '1 tapaus poistettu pysyvästi.' }).waitFor();
    await page.getByTestId('retention-none').waitFor();

    // Gone from the work list…
    await goToList(page);
    await expect.poll(() => listCount(page)).toBe('Ei vielä pyyntöjä.');
    expect(await page.getByRole('link', { name: code }).count()).toBe(0);
    // …and the case's address shows nothing of it.
    await page.evaluate((hash) => (window.location.hash = hash), caseHash);
    await page.getByRole('heading', { name: 'Pyyntöä ei löydy.' }).waitFor();
    expect(await page.locator('#main').innerText()).not.toContain(QUESTION);

    // The audit log shows the purge, with codes only.
    await page.evaluate(() => (window.location.hash = '#/audit'));
    const log = page.getByTestId('audit-table');
    await log.getByRole('row', { name: /Tapaus poistettu säilytysajan päätyttyä/ }).first().waitFor();
    const purgeRow = await log.getByRole('row', { name: /Tapaus poistettu säilytysajan päätyttyä/ }).first().innerText();
    expect(purgeRow).toContain(`caseCode=${code}`);
    expect(purgeRow).toContain('rule=closed');
    expect(await log.innerText()).not.toContain(QUESTION);
  });
});
