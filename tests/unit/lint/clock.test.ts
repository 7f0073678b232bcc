import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * One clock: reading the wall clock anywhere but shared/clock.ts fails lint. Each case lints a
 * snippet as if it lived at the given path, with the project's real eslint.config.js.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function clockErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2 && m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the one-clock lint rule', { timeout: 60_000 }, () => {
  it.each([
    ['shared/sync/x.ts', 'export const at = Date.now();'],
    ['shared/sync/x.ts', 'export const at = new Date();'],
    ['renderer/src/commands/x.ts', 'export const at = new Date().toISOString();'],
    ['renderer/src/features/x/X.tsx', 'export const at = (): number => Date.now();'],
    ['renderer/src/db/x.ts', 'export const at = String(Date());'],
    ['electron/main/x.ts', 'export const at = Date.now();'],
    ['tests/unit/x.test.ts', 'export const today = new Date();'],
    ['tests/e2e/x.e2e.ts', 'export const today = Date.now();'],
  ])('fails a read of the wall clock in %s: %s', async (filePath, code) => {
    expect(await clockErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['shared/clock.ts', 'export const systemClock = () => new Date();'],
    ['shared/sync/x.ts', "export const at = (now: Date) => new Date(now.getTime() + 1000);\nexport const parsed = new Date('2026-11-23T10:00:00Z');"],
    ['renderer/src/x.ts', 'export const at = (now: () => Date) => now().toISOString();'],
    ['tests/bench/page/x.ts', 'export const started = Date.now();'],
  ])('allows %s', async (filePath, code) => {
    expect(await clockErrors(filePath, code)).toEqual([]);
  });
});
