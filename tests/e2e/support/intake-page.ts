import type { Page } from 'playwright-core';

/** Synthetic requester details (no real person). */
export const REQUESTER = {
  name: 'Testi Koulupsykologi',
  title: 'Koulupsykologi',
  organisation: 'Esimerkkilän koulupalvelut',
  contact: 'psykologi@example.invalid',
};

/** Picks an option of a Suomi.fi Dropdown identified by its label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Ticks a Suomi.fi checkbox the way a user does: by clicking its label. */
export async function tick(page: Page, label: string): Promise<void> {
  const box = page.getByRole('checkbox', { name: label, exact: true });
  if (await box.isChecked()) return;
  await page.locator('label', { hasText: label }).click();
  if (!(await box.isChecked())) throw new Error(`checkbox ${label} did not become checked`);
}

/** Fills the Finnish intake form with a complete synthetic request. */
export async function fillIntake(page: Page, question: string): Promise<void> {
  await page.getByLabel('Pyytäjän nimi').fill(REQUESTER.name);
  await page.getByLabel('Ammattinimike').fill(REQUESTER.title);
  await page.getByLabel('Organisaatio').fill(REQUESTER.organisation);
  await choose(page, 'Sektori', 'Sivistystoimi');
  await choose(page, 'Hyvinvointialue', 'Pohjanmaan hyvinvointialue');
  await page.getByLabel('Yhteystieto (puhelin tai sähköposti)').fill(REQUESTER.contact);
  await choose(page, 'Ikäryhmä', '13–15 v');
  await choose(page, 'Palvelujen taso nyt', 'Erityistaso');
  await tick(page, 'Neuropsykiatrinen oireilu');
  await tick(page, 'Koulupoissaolot');
  await page.getByLabel('Kysymys asiantuntijoille').fill(question);
}

export function saveButton(page: Page) {
  return page.getByRole('button', { name: 'Tallenna pyyntö' });
}

export function listTable(page: Page) {
  return page.getByRole('table', { name: 'Konsultaatiopyynnöt' });
}
