import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { unlockApp } from './unlock';
// The same seeded generator (mulberry32) the benchmark's synthetic data uses: one seed, one walk.
import { createRandom } from '../../support/random';

/** What a user might type: ordinary words, dates, numbers, empty, long — synthetic, with the identifiers the guard watches for. */
const TEXTS = [
  'Synteettinen testiteksti',
  'Miten tukea nuoren koulunkäyntiä?',
  '131052-308T',
  '040 000 0000',
  'testi@example.invalid',
  '23.11.2026',
  '1.1.2020',
  '12',
  '0',
  '-5',
  '',
  ' ',
  'Å ä ö – ”lainausmerkit” ja <kulmasulkeet> & merkit',
  'x'.repeat(600),
];

const KEYS = ['Tab', 'Shift+Tab', 'Enter', 'Space', 'Escape', 'ArrowDown', 'ArrowUp', 'Home', 'End'];

/** Everything a user could act on now: in the main region, the menu, and open lists (portals). */
const TARGETS = [
  '#main button',
  '#main a[href]',
  '#main input:not([type=hidden]):not([type=file])',
  '#main textarea',
  '#main [role=checkbox]',
  '#main [role=radio]',
  'nav a[href]',
  '[role=listbox] [role=option]',
  '.fi-language-menu button',
].join(', ');

/** Buttons that would leave the walk's page or end the session are still pressed; what follows is handled. */
export interface Walk {
  steps: number;
  log: string[];
  violations: Record<string, string[]>;
}

/**
 * Walks the app as a restless user: `steps` random clicks, key presses and entries across every
 * screen the profile reaches, seeded. After each step the screen must still be a screen — not blank,
 * not the failure block — and axe runs every `axeEvery` steps. A lock (button, shortcut, profile
 * switch) is unlocked again with the passphrase, as the user would. Returns what it did.
 */
export async function randomWalk(page: Page, options: { seed: number; steps: number; axeEvery: number; passphrase?: string }): Promise<Walk> {
  const random = createRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const walk: Walk = { steps: 0, log: [], violations: {} };
  page.on('filechooser', (chooser) => void chooser.setFiles([]).catch(() => undefined));
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
  for (let step = 1; step <= options.steps; step++) {
    walk.steps = step;
    if (await page.locator('#unlock-passphrase').isVisible()) {
      walk.log.push(`${step}: unlock`);
      await unlockApp(page, options.passphrase);
    }
    const roll = random();
    const count = await page.evaluate((selector) => {
      const visible = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden=true]'));
      document.querySelectorAll('[data-walk]').forEach((el) => el.removeAttribute('data-walk'));
      visible.forEach((el, index) => el.setAttribute('data-walk', String(index)));
      return visible.length;
    }, TARGETS);
    try {
      if (roll < 0.15 || count === 0) {
        const key = pick(KEYS);
        walk.log.push(`${step}: key ${key}`);
        await page.keyboard.press(key);
      } else {
        const target = page.locator(`[data-walk="${Math.floor(random() * count)}"]`);
        const tag = await target.evaluate((el) => `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} ${(el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.id).slice(0, 40)}`);
        if (/^(input|textarea)/.test(tag) && !/\[(checkbox|radio)\]/.test(tag)) {
          const text = pick(TEXTS);
          walk.log.push(`${step}: type ${JSON.stringify(text.slice(0, 20))} into ${tag}`);
          await target.fill(text, { timeout: 2_000 });
          if (random() < 0.3) await target.press('Enter', { timeout: 2_000 });
        } else {
          walk.log.push(`${step}: click ${tag}`);
          await target.click({ timeout: 2_000 });
        }
      }
    } catch (error) {
      // A target that moved or went away between looking and acting is not a failure of the app.
      walk.log.push(`${step}:   (${String(error).split('\n')[0]!.slice(0, 80)})`);
    }
    await page.waitForTimeout(30);
    await assertScreen(page, walk);
    if (step % options.axeEvery === 0) {
      const found = await axeViolations(page);
      if (found.length > 0) walk.violations[`step ${step} ${await page.evaluate(() => window.location.hash)}`] = found;
    }
  }
  return walk;
}

/** The app is showing something: the lock screen, or a screen with content that is not the failure block. */
async function assertScreen(page: Page, walk: Walk): Promise<void> {
  // A lock reloads the page: let it draw before judging it.
  await page.waitForFunction(() => (document.getElementById('root')?.textContent?.trim().length ?? 0) > 0, null, { timeout: 15_000 }).catch(() => undefined);
  const state = await page.evaluate(() => ({
    failed: document.querySelector('[data-testid=screen-failed]') !== null,
    locked: document.querySelector('#unlock-passphrase, #setup-name') !== null,
    main: document.querySelector('#main')?.textContent?.trim().length ?? 0,
    root: document.getElementById('root')?.textContent?.trim().length ?? 0,
  }));
  if (state.failed || (!state.locked && state.root === 0)) {
    throw new Error(`${state.failed ? 'the failure block' : 'a blank page'} after step ${walk.steps}; the last steps:\n${walk.log.slice(-15).join('\n')}`);
  }
}
