import type { Page } from 'playwright-core';

/** Picks an option of a Suomi.fi Dropdown identified by its label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('button', { name: label }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Ticks a Suomi.fi checkbox the way a user does: by clicking its label. */
export async function tick(page: Page, label: string): Promise<void> {
  const box = page.getByRole('checkbox', { name: label, exact: true });
  if (await box.isChecked()) return;
  await page.locator('label', { hasText: label }).first().click();
  if (!(await box.isChecked())) throw new Error(`checkbox ${label} did not become checked`);
}

/** Chooses a Suomi.fi radio button by clicking its label. */
export async function pick(page: Page, label: string): Promise<void> {
  const radio = page.getByRole('radio', { name: label, exact: true });
  await page.locator('label', { hasText: label }).first().click();
  if (!(await radio.isChecked())) throw new Error(`radio ${label} did not become checked`);
}

export interface RequestDetails {
  question: string;
  region?: string;
  requester?: string;
  organisation?: string;
  themes?: string[];
}

/** Fills the Finnish intake form with a complete synthetic request (no real person). */
export async function fillIntake(page: Page, details: RequestDetails): Promise<void> {
  await choose(page, 'Kanava', 'Puhelin');
  await page.getByLabel('Pyytäjän nimi').fill(details.requester ?? 'Testi Koulupsykologi');
  await page.getByLabel('Ammattinimike').fill('Koulupsykologi');
  await page.getByLabel('Organisaatio', { exact: true }).fill(details.organisation ?? 'Esimerkkilän koulupalvelut');
  await choose(page, 'Sektori', 'Sivistystoimi');
  await choose(page, 'Hyvinvointialue', details.region ?? 'Pohjanmaan hyvinvointialue');
  await page.getByLabel('Sähköposti').fill('psykologi@example.invalid');
  await choose(page, 'Ikäryhmä', '13–15 v');
  await choose(page, 'Palvelujen taso nyt', 'Erityistaso');
  for (const theme of details.themes ?? ['Neuropsykiatrinen oireilu', 'Koulupoissaolot']) await tick(page, theme);
  await page.getByLabel('Kysymys asiantuntijoille').fill(details.question);
  await pick(page, 'Ohjausta ja neuvoja');
}

export function saveButton(page: Page) {
  return page.getByRole('button', { name: 'Tallenna pyyntö' });
}

/** Opens the intake form from the work list. */
export async function openNewRequest(page: Page): Promise<void> {
  await goToList(page);
  await page.getByRole('button', { name: 'Uusi pyyntö' }).click();
  await page.getByRole('heading', { name: 'Uusi konsultaatiopyyntö' }).waitFor();
}

/** Records a request through the UI and waits for its case view; returns the case code. */
export async function recordRequest(page: Page, details: RequestDetails): Promise<string> {
  await openNewRequest(page);
  await fillIntake(page, details);
  await saveButton(page).click();
  const heading = page.locator('#case-heading');
  await heading.waitFor();
  const code = /[A-Z]{2,8}-\d{4}-\d{4}/.exec(await heading.innerText())?.[0];
  if (!code) throw new Error('no case code in the case heading');
  return code;
}

export function listTable(page: Page) {
  return page.locator('table.otk-table');
}

export async function goToList(page: Page, query = ''): Promise<void> {
  await page.evaluate((q) => {
    window.location.hash = q ? `#/cases?${q}` : '#/cases';
  }, query);
  await page.getByRole('heading', { name: 'Konsultaatiopyynnöt', exact: true }).waitFor();
}

/** The work list's count line once the index has loaded, e.g. "3 pyyntöä". */
export async function listCount(page: Page): Promise<string> {
  const count = page.locator('#worklist-count');
  await page.waitForFunction(() => !document.querySelector('#worklist-count')?.textContent?.includes('Ladataan'));
  return count.innerText();
}
