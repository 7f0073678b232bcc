import type { Page } from 'playwright-core';
import { SECTORS } from '../../../shared/reference/themes';
import { findRegion } from '../../../shared/reference/regions';
import { findDefaultNetwork } from '../../../shared/reference/networks';
import { labelOf, regionLabel, type UiLanguage } from '../../../shared/reference/labels';
import type { Intake } from '../../../shared/domain/consultation';
import { DESK_REQUESTER } from '../../fixtures/intake';

/** The synthetic coordinator every end-to-end test sets up (never a real person). */
export const E2E_PROFILE = 'E2E Koordinaattori';
export const E2E_PASSPHRASE = 'kuusi valkoista joutsenta lentää';
/** The name every end-to-end installation is set up with (shown in previews and conflicts). */
export const E2E_INSTALLATION = 'E2E Testiasennus';

/**
 * Gets past the lock, whatever the UI language: on a new profile folder sets up the first
 * coordinator (and confirms the recovery key), later unlocks it with the passphrase.
 * Returns the recovery key when one was shown.
 */
export async function unlockApp(page: Page, passphrase = E2E_PASSPHRASE): Promise<string | null> {
  const setup = page.locator('#setup-name');
  const unlock = page.locator('#unlock-passphrase');
  await setup.or(unlock).waitFor();
  let recoveryKey: string | null = null;
  if (await setup.isVisible()) {
    await setup.fill(E2E_PROFILE);
    await page.locator('#setup-installation').fill(E2E_INSTALLATION);
    await page.locator('#setup-passphrase').fill(passphrase);
    await page.locator('#setup-confirm').fill(passphrase);
    await page.locator('#setup-confirm').press('Enter');
    const key = page.locator('.otk-recovery-key code');
    await key.waitFor();
    recoveryKey = await key.innerText();
    await page.locator('label[for="recovery-stored"]').click();
    await page.locator('#recovery-continue').click();
  } else {
    await unlock.fill(passphrase);
    await unlock.press('Enter');
  }
  await page.locator('.otk-session-bar').waitFor();
  return recoveryKey;
}

/** The synthetic requesting professional of the requester-desk tests (never a real person). */
export const E2E_REQUESTER: Intake['requester'] = DESK_REQUESTER;

export type DeskSetup =
  | { role: 'requester'; requester: Intake['requester']; profileName: string }
  | { role: 'expert'; networkId: string; profileName: string };

/** A requester desk for E2E_REQUESTER. */
export const E2E_REQUESTER_PROFILE: DeskSetup = { role: 'requester', requester: E2E_REQUESTER, profileName: 'E2E Pyytäjä' };
/** An expert desk of a shipped example network (Sisä-Suomi, multi-professional). */
export const E2E_EXPERT_PROFILE: DeskSetup = { role: 'expert', networkId: '00000000-0000-7000-8000-000000000031', profileName: 'E2E Asiantuntija' };

/** Picks an option of a Suomi.fi Dropdown by the Dropdown's id and the option's label. */
async function chooseIn(page: Page, id: string, label: string): Promise<void> {
  await page.locator(`#${id}_button`).click();
  await page.locator(`#${id}-popover`).getByRole('option', { name: label, exact: true }).click();
}

/** Chooses a Suomi.fi radio button by clicking its label. */
async function pickRadio(page: Page, id: string): Promise<void> {
  await page.locator(`label[for="${id}"]`).click();
  if (!(await page.locator(`#${id}`).isChecked())) throw new Error(`radio ${id} did not become checked`);
}

/** Fills the set-up screen's desk part (role and its fields), in the UI language of the page. */
export async function fillDesk(page: Page, desk: DeskSetup): Promise<void> {
  const language = (await page.locator('html').getAttribute('lang')) as UiLanguage;
  await pickRadio(page, `setup-role-${desk.role}`);
  await page.locator('#setup-name').fill(desk.profileName);
  await page.locator('#setup-installation').fill(`${desk.profileName}, testiasennus`);
  if (desk.role === 'expert') {
    const network = findDefaultNetwork(desk.networkId);
    if (!network) throw new Error(`no example network ${desk.networkId}`);
    await chooseIn(page, 'setup-network', network.name[language]);
    return;
  }
  const { requester } = desk;
  const sector = SECTORS.find((s) => s.code === requester.sector);
  const region = findRegion(requester.region);
  if (!sector || !region) throw new Error('unknown sector or region code');
  await page.locator('#setup-requester-name').fill(requester.name);
  await page.locator('#setup-requester-title').fill(requester.title);
  await page.locator('#setup-requester-organisation').fill(requester.organisation);
  await chooseIn(page, 'setup-requester-sector', labelOf(sector, language));
  await chooseIn(page, 'setup-requester-region', regionLabel(region, language));
  await page.locator('#setup-requester-phone').fill(requester.phone);
  await page.locator('#setup-requester-email').fill(requester.email);
  await pickRadio(page, `setup-requester-language-${requester.language}`);
}

/**
 * Sets up a new installation as a requester's or an expert's desk through the set-up screen,
 * confirms the recovery key and waits for the open app. Returns the recovery key.
 */
export async function setUpDesk(page: Page, desk: DeskSetup, passphrase = E2E_PASSPHRASE): Promise<string> {
  await page.locator('#setup-name').waitFor();
  await fillDesk(page, desk);
  await page.locator('#setup-passphrase').fill(passphrase);
  await page.locator('#setup-confirm').fill(passphrase);
  await page.locator('#setup-confirm').press('Enter');
  const key = page.locator('.otk-recovery-key code');
  await key.waitFor();
  const recoveryKey = await key.innerText();
  await page.locator('label[for="recovery-stored"]').click();
  await page.locator('#recovery-continue').click();
  await page.locator('.otk-session-bar').waitFor();
  return recoveryKey;
}
