import type { Page } from 'playwright-core';

/** The synthetic coordinator every end-to-end test sets up (never a real person). */
export const E2E_PROFILE = 'E2E Koordinaattori';
export const E2E_PASSPHRASE = 'kuusi valkoista joutsenta lentää';

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
