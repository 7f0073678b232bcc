import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resources } from '../../../../renderer/src/i18n';
import { MSG } from '../../../../shared/domain/validation';
import { CONSULTATION_STATUSES, CONSENT_MODES, URGENCIES } from '../../../../shared/domain/consultation';
import { AGE_BAND_CODES } from '../../../../shared/reference/themes';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valueAt(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}

const catalogues = Object.fromEntries(Object.entries(resources).map(([lang, r]) => [lang, r.translation as Tree]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('i18n catalogues', () => {
  const finnishKeys = keysOf(catalogues.fi!).sort();

  it.each(['sv', 'en'])('%s has exactly the Finnish keys, none empty', (lang) => {
    expect(keysOf(catalogues[lang]!).sort()).toEqual(finnishKeys);
    for (const key of finnishKeys) expect(String(valueAt(catalogues[lang]!, key)).trim()).not.toBe('');
  });

  it('has a message for every validation key the shared schemas use', () => {
    for (const key of Object.values(MSG)) for (const lang of ['fi', 'sv', 'en']) expect(valueAt(catalogues[lang]!, key), `${lang}:${key}`).toBeTypeOf('string');
  });

  it('labels every status, urgency, consent mode and age band', () => {
    const keys = [
      ...CONSULTATION_STATUSES.map((s) => `status.${s}`),
      ...URGENCIES.map((u) => `urgency.${u}`),
      ...CONSENT_MODES.map((c) => `consent.${c}`),
      ...AGE_BAND_CODES.map((a) => `ageBand.${a}`),
    ];
    for (const key of keys) expect(finnishKeys).toContain(key);
  });

  it('has every key the renderer asks for with a literal t("…") call', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('renderer/src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(finnishKeys, key).toContain(key);
  });
});
