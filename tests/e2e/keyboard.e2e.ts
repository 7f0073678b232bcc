import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { recordRequest } from './support/intake-page';

const browser = useBrowserSession();
let page: Page;

beforeEach(async () => {
  page = browser.page();
});

/** Presses Tab until the focused element has this accessible text (no mouse anywhere). */
async function tabTo(name: RegExp, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.innerText ?? '').trim() : '';
    });
    if (name.test(focused)) return;
  }
  throw new Error(`no focusable element matching ${String(name)} within ${limit} tabs`);
}

/**
 * Keyboard-only flows (the accessibility issue asks for them; more follow there): every step is a
 * key press — Tab to reach a control, Enter or Space to use it. The case is recorded beforehand.
 */
describe('keyboard only', () => {
  it('accepts, routes, books a meeting and opens the agenda without a mouse', async () => {
    const code = await recordRequest(page, { question: 'Näppäimistötestin synteettinen kysymys.' });
    await page.locator('#main').focus();
    await tabTo(/^Hyväksy pyyntö$/);
    await page.keyboard.press('Enter');
    await page.locator('.otk-notice', { hasText: `Pyyntö ${code} hyväksytty.` }).waitFor();
    await tabTo(/^Ohjaa: /);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Kokousvaraus' }).waitFor();
    await page.locator('#main').focus();
    await tabTo(/^Varaa /);
    await page.keyboard.press('Enter');
    await page.getByText('Tila nyt: Konsultaatio sovittu').waitFor();
    await page.locator('#main').focus();
    await tabTo(/^Avaa asialista$/);
    await page.keyboard.press('Enter');
    await page.locator('.otk-case-card', { hasText: code }).waitFor();
  });

  it('produces a summary and moves through its controls without a mouse', async () => {
    await recordRequest(page, { question: 'Yhteenvedon näppäimistötesti.' });
    await page.locator('#main').focus();
    await tabTo(/^Yhteenvedot$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Toiminnan yhteenvedot' }).waitFor();
    const table = page.locator('table.otk-summary-table').first();
    await table.waitFor();
    expect(await table.innerText()).toContain('Yhteensä');
    // The wide table's scroll region is reached with Tab (named by the period), so the keyboard can scroll it.
    await tabTo(/^vuosi \d{4}$/);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('otk-table-scroll'))).toBe(true);
  });
});
