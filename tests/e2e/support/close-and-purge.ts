import type { Page } from 'playwright-core';
import { afterMeetingIn, moveClocks, pageNow } from './clock';
import { pick, recordRequest } from './intake-page';

/**
 * Takes a received case to 'closed' as the coordinator does it in the Finnish UI: accepted, routed,
 * booked, consulted (the meeting held: the page's clock moves past it), closed.
 */
export async function closeCase(page: Page, code: string, caseHash: string): Promise<void> {
  const action = (name: string) => page.getByRole('button', { name, exact: true }).click();
  const notice = (text: string) => page.locator('.otk-notice', { hasText: text }).first().waitFor();
  const open = async () => {
    await page.evaluate(() => (window.location.hash = '#/help'));
    await page.evaluate((hash) => (window.location.hash = hash), caseHash);
    await page.locator('#case-heading', { hasText: code }).waitFor();
  };
  await action('Hyväksy pyyntö');
  await notice(`Pyyntö ${code} hyväksytty.`);
  await open();
  await page.getByRole('button', { name: /^Ohjaa: / }).click();
  await page.getByRole('heading', { name: 'Kokousvaraus' }).waitFor();
  await open();
  const firstOption = page.locator('.otk-booking-options li').first();
  await firstOption.waitFor();
  const meeting = await firstOption.innerText();
  await firstOption.getByRole('button', { name: /^Varaa/ }).click();
  await page.getByText('Tila nyt: Konsultaatio sovittu').waitFor();
  await moveClocks([page], afterMeetingIn(meeting));
  await open();
  await action('Kirjaa suositus');
  await page.getByLabel('Kysymys asiantuntijoiden ymmärtämänä').fill('Koulunkäynnin tuki (synteettinen).');
  await page.getByLabel('Suositus 1').fill('Koulun ja perheen yhteinen palaveri.');
  await page.getByRole('button', { name: 'Kirjaa suositus', exact: true }).last().click();
  await notice(`Suositus kirjattu tapaukseen ${code}.`);
  await open();
  await action('Päätä tapaus');
  await pick(page, 'Ohjaus riitti nykyisellä palvelutasolla');
  await pick(page, 'Kyllä – vaativampi palvelu vältettiin');
  await page.getByRole('button', { name: 'Päätä tapaus', exact: true }).last().click();
  await notice(`Tapaus ${code} päätetty.`);
}

/**
 * A case taken through every state to its end and then purged, as a coordinator does it in the
 * Finnish UI: recorded, accepted, routed, booked, consulted (the meeting held: the page's clock
 * moves past it), closed; the anonymous closed cases' retention set to one year; two years later
 * (the clock again) the case is purged on the retention screen, leaving its tombstone. Returns the
 * case code. The page's clock is then two years on.
 */
export async function closeAndPurge(page: Page, question: string): Promise<string> {
  const code = await recordRequest(page, { question });
  const caseHash = await page.evaluate(() => window.location.hash);
  await closeCase(page, code, caseHash);
  const notice = (text: string) => page.locator('.otk-notice', { hasText: text }).first().waitFor();

  await page.evaluate(() => (window.location.hash = '#/retention'));
  await page.getByRole('heading', { name: 'Säilytysajat ja poistaminen' }).waitFor();
  await page.getByLabel('Anonyymit suljetut tapaukset: säilytysaika vuosina').fill('1');
  await page.getByRole('button', { name: 'Tallenna säilytysajat' }).click();
  await notice('Säilytysajat tallennettu.');
  await moveClocks([page], new Date((await pageNow(page)).getTime() + 2 * 365 * 86_400_000));
  await page.evaluate(() => (window.location.hash = '#/'));
  await page.evaluate(() => (window.location.hash = '#/retention'));
  await page.getByTestId('retention-due-table').waitFor();
  await page.getByRole('checkbox', { name: code }).press('Space');
  await page.getByRole('button', { name: 'Poista valitut (1)' }).click();
  await page.getByTestId('retention-confirm').waitFor();
  await page.getByRole('button', { name: 'Poista pysyvästi (1)' }).click();
  await page.getByRole('status').filter({ hasText: '1 tapaus poistettu pysyvästi.' }).waitFor();
  return code;
}
