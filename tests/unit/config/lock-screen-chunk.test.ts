// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { lockScreenChunk } from '../../../renderer.vite.config';

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
});
