import type { Page } from 'playwright-core';
import { pick, recordRequest, type RequestDetails } from './intake-page';
import { afterMeetingIn, moveClocks } from './clock';

/**
 * A case taken along its path through the Finnish UI as a coordinator does: accepted, routed to
 * the proposed network, booked into a meeting and consulted (the written recommendation).
 */

async function notice(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.otk-notice', { hasText: text }).first().waitFor();
}

/** The case view's address, to come back to it. */
export async function caseHash(page: Page): Promise<string> {
  return page.evaluate(() => window.location.hash);
}

export async function openCaseAt(page: Page, hash: string, code: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.locator('#case-heading', { hasText: code }).waitFor();
}

/** Records a request, accepts it and routes it to the proposed network; returns its code and address. */
export async function recordAndRoute(page: Page, details: RequestDetails): Promise<{ code: string; hash: string }> {
  const code = await recordRequest(page, details);
  const hash = await caseHash(page);
  await page.getByRole('button', { name: 'Hyväksy pyyntö', exact: true }).click();
  await notice(page, `Pyyntö ${code} hyväksytty.`);
  await openCaseAt(page, hash, code);
  await page.getByRole('button', { name: /^Ohjaa: / }).click();
  await page.getByRole('heading', { name: 'Kokousvaraus' }).waitFor();
  return { code, hash };
}

/** Books the routed case into the first meeting or free slot the case view offers that is not full. */
export async function bookFirstOption(page: Page, code: string, hash: string): Promise<void> {
  await openCaseAt(page, hash, code);
  await page.locator('.otk-booking-options li').first().waitFor();
  await page.locator('.otk-booking-options').getByRole('button', { name: /^Varaa/, disabled: false }).first().click();
  await page.locator('.otk-booking-options li', { hasText: 'Tapaus on varattu tähän' }).waitFor();
}

export interface RecommendationDetails {
  summary: string;
  items: string[];
  steps?: Array<{ step: string; by: string }>;
  /** The letter's language as the form names it ('Svenska'); the requester's by default. */
  language?: string;
  /** The follow-up date as typed (d.M.yyyy). */
  followUp?: string;
}

/** Records the consultation's written recommendation (the case becomes 'consulted'). */
export async function recordRecommendation(page: Page, code: string, hash: string, details: RecommendationDetails): Promise<void> {
  await openCaseAt(page, hash, code);
  // A consultation is recorded after its meeting: when it is still ahead, the page's clock moves past it.
  const waiting = page.getByTestId('lifecycle-waiting');
  if (await waiting.isVisible()) {
    await moveClocks([page], afterMeetingIn(await waiting.innerText()));
    await page.evaluate(() => (window.location.hash = '#/help'));
    await openCaseAt(page, hash, code);
  }
  await page.getByRole('button', { name: 'Kirjaa suositus', exact: true }).first().click();
  if (details.language) await pick(page, details.language);
  await page.getByLabel('Kysymys asiantuntijoiden ymmärtämänä').fill(details.summary);
  for (const [i, item] of details.items.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Lisää suositus' }).click();
    await page.getByLabel(`Suositus ${i + 1}`, { exact: true }).fill(item);
  }
  for (const [i, { step, by }] of (details.steps ?? []).entries()) {
    await page.getByRole('button', { name: 'Lisää askel' }).click();
    await page.getByLabel(`Askel ${i + 1}`, { exact: true }).fill(step);
    await page.getByLabel(`Askeleen ${i + 1} tekijä`).fill(by);
  }
  if (details.followUp) await page.getByLabel('Seurantapäivä').fill(details.followUp);
  await page.getByRole('button', { name: 'Kirjaa suositus', exact: true }).last().click();
  await notice(page, `Suositus kirjattu tapaukseen ${code}.`);
}
