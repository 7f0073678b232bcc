import { build, preview } from 'vite';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import process from 'node:process';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
const PROBE = fileURLToPath(new URL('../page/probe.ts', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../.artifacts', import.meta.url));

/**
 * Builds the app, the harness page and the probe into a folder of its own under
 * tests/bench/.artifacts/ (one per process, so a smoke run inside `npm test` and `npm run bench`
 * never share one), and removes it again with `remove()`.
 */
export async function buildHarness() {
  const outDir = join(ARTIFACTS, `build-${process.pid}-${Date.now()}`);
  mkdirSync(outDir, { recursive: true });
  // tests/bench/vite.config.ts reuses renderer.vite.config.ts by an extension-less import (the form
  // TypeScript accepts here); Vite's loader bundles it fine and only warns about a future loader.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  await build({ configFile: CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  await build({
    configFile: false,
    root: REPO,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'chrome130',
      minify: false,
      lib: { entry: PROBE, formats: ['iife'], name: 'otkProbeBundle', fileName: () => 'probe.js' },
    },
  });
  return {
    outDir,
    probePath: join(outDir, 'probe.js'),
    remove: () => {
      rmSync(outDir, { recursive: true, force: true });
      // Leave no empty folder behind either (another run may be using it: then it stays).
      try {
        if (readdirSync(ARTIFACTS).length === 0) rmdirSync(ARTIFACTS);
      } catch {
        // not empty (any more) or already gone
      }
    },
  };
}

/**
 * Hands the stored records from the app's origin to the fresh origins of the raw baselines:
 * POST /__bench/records?part=N keeps part N in this process's memory (part 0 starts afresh), GET
 * with the same query serves it back, 404 past the last (any of the harness's servers: each one
 * is a different origin, hence its own, empty IndexedDB). In parts because at 200 000 records the
 * whole would be a ~700 MB JSON text, over V8's longest string.
 */
export function createRecordStore() {
  let parts = new Map();
  const partOf = (req) => Number(new URL(req.url ?? '', 'http://bench').searchParams.get('part'));
  const plugin = {
    name: 'otk-bench-records',
    configurePreviewServer(server) {
      server.middlewares.use('/__bench/records', (req, res) => {
        const part = partOf(req);
        if (!Number.isInteger(part) || part < 0) {
          res.statusCode = 400;
          res.end();
          return;
        }
        if (req.method === 'POST') {
          const chunks = [];
          req.on('data', (chunk) => chunks.push(chunk));
          req.on('end', () => {
            if (part === 0) parts = new Map();
            parts.set(part, Buffer.concat(chunks));
            res.statusCode = 204;
            res.end();
          });
          return;
        }
        if (req.method === 'GET' && parts.has(part)) {
          res.setHeader('Content-Type', 'application/json');
          res.end(parts.get(part));
          return;
        }
        res.statusCode = req.method === 'GET' ? 404 : 405;
        res.end();
      });
    },
  };
  return { plugin, clear: () => (parts = new Map()) };
}

/** Serves a build on a free loopback port: a new origin each time. */
export async function serveHarness(outDir, records) {
  const server = await preview({
    configFile: false,
    root: REPO,
    logLevel: 'warn',
    plugins: records ? [records.plugin] : [],
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the preview server did not report its address');
  return {
    appUrl: new URL('renderer/index.html#/cases', base).href,
    benchUrl: new URL('tests/bench/page/bench.html', base).href,
    close: () => server.close(),
  };
}
