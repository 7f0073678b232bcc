import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useBrowserSession } from './support/session';

const browser = useBrowserSession();
let page: Page;

/**
 * Keyboard-only flows, part two (issue 10): record a request and save it, route it to another
 * network than the proposed one with a reason, export an encrypted bundle, and produce a summary
 * — with Tab, Shift+Tab, typing, Space, Enter and the arrow keys only. Locators only read state
 * (which element has the focus, what a field holds); nothing is clicked. Each test counts the
 * page's mouse and pointer events and expects none.
 */
beforeEach(async () => {
  page = browser.page();
  await page.evaluate(() => {
    const w = window as unknown as { __mouseEvents: string[] };
    w.__mouseEvents = [];
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup']) window.addEventListener(type, () => w.__mouseEvents.push(type), true);
  });
});

afterEach(async () => {
  expect(await page.evaluate(() => (window as unknown as { __mouseEvents: string[] }).__mouseEvents)).toEqual([]);
});

/** Is the focus on this element or inside it (a radio group, a checkbox group)? */
async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

/** Presses Tab (or Shift+Tab) until the focus is on or inside `target`. */
async function tabTo(target: Locator, { back = false, limit = 300 } = {}): Promise<void> {
  const element = target.first();
  await element.waitFor({ state: 'attached' });
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await hasFocus(element)) return;
  }
  throw new Error(`Tab did not reach ${String(target)} within ${limit} presses`);
}

/** Tabs to a text field and types into it. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await tabTo(field);
  await page.keyboard.type(text);
  expect(await field.first().inputValue()).toBe(text);
}

/**
 * A Suomi.fi drop-down by keyboard: Tab to its button, Enter opens the list, the down arrow moves
 * until the wanted option is the active one, Enter chooses it. Returns the chosen option's text.
 */
