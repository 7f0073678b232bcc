import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No import circles in shared/ or renderer/src — type-only imports included, which ESLint's
 * import-x/no-cycle (in `npm run lint`) lets pass. A circle is a layer that is not one.
 */
const ROOT = process.cwd();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolve(from: string, specifier: string): string | undefined {
  const base = normalize(join(dirname(from), specifier));
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** The import graph's strongly connected components with more than one module (Tarjan). */
export function circles(files: readonly string[]): string[][] {
  const edges = new Map(files.map((file) => [file, [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => resolve(file, m[1]!)).filter((t): t is string => t !== undefined)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1) found.push(component.toSorted());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

describe('import circles', () => {
  it('finds none in shared/ and renderer/src', () => {
    expect(circles([...sources(join(ROOT, 'shared')), ...sources(join(ROOT, 'renderer/src'))])).toEqual([]);
  });

  it('finds one where there is one (the check can fail)', () => {
    const here = join(ROOT, 'tests/unit/lint/fixtures/circle');
    expect(circles(sources(here))).toEqual([['tests/unit/lint/fixtures/circle/a.ts', 'tests/unit/lint/fixtures/circle/b.ts']]);
  });
});
