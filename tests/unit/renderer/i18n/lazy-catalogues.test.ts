import { describe, expect, it } from 'vitest';
import { createI18n, loadAllLanguages } from '../../../../renderer/src/i18n';
import { resources } from '../../../../renderer/src/i18n/resources';

/**
 * The first chunk carries the Finnish catalogue only; Swedish and English load on demand
 * (renderer/src/i18n/index.ts). Whatever the way in, a language's strings must be the whole
 * catalogue the tests check (i18n/resources), never a part of it or another language's.
 */
describe('catalogues loaded on demand', () => {
  it('starts in Finnish with the whole Finnish catalogue and nothing else', async () => {
    const i18n = await createI18n('fi');
    expect(i18n.getResourceBundle('fi', 'translation')).toEqual(resources.fi.translation);
    expect(i18n.hasResourceBundle('sv', 'translation')).toBe(false);
    expect(i18n.t('screens.loading')).toBe('Ladataan näkymää…');
  });

  it('starts in Swedish with the whole Swedish catalogue loaded before the first render', async () => {
    const i18n = await createI18n('sv');
    expect(i18n.language).toBe('sv');
    expect(i18n.getResourceBundle('sv', 'translation')).toEqual(resources.sv.translation);
    expect(i18n.t('screens.loading')).toBe('Vyn laddas…');
  });

  it('switches to English by loading it, and loadAllLanguages leaves every language whole (letters, printouts)', async () => {
    const i18n = await createI18n('fi');
    await i18n.changeLanguage('en');
    expect(i18n.t('screens.loading')).toBe('Loading the view…');
    await loadAllLanguages();
    for (const lang of ['fi', 'sv', 'en'] as const) expect(i18n.getResourceBundle(lang, 'translation')).toEqual(resources[lang].translation);
    expect(i18n.getFixedT('sv')('screens.loading')).toBe('Vyn laddas…');
  });
});
