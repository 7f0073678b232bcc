import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './support/session';
import { expectRefused, openImportScreen, previewBundle, rawDatabase, REFUSED } from './support/desk-files';
import { requestFileWithQuestion } from './support/request-file';
import { goToList, listTable } from './support/intake-page';
import { axeViolations } from './support/axe';

/**
 * Issue 18, item 10: the centre opens a requester's file. One whose anonymous request holds a
 * henkilötunnus is refused in words — what (a henkilötunnus), where (request 1, the field as the
 * form calls it) and what to do — and nothing is written; one whose request holds a phone number
 * is admitted, the preview naming the number's field first.
 */

const browser = useBrowserSession();
const PASSPHRASE = 'pyyntö matkaa turvallisesti perille';
/** The synthetic henkilötunnus of the team handbook (not a real person's). */
const HETU = '131052-308T';

describe('the centre opens a requester’s file', () => {
  it('with a henkilötunnus in an anonymous request: refused in words (in Finnish and Swedish), nothing written', async () => {
    const page = browser.page();
    const question = `Nuoren henkilötunnus on ${HETU}, miten tukea koulunkäyntiä?`;
    const file = await requestFileWithQuestion(question, PASSPHRASE);
    const position = question.indexOf(HETU) + 1;
    await openImportScreen(page, '#/exchange');
    const before = await rawDatabase(page);
    await expectRefused(
      page,
      file,
      PASSPHRASE,
      `Pyynnössä 1 on henkilötunnus kentässä ”Kysymys asiantuntijoille” (merkki ${position}). Anonyymiin pyyntöön ei saa kirjata henkilötunnusta. Pyydä lähettäjää poistamaan tunniste ja lähettämään tiedosto uudelleen.`,
    );
    const shown = await page.getByTestId('import-refusal').innerText();
    expect(shown).not.toContain('question');
    expect(shown).not.toContain(HETU);
    expect(await rawDatabase(page)).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    await goToList(page);
    await page.getByText('Ei vielä pyyntöjä.').waitFor();

    // The same refusal in Swedish, with the Swedish form's label.
    await page.getByRole('button', { name: /Kieli: Suomi/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska' }).click();
    await page.evaluate(() => (window.location.hash = '#/exchange'));
    await page.locator('#import-heading').waitFor();
    const afterSwitch = await rawDatabase(page); // the language change itself is audited
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Välj en .otk-fil' }).click()]);
    await chooser.setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
    await page.getByText(`Vald: ${file.name}`).waitFor();
    await page.locator('#import-passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Öppna och förhandsgranska' }).click();
    await page
      .getByText(
        `Filen importerades inte och inget ändrades: I begäran 1 finns en personbeteckning i fältet ”Fråga till experterna” (tecken ${position}). En anonym begäran får inte innehålla en personbeteckning. Be avsändaren ta bort identifieringsuppgiften och skicka filen på nytt.`,
      )
      .waitFor();
    expect(await rawDatabase(page)).toEqual(afterSwitch);
  });

  it('with a phone number in an anonymous request: the preview names it and its field; the request is admitted', async () => {
    const page = browser.page();
    const question = 'Perheen puhelinnumero on 040 123 4567. Miten tukea nuoren koulunkäyntiä?';
    const file = await requestFileWithQuestion(question, PASSPHRASE);
    await openImportScreen(page, '#/exchange');
    await previewBundle(page, file, PASSPHRASE);
    const findings = page.getByTestId('import-findings');
    await findings.waitFor();
    expect(await findings.innerText()).toContain(`Pyynnössä 1 näyttää olevan puhelinnumero kentässä ”Kysymys asiantuntijoille” (merkki ${question.indexOf('040') + 1}).`);
    expect(await page.getByText(REFUSED).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tuo', exact: true }).click();
    await page.locator('.otk-notice', { hasText: /^Tuotu: 1 uutta/ }).first().waitFor();
    // Admitted as a received case with the centre's own code.
    await goToList(page);
    await listTable(page).getByRole('link', { name: 'OTK-2026-0001' }).waitFor();
  });
});