async function chooseOption(button: Locator, wanted: string | ((option: string) => boolean)): Promise<string> {
  const matches = typeof wanted === 'string' ? (option: string) => option === wanted : wanted;
  await tabTo(button);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'listbox');
  const seen: string[] = [];
  for (let i = 0; i < 120; i++) {
    // The list first points at its active option (aria-activedescendant); the arrow keys then move the focus to the options.
    const active = await page.evaluate(() => {
      const focused = document.activeElement;
      const id = focused?.getAttribute('aria-activedescendant');
      const option = focused?.getAttribute('role') === 'option' ? focused : id ? document.getElementById(id) : null;
      return ((option as HTMLElement | null)?.innerText ?? '').trim();
    });
    if (active && matches(active)) {
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !['listbox', 'option'].includes(document.activeElement?.getAttribute('role') ?? ''));
      return active;
    }
    seen.push(active);
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option matching ${String(wanted)} in ${String(button)}; saw ${seen.slice(0, 12).join(' | ')}`);
}

/** A Suomi.fi drop-down's button by its label (its accessible name is the shown value, then the label). */
function dropdown(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`(^| )${label}$`) });
}

/** The fieldset of the radio buttons named `name`. */
function radioGroup(name: string): Locator {
  return page.locator('fieldset').filter({ has: page.locator(`input[type="radio"][name="${name}"]`) });
}

/** A radio button by keyboard: Tab into its group, then the arrow keys (or Space on an unchecked first one). */
async function chooseRadio(group: Locator, label: string): Promise<void> {
  const radio = group.getByRole('radio', { name: label, exact: true });
  await tabTo(group);
  for (let i = 0; i < 12 && !(await radio.isChecked()); i++) await page.keyboard.press((await hasFocus(radio)) ? 'Space' : 'ArrowDown');
  expect(await radio.isChecked()).toBe(true);
}

/** A checkbox by keyboard: Tab to it, Space ticks or unticks it. */
async function toggleCheckbox(label: string, checked: boolean): Promise<void> {
  const box = page.getByRole('checkbox', { name: label, exact: true });
  await tabTo(box);
  await page.keyboard.press('Space');
  expect(await box.isChecked()).toBe(checked);
}

/** Goes to a main section: back from the content with Shift+Tab to the main menu's link, then Enter. */
async function openSection(name: string, heading: string): Promise<void> {
  await page.locator('#main').focus();
  await tabTo(page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name, exact: true }), { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

/** Starts on the screen's content, as after a screen change (the app moves the focus to #main). */
async function fromContent(): Promise<void> {
  await page.locator('#main').focus();
}

/** The whole new-request form by keyboard, saved with Enter; returns the new case's code. */
async function recordByKeyboard(question: string): Promise<string> {
  await openSection('Pyynnöt', 'Konsultaatiopyynnöt');
  await fromContent();
  await tabTo(page.getByRole('button', { name: 'Uusi pyyntö' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Uusi konsultaatiopyyntö' }).waitFor();
  await fromContent();
  await chooseOption(dropdown(page, 'Kanava'), 'Puhelin');
  await typeInto(page.getByLabel('Pyytäjän nimi'), 'Testi Koulupsykologi');
  await typeInto(page.getByLabel('Ammattinimike'), 'Koulupsykologi');
  await typeInto(page.getByLabel('Organisaatio', { exact: true }), 'Esimerkkilän koulupalvelut');
  await chooseOption(dropdown(page, 'Sektori'), 'Sivistystoimi');
  await chooseOption(dropdown(page, 'Hyvinvointialue'), 'Pohjanmaan hyvinvointialue');
  await typeInto(page.getByLabel('Sähköposti'), 'psykologi@example.invalid');
  await chooseOption(dropdown(page, 'Ikäryhmä'), '13–15 v');
  await chooseOption(dropdown(page, 'Palvelujen taso nyt'), 'Erityistaso');
  await toggleCheckbox('Neuropsykiatrinen oireilu', true);
  await toggleCheckbox('Koulupoissaolot', true);
  await typeInto(page.getByLabel('Kysymys asiantuntijoille'), question);
  await chooseRadio(page.locator('#field-hopedOutcome'), 'Ohjausta ja neuvoja');
  await chooseRadio(page.locator('#field-urgency'), 'Kiireellinen');
  await tabTo(page.getByRole('button', { name: 'Tallenna pyyntö' }));
  await page.keyboard.press('Enter');
  const heading = page.locator('#case-heading');
  await heading.waitFor();
  const code = /[A-Z]{2,8}-\d{4}-\d{4}/.exec(await heading.innerText())?.[0];
  if (!code) throw new Error('no case code in the case heading');
  return code;
}

describe('keyboard only, part two', () => {
  it('records a whole request and routes it to another network than the proposed one, with a reason', async () => {
    const code = await recordByKeyboard('Näppäimistöllä kirjattu synteettinen kysymys.');
    const fields = await page.locator('#main').innerText();
    for (const value of ['Puhelin', 'Testi Koulupsykologi', 'Pohjanmaan hyvinvointialue', '13–15 v', 'Neuropsykiatrinen oireilu', 'Kiireellinen']) expect(fields).toContain(value);
    await fromContent();
    await tabTo(page.getByRole('button', { name: 'Hyväksy pyyntö', exact: true }));
    await page.keyboard.press('Enter');
    await page.locator('.otk-notice', { hasText: `Pyyntö ${code} hyväksytty.` }).waitFor();

    const proposal = page.locator('.otk-candidate h4').first();
    await proposal.waitFor();
    const proposed = (await proposal.innerText()).replace(/^1\.\s*/, '').replace(/\s*\(.*\)$/, '').trim();
    await fromContent();
    await tabTo(page.getByRole('button', { name: 'Valitse toinen verkosto' }));
    await page.keyboard.press('Enter');
    const chosen = await chooseOption(dropdown(page.locator('.otk-route-form'), 'Verkosto'), (option) => option !== proposed && option.includes('Länsi'));
    await typeInto(page.getByLabel('Perustelu'), 'Perheellä on jo asiakkuus tässä verkostossa.');
    await tabTo(page.getByRole('button', { name: 'Ohjaa', exact: true }));
    await page.keyboard.press('Enter');

    const decision = page.locator('.otk-routing-history > li', { hasText: 'Ohjattu:' });
    await decision.waitFor();
    expect(await decision.innerText()).toContain(chosen);
    const entry = page.locator('.otk-timeline li', { hasText: 'Ohjattu:' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('toisin kuin ehdotettiin');
    expect(await entry.innerText()).toContain('Perheellä on jo asiakkuus tässä verkostossa.');
    expect(await page.locator('#case-heading').innerText()).toContain(code);
  });

  it("exports one requester's cases as an encrypted bundle for a named recipient", async () => {
    await recordByKeyboard('Siirrettävä näppäimistötestin kysymys.');
    await openSection('Siirrot', 'Tietojen siirto asennusten välillä');
    await fromContent();
    await chooseRadio(radioGroup('export-scope'), 'Yhden pyytäjän tapaukset');
    await chooseOption(dropdown(page, 'Pyytäjä'), (option) => option.startsWith('Testi Koulupsykologi'));
    await chooseRadio(radioGroup('export-recipient'), 'Nimetty vastaanottaja');
    await typeInto(page.locator('#export-recipient-name'), 'Synteettinen vastaanottaja');
    await typeInto(page.locator('#export-passphrase'), 'kolme synteettistä sanaa');
    await typeInto(page.locator('#export-confirm'), 'kolme synteettistä sanaa');
    await page.getByTestId('export-plan').filter({ hasText: 'Yhden pyytäjän tapaukset' }).waitFor();
    await tabTo(page.getByRole('button', { name: 'Tee salattu tiedosto' }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.otk$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.length).toBeGreaterThan(100);
    // Encrypted: the question's text is not in the file.
    expect(bytes.toString('latin1')).not.toContain('Siirrettävä');
    await page.getByText(/^Tiedosto tallennettu: .*\(1 tapausta\)\.$/).waitFor();
  });

  it('chooses the centre, then produces a quarterly summary by age band and exports it as CSV', async () => {
    await recordByKeyboard('Yhteenvedon näppäimistötestin kysymys.');
    await openSection('Asetukset', 'Asetukset');
    await fromContent();
    await chooseOption(dropdown(page, 'OT-keskuksen yhteistyöalue'), 'Länsi-Suomen yhteistyöalue');
    await tabTo(page.getByRole('button', { name: 'Tallenna asetukset' }));
    await page.keyboard.press('Enter');
    await page.getByText('Asetukset tallennettu.').waitFor();

    await openSection('Yhteenvedot', 'Toiminnan yhteenvedot');
    await fromContent();
    await chooseOption(dropdown(page, 'Ajanjakso'), 'Vuosineljännes');
    await chooseOption(dropdown(page, 'Rivit'), 'Ikäryhmä');
    await toggleCheckbox('Hylätyt', false);
    const table = page.locator('table.otk-summary-table').first();
    await table.locator('th', { hasText: '13–15 v' }).waitFor();
    // The summary is computed in slices: the previous one stays on screen, marked busy, until the new one replaces it.
    await expect.poll(() => table.innerText()).not.toContain('Hylätyt');
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);

    await tabTo(page.getByRole('button', { name: 'Vie CSV (Excel)' }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^otk-yhteenveto-.*\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Ikäryhmä');
    expect(csv.split('\r\n').some((line) => line.startsWith('13–15 v;'))).toBe(true);
  });
});
