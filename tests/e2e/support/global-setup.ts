import { build, preview, type PreviewServer } from 'vite';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { assertChromium } from './chromium';
import { assertPdftotext } from './pdf';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const configFile = fileURLToPath(new URL('../../../renderer.vite.config.ts', import.meta.url));
let server: PreviewServer | undefined;

/** Builds the renderer exactly as `npm run web` does and serves it on a free loopback port. */
export async function setup(project: TestProject): Promise<void> {
  assertChromium();
  assertPdftotext();
  await build({ configFile, logLevel: 'warn' });
  server = await preview({ configFile, preview: { port: 0, host: '127.0.0.1', open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  project.provide('baseURL', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
