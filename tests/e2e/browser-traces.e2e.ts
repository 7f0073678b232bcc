import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserSession } from './support/browser';
import { fillIntake, openNewRequest, saveButton } from './support/intake-page';

const QUESTION = 'Synteettinen jälkitesti: kysymys, jota selain ei saa tallentaa omiin tiedostoihinsa.';
const REQUESTER = 'Testi Jälkipyytäjä';
const ORGANISATION = 'Jäljettömän koulun oppilashuolto';
const UNSAVED = 'Tallentamaton luonnosteksti, joka jää lomakkeelle selaimen sulkeutuessa.';

/** Every file under `dir` (the browser profile), recursively. */
async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else if (entry.isFile() && (await stat(path)).size < 50_000_000) out.push(path);
  }
  return out;
}

/** The profile's files that hold `text` as UTF-8 or UTF-16 (how Chromium stores strings). */
async function filesHolding(dir: string, text: string): Promise<string[]> {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  for (const path of await files(dir)) {
    const bytes = await readFile(path).catch(() => null);
    if (bytes && needles.some((needle) => bytes.includes(needle))) found.push(path.slice(dir.length));
  }
  return found;
}

let session: BrowserSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/**
 * Nothing confidential where the user did not put it: after a request is saved and another is left
 * half-typed, the browser closed, no file of the browser profile holds the question, the requester
 * or the unsaved text — not the session-restore files, not autofill's database, not anywhere. (The
 * app's own IndexedDB holds them sealed.)
 */
describe('what the browser keeps on disk', () => {
  it('keeps no case text and no contact details outside the sealed database', async () => {
    session = new BrowserSession();
    const page = await session.start();
    await openNewRequest(page);
    await fillIntake(page, { question: QUESTION, requester: REQUESTER, organisation: ORGANISATION });
    await saveButton(page).click();
    await page.locator('#case-heading').waitFor();
    await openNewRequest(page);
    await page.getByLabel('Kysymys asiantuntijoille').fill(UNSAVED);
    await page.getByLabel('Pyytäjän nimi').fill(REQUESTER);
    const inputs = await page.locator('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea').evaluateAll((elements) =>
      elements.filter((el) => el.getAttribute('autocomplete') !== 'off' || el.getAttribute('spellcheck') !== 'false').map((el) => el.id || el.outerHTML.slice(0, 80)),
    );
    expect(inputs).toEqual([]);
    await session.context.close();
    for (const text of [QUESTION, REQUESTER, ORGANISATION, UNSAVED]) expect(await filesHolding(session.profileDir, text), text).toEqual([]);
  });
});
