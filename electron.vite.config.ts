import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './renderer.vite.config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Main and preload are bundled whole (zod included): the packaged app ships no node_modules.
  main: {
    build: {
      externalizeDeps: false,
      outDir: here('./out/main'),
      rollupOptions: { input: { index: here('./electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: here('./out/preload'),
      // A sandboxed preload cannot load modules: everything but 'electron' is bundled into one CJS file.
      rollupOptions: {
        input: { index: here('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: here('./out/renderer'),
      // The renderer's own options (its chunk groups) with the Electron build's input.
      rolldownOptions: { ...rendererConfig.build?.rolldownOptions, input: { index: here('./renderer/index.html') } },
    },
  },
});
