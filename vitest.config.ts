import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/setup/fast-check.ts'],
          // Sized for a busy 2-core machine (CI shares it with other work); a test that hangs still fails.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // One browser, one server: end-to-end files run one after another.
          fileParallelism: false,
          // Sized for a busy 2-core machine (CI shares it with other work); waits inside poll for state.
          testTimeout: 240_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
      {
        // `npm run test:electron` only (scripts/test-electron.mjs finds the runtime and packages first);
        // without a runtime every test here is skipped, never passed.
        test: {
          name: 'electron',
          include: ['tests/electron/**/*.electron.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
