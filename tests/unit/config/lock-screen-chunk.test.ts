// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { lockScreenChunk, reexportsOf } from '../../../renderer.vite.config';

const entry = fileURLToPath(new URL('../../../renderer/src/main.tsx', import.meta.url));

/** A module graph as the bundler's chunking context shows it: static imports only. */
function graph(imports: Record<string, string[]>) {
  return { getModuleInfo: (id: string) => (id in imports ? { importedIds: imports[id]! } : null) };
}

describe('the lock screen chunk (renderer.vite.config.ts)', () => {
  it('takes every module the entry imports statically, directly or not, and nothing loaded on demand', () => {
    const ctx = graph({
      [entry]: ['/r/gate.tsx', '/r/i18n.ts'],
      '/r/gate.tsx': ['/r/unlock.tsx', '/node_modules/dexie/dist/dexie.mjs'],
      '/r/unlock.tsx': ['/r/gate.tsx'],
      '/r/i18n.ts': [],
      // Imported only by a screen loaded on demand (import()), which is not in the graph above.
      '/r/worklist.tsx': ['/r/filter.ts'],
      '/r/filter.ts': [],
    });
    for (const id of ['/r/gate.tsx', '/r/unlock.tsx', '/r/i18n.ts', '/node_modules/dexie/dist/dexie.mjs']) expect(lockScreenChunk(id, ctx)).toBe('lock-screen');
    for (const id of ['/r/worklist.tsx', '/r/filter.ts']) expect(lockScreenChunk(id, ctx)).toBeNull();
    // The entry stays the page's own script.
    expect(lockScreenChunk(entry, ctx)).toBeNull();
  });

  it("follows a package's re-exporting entry only into the components the lock screen names", () => {
    const ui = '/app/node_modules/ui-kit/dist/esm';
    const sources: Record<string, string> = {
      [entry]: "import { Gate } from './gate';",
      '/r/gate.tsx': "import { Button, type ButtonProps, TextInput as Input } from 'ui-kit';\nimport { Heading } from 'ui-kit';",
      [`${ui}/index.js`]: [
        "export { Button } from './core/Button/Button.js';",
        "export { TextInput } from './core/Form/TextInput.js';",
        "export { DateInput, DateLabel as Label } from './core/Form/DateInput.js';",
        "export { Heading } from './core/Heading.js';",
        "import './core/Chip/ChipList.js';",
        "export { tokens } from 'ui-tokens';",
        "export * from 'ui-icons';",
        '//# sourceMappingURL=index.js.map',
      ].join('\n'),
      '/r/late.tsx': "import * as Kit from 'ui-kit';",
    };
    const imports: Record<string, string[]> = {
      [entry]: ['/r/gate.tsx'],
      '/r/gate.tsx': [`${ui}/index.js`],
      [`${ui}/index.js`]: [`${ui}/core/Button/Button.js`, `${ui}/core/Form/TextInput.js`, `${ui}/core/Form/DateInput.js`, `${ui}/core/Heading.js`, `${ui}/core/Chip/ChipList.js`, '/app/node_modules/ui-tokens/index.js', '/app/node_modules/ui-icons/index.js'],
      [`${ui}/core/Button/Button.js`]: [`${ui}/core/theme.js`],
      [`${ui}/core/Form/TextInput.js`]: [`${ui}/core/theme.js`],
      [`${ui}/core/Form/DateInput.js`]: ['/app/node_modules/date-lib/index.js'],
      [`${ui}/core/Heading.js`]: [],
      [`${ui}/core/theme.js`]: [],
    };
    const ctx = graph(imports);
    const read = (id: string) => sources[id] ?? null;
    for (const id of [`${ui}/core/Button/Button.js`, `${ui}/core/Form/TextInput.js`, `${ui}/core/Heading.js`, `${ui}/core/theme.js`]) expect(lockScreenChunk(id, ctx, read)).toBe('lock-screen');
    // The date input (and what only it imports) goes with the screens that use it; the entry itself holds no code.
    for (const id of [`${ui}/core/Form/DateInput.js`, '/app/node_modules/date-lib/index.js', `${ui}/index.js`]) expect(lockScreenChunk(id, ctx, read)).toBeNull();
    expect(reexportsOf(`${ui}/index.js`, sources[`${ui}/index.js`]!, imports[`${ui}/index.js`]!)?.get('Label')).toBe(`${ui}/core/Form/DateInput.js`);
    expect(reexportsOf(`${ui}/index.js`, sources[`${ui}/index.js`]!, imports[`${ui}/index.js`]!)?.get('tokens')).toBe('/app/node_modules/ui-tokens/index.js');

    // A namespace import (or a name only `export *` gives) cannot be followed by name: the whole entry is.
    const whole = graph({ ...imports, [entry]: ['/r/gate.tsx', '/r/late.tsx'], '/r/late.tsx': [`${ui}/index.js`] });
    const wholeRead = (id: string) => (id === entry ? "import './gate'; import './late';" : read(id));
    for (const id of [`${ui}/core/Form/DateInput.js`, '/app/node_modules/date-lib/index.js', `${ui}/index.js`]) expect(lockScreenChunk(id, whole, wholeRead)).toBe('lock-screen');
    // Anything but re-exports is not such an entry.
    expect(reexportsOf('/x/index.js', "export { A } from './a.js';\nexport const b = 1;", [])).toBeNull();
  });
});
