import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from '../../renderer.vite.config';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The benchmark build: the real app (renderer/index.html, with the renderer's own settings) and the
 * harness page (tests/bench/page/bench.html) in one build, served from one origin, so both see the
 * same IndexedDB. The root is the repository, so the pages land at /renderer/index.html and
 * /tests/bench/page/bench.html. The runner passes `build.outDir` (a per-run folder under
 * tests/bench/.artifacts/) and builds the probe (tests/bench/page/probe.ts) separately as a classic
 * script for addInitScript.
 */
export default defineConfig({
  ...rendererConfig,
  root: repo,
  logLevel: 'warn',
  build: {
    ...rendererConfig.build,
    outDir: fileURLToPath(new URL('./.artifacts/build', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      ...rendererConfig.build?.rolldownOptions,
      input: {
        app: fileURLToPath(new URL('../../renderer/index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./page/bench.html', import.meta.url)),
        // blank-page-load and typing-10k-chars-baseline: the same React, nothing of the app.
        baseline: fileURLToPath(new URL('./page/react-baseline.html', import.meta.url)),
      },
    },
  },
  preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
});
