import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowserSession } from './support/session';
import { AxeBuilder } from '@axe-core/playwright';
import { WCAG_TAGS } from './support/axe';
import { openNewRequest, recordRequest } from './support/intake-page';

const browser = useBrowserSession();
let page: Page;

/** Screenshots for a person to look at (git-ignored, not compared automatically). */
const SHOTS = fileURLToPath(new URL('./.artifacts/zoom-200/', import.meta.url));

beforeEach(async () => {
  page = browser.page();
});

/**
 * 200 % zoom of the 1280 × 900 window the other tests use: the browser's page zoom leaves the page
 * a 640 × 450 CSS-pixel viewport, which is what layout, media queries and WCAG 1.4.4 (resize text)
 * and 1.4.10 (reflow) see. (Scaling the root font size instead would leave the Suomi.fi
 * components, which size their text in px, unchanged.) Set through Playwright's viewport, so that
 * its full-page screenshots keep it.
 */
async function zoomTo200(): Promise<void> {
  await page.setViewportSize({ width: 640, height: 450 });
  expect(await page.evaluate(() => window.innerWidth)).toBe(640);
}

async function visit(hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { name: heading }).first().waitFor();
}

/**
 * What is wrong with the screen at this zoom: the page scrolls sideways, or a visible element
 * sticks out of the viewport (cut off or needing sideways scrolling) without being inside a
 * region that scrolls on its own (the wide tables, reachable by keyboard).
 */
async function layoutProblems(): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const width = root.clientWidth;
    const inScroller = (el: Element) => {
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === 'auto' || overflow === 'scroll') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden helpers
      if (rect.right <= 0) continue; // parked off-screen until focused (the skip link)
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (rect.right <= width + 1 && rect.left >= -1) continue;
      if (inScroller(el)) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
      problems.push(`${name} sticks out: ${Math.round(rect.left)}–${Math.round(rect.right)} of ${width}`);
      if (problems.length > 8) break;
    }
    return problems;
  });
}

/**
 * axe's WCAG 2.1 A/AA violations, less one known false alarm of the design system: Suomi.fi's
 * SingleSelect (the intake's "earlier requester" search) gives its input `aria-controls` naming
 * the option list before the list is open. The combobox role and aria-expanded="false" sit on the
 * wrapper (ARIA 1.1 pattern), so axe does not see that the list is simply closed.
 */
async function axeProblems(): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).withTags(WCAG_TAGS).analyze();
  const problems: string[] = [];
  for (const violation of result.violations) {
    const nodes = [];
    for (const node of violation.nodes) {
      const closedSelect = violation.id === 'aria-valid-attr-value' && /^Invalid ARIA attribute value: aria-controls="[^"]+-popover"$/.test(node.failureSummary?.split('\n').at(-1)?.trim() ?? '')
        && (await page.evaluate((selector) => document.querySelector(selector)?.closest('.fi-single-select')?.querySelector('[role="combobox"][aria-expanded="false"]') !== null, String(node.target[0])));
      if (!closedSelect) nodes.push(node.target.join(' '));
    }
    if (nodes.length > 0) problems.push(`${violation.id} (${violation.impact ?? '?'}): ${violation.help} — ${nodes.slice(0, 3).join(' | ')}`);
  }
  return problems;
}

/** Is the element inside the viewport's width once scrolled to, and can it take the focus? */
async function reachable(target: Locator, { focusable = true } = {}): Promise<boolean> {
  const element = target.first();
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  if (!box || box.x < -1 || box.x + box.width > 641) return false;
  if (!focusable) return element.isVisible();
  await element.focus();
  return element.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

describe('200 % zoom', () => {
  it('keeps every main screen usable: no sideways page scrolling, menu and main action reachable, no axe violations', async () => {
    mkdirSync(SHOTS, { recursive: true });
    // A case to show (recorded at the normal size), then everything else at 200 %.
    const code = await recordRequest(page, { question: 'Zoomaustestin synteettinen kysymys.' });
    const caseHash = await page.evaluate(() => window.location.hash);
    // Help at the normal size too (the axe sweep's other screens are in a11y.e2e.ts).
    await visit('#/help', 'Ohje ja saavutettavuusseloste');
    expect(await axeProblems()).toEqual([]);
    await zoomTo200();

    const screens: Array<{ name: string; open: () => Promise<void>; action: () => Locator; focusable?: boolean }> = [
      { name: 'home', open: () => visit('#/', /^Tänään /), action: () => page.getByRole('link', { name: code }) },
      { name: 'worklist', open: () => visit('#/cases', 'Konsultaatiopyynnöt'), action: () => page.getByRole('button', { name: 'Uusi pyyntö' }) },
      { name: 'new-request', open: () => openNewRequest(page), action: () => page.getByRole('button', { name: 'Tallenna pyyntö' }) },
      { name: 'case', open: () => visit(caseHash, new RegExp(code)), action: () => page.getByRole('button', { name: 'Hyväksy pyyntö' }) },
      { name: 'meetings', open: () => visit('#/meetings', 'Konsultaatiokokoukset'), action: () => page.getByRole('main').getByRole('button').first() },
      { name: 'summaries', open: () => visit('#/summaries', 'Toiminnan yhteenvedot'), action: () => page.getByRole('button', { name: 'Tulosta raportti tai tallenna PDF' }) },
      { name: 'exchange', open: () => visit('#/exchange', 'Tietojen siirto asennusten välillä'), action: () => page.getByRole('button', { name: 'Tee salattu tiedosto' }) },
      { name: 'help', open: () => visit('#/help', 'Ohje ja saavutettavuusseloste'), action: () => page.getByRole('heading', { name: 'Saavutettavuusseloste' }), focusable: false },
    ];
    const found: Record<string, string[]> = {};
    for (const screen of screens) {
      await screen.open();
      if (screen.name === 'summaries') await page.locator('table.otk-summary-table').first().waitFor();
      const problems = await layoutProblems();
      const nav = page.getByRole('navigation', { name: 'Päävalikko' });
      for (const link of await nav.getByRole('link').all()) if (!(await reachable(link))) problems.push(`menu link ${await link.innerText()} not reachable`);
      if (!(await reachable(page.getByRole('link', { name: 'Ohje', exact: true })))) problems.push('the Help link is not reachable');
      if (!(await reachable(screen.action(), { focusable: screen.focusable ?? true }))) problems.push('the main action is not reachable');
      problems.push(...(await axeProblems()));
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}${screen.name}.png`, fullPage: true });
      if (problems.length > 0) found[screen.name] = problems;
    }
    expect(found).toEqual({});
  });
});
