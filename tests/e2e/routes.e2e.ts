import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mayOpenScreen, SCREENS, type Screen } from '../../shared/protection/screens';
import type { Role } from '../../shared/protection/roles';
import { BrowserSession } from './support/browser';
import { E2E_EXPERT_PROFILE, E2E_PASSPHRASE, E2E_REQUESTER_PROFILE, setUpDesk } from './support/unlock';
import { go, importBundle, openImportScreen } from './support/desk-files';
import { seedBundle } from './support/seed-bundle';
import { goToList, listCount } from './support/intake-page';

/** An address for each screen; `id` is a case of the installation (or one it does not have). */
function addressOf(screen: Screen, id: string): string {
  const addresses: Record<Screen, string> = {
    home: '#/',
    help: '#/help',
    case: `#/case/${id}`,
    letter: `#/case/${id}/letter`,
    edit: `#/case/${id}/edit`,
    new: '#/new',
    worklist: '#/cases',
    meetings: '#/meetings',
    meeting: '#/meeting/00000000-0000-7000-8000-00000000dead',
    summaries: '#/summaries',
    national: '#/summaries/national',
    exchange: '#/exchange',
    audit: '#/audit',
    networks: '#/networks',
    methods: '#/methods',
    'what-if': '#/what-if',
    settings: '#/settings',
    retention: '#/retention',
    request: '#/request/new',
    draft: `#/case/${id}/draft`,
    files: '#/files',
  };
  return addresses[screen];
}

/** What the main region shows once the screen has drawn: the screen, the "not available" block, or the failure block. */
async function shown(page: Page): Promise<'screen' | 'not-permitted' | 'failed'> {
  await page.locator('#main h2').first().waitFor();
  if ((await page.getByTestId('screen-failed').count()) > 0) return 'failed';
  if ((await page.getByTestId('screen-not-permitted').count()) > 0) return 'not-permitted';
  expect((await page.locator('#main').innerText()).trim().length).toBeGreaterThan(0);
  return 'screen';
}

/** Visits every screen by typing its address: each role sees exactly what the role table allows, nothing blank. */
async function sweep(page: Page, role: Role, id: string): Promise<void> {
  const seen: Record<string, string> = {};
  const expected: Record<string, string> = {};
  for (const screen of SCREENS) {
    await go(page, '#/help');
    await page.getByRole('heading', { name: 'Ohje ja saavutettavuusseloste' }).waitFor();
    await go(page, addressOf(screen, id));
    seen[screen] = await shown(page);
    expected[screen] = mayOpenScreen(role, screen) ? 'screen' : 'not-permitted';
  }
  expect(seen, role).toEqual(expected);
  // The menu offers exactly the screens the role may open.
  const menu = (await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) as string[];
  for (const href of menu) expect(mayOpenScreen(role, screenOfMenu(href)), `${role} menu ${href}`).toBe(true);
}

function screenOfMenu(href: string): Screen {
  const map: Record<string, Screen> = { '#/': 'home', '#/cases': 'worklist', '#/meetings': 'meetings', '#/summaries': 'summaries', '#/exchange': 'exchange', '#/files': 'files', '#/networks': 'networks', '#/methods': 'methods', '#/what-if': 'what-if', '#/audit': 'audit', '#/retention': 'retention', '#/settings': 'settings', '#/help': 'help' };
  return map[href]!;
}

/** Adds a profile in Settings, as a coordinator does (confirmed with the coordinator's own passphrase). */
async function addProfile(page: Page, name: string): Promise<void> {
  await go(page, '#/help');
  await go(page, '#/settings');
  await page.getByRole('heading', { name: 'Lukitus ja profiilit' }).waitFor();
  await page.locator('#profile-name').fill(name);
  await page.getByRole('radio', { name: 'koordinaattori', exact: true }).check({ force: true });
  await page.locator('#profile-passphrase').fill('seitsemän sinistä siltaa sateessa');
  await page.locator('#profile-confirm').fill('seitsemän sinistä siltaa sateessa');
  await page.locator('#profile-current').fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Lisää profiili' }).click();
  await page.getByText(`Profiili ${name} lisätty.`).waitFor();
}

const NO_CASE = '00000000-0000-7000-8000-0000000000aa';
let session: BrowserSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('every address, every role: the screen or "not available", never blank', () => {
  it('a coordinator with 1 and 3 profiles, 0 and 1 000 cases', { timeout: 600_000 }, async () => {
    session = new BrowserSession();
    const page = await session.start();
    await sweep(page, 'coordinator', NO_CASE);
    // Three profiles: Settings lists them all (it once went blank with a second one), every screen still works.
    await addProfile(page, 'E2E Toinen koordinaattori');
    await addProfile(page, 'E2E Kolmas koordinaattori');
    await go(page, '#/help');
    await go(page, '#/settings');
    for (const name of ['E2E Koordinaattori', 'E2E Toinen koordinaattori', 'E2E Kolmas koordinaattori']) await page.locator('#main li', { hasText: name }).first().waitFor();
    // A thousand cases from another installation's file.
    await openImportScreen(page, '#/exchange');
    await importBundle(page, await seedBundle(1000, 'kahdeksan keltaista kukkaa kedolla'), 'kahdeksan keltaista kukkaa kedolla');
    await goToList(page);
    await expect.poll(() => listCount(page), { timeout: 120_000 }).toMatch(/^1\s?000 pyyntöä$/);
    const href = await page.locator('table.otk-table a[href^="#/case/"]').first().getAttribute('href');
    await sweep(page, 'coordinator', href!.replace('#/case/', ''));
  });

  it.each([
    ['requester', E2E_REQUESTER_PROFILE],
    ['expert', E2E_EXPERT_PROFILE],
  ] as const)('a %s desk, with no profile before its first', { timeout: 300_000 }, async (role, desk) => {
    session = new BrowserSession();
    const page = await session.start({ locked: true });
    await setUpDesk(page, desk);
    await sweep(page, role, NO_CASE);
  });
});
