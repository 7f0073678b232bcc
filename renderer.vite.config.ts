import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The renderer's build, shared by the Electron build (electron.vite.config.ts) and the plain web
 * build (`npm run web`, end-to-end tests): one renderer, two shells.
 */
export const rendererConfig: UserConfig = {
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  // assets/ (the app icon) is copied as is to the build's root: the page's favicon.
  publicDir: fileURLToPath(new URL('./assets', import.meta.url)),
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'chrome130',
    sourcemap: false,
    minify: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
};

export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: fileURLToPath(new URL('./dist/web', import.meta.url)), emptyOutDir: true },
});
