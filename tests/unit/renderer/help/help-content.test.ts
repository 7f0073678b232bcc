import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resources } from '../../../../renderer/src/i18n/resources';
import { helpKeys } from '../../../../renderer/src/features/help/content';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}

describe('the Help screen and its catalogue area', () => {
  it.each(['fi', 'sv', 'en'] as const)('%s has every text the Help screen shows, and no text it does not', (lang) => {
    const help = (resources[lang].translation as Tree).help as Tree;
    expect(keysOf(help, 'help.').sort()).toEqual([...helpKeys()].sort());
  });

  it('names the enforcement body and leaves the feedback address for the deploying centre to fill in', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const statement = ((resources[lang].translation as Tree).help as Tree).statement as Tree;
      const enforcement = statement.enforcement as Tree;
      expect(enforcement.authority).toContain('Traficom');
      expect(String(enforcement.web)).toMatch(/www\.(saavutettavuusvaatimukset|tillganglighetskrav|webaccessibility)\.fi/);
      expect(String((statement.feedback as Tree).address)).toMatch(/^\[.+\]$/);
    }
  });

  it.each(['fi', 'sv', 'en'] as const)('the repository copy docs/accessibility-statement.%s.md says what the app says', (lang) => {
    const statement = ((resources[lang].translation as Tree).help as Tree).statement as Tree;
    const doc = readFileSync(`docs/accessibility-statement.${lang}.md`, 'utf8');
    for (const key of keysOf(statement)) {
      const text = String(key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], statement));
      expect(doc, key).toContain(text);
    }
  });
});
