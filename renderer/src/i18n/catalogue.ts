type Tree = { [key: string]: string | Tree };

/**
 * Deep-merges catalogue fragments into one translation tree. The main catalogue of each language
 * sits in `locales/<lang>.json`; larger areas (help, profiles, retention…) keep their strings in
 * `locales/areas/<area>.<lang>.json` so that they stay readable and reviewable on their own.
 * A key defined twice is a mistake and throws.
 */
export function mergeCatalogues(...parts: readonly Tree[]): Tree {
  const out: Tree = {};
  const merge = (target: Tree, source: Tree, path: string) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      if (typeof value === 'string') {
        if (existing !== undefined) throw new Error(`i18n key defined twice: ${path}${key}`);
        target[key] = value;
      } else {
        if (typeof existing === 'string') throw new Error(`i18n key defined twice: ${path}${key}`);
        const child: Tree = existing ?? {};
        target[key] = child;
        merge(child, value, `${path}${key}.`);
      }
    }
  };
  for (const part of parts) merge(out, part, '');
  return out;
}

/**
 * The area fragments of one language, found by file name (`areas/<area>.<lang>.json`), in file-name
 * order (by code unit: a locale-aware comparison would set up a collator before the first paint).
 */
export function areaFragments(modules: Record<string, unknown>, lang: string): Tree[] {
  return Object.entries(modules)
    .filter(([path]) => path.endsWith(`.${lang}.json`))
    .toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, module]) => ((module as { default?: Tree }).default ?? module) as Tree);
}
