import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CSP_NONCE_PLACEHOLDER, contentSecurityPolicy, withNonce } from './shared/security/content-security-policy.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const webOutDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * The page's Content-Security-Policy (shared/security/content-security-policy.ts): as a <meta> tag
 * first in the built index.html, and, from `vite preview` (`npm run web`, the end-to-end tests), as
 * a response header with a fresh nonce per page — a meta tag cannot set frame-ancestors, and only
 * a server can make the nonce unguessable. Not `preview.headers`: those are the same on every response.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'otk-content-security-policy',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(CSP_NONCE_PLACEHOLDER, 'meta') },
        injectTo: 'head-prepend',
      },
    ],
    configurePreviewServer(server) {
      server.middlewares.use(previewWithNonce(resolve(server.config.root, server.config.build.outDir)));
    },
  };
}

/** Every response gets the CSP header; the page itself gets the same fresh nonce in place of the placeholder. */
export function previewWithNonce(outDir: string, nonce = () => randomBytes(16).toString('base64')) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const value = nonce();
    response.setHeader('Content-Security-Policy', contentSecurityPolicy(value, 'header'));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const path = new URL(request.url ?? '/', 'http://preview').pathname;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || (path !== '/' && path !== '/index.html')) return next();
    readFile(join(outDir, 'index.html'), 'utf8').then(
      (html) => {
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.setHeader('Cache-Control', 'no-store');
        response.end(request.method === 'HEAD' ? undefined : withNonce(html, value));
      },
      () => next(),
    );
  };
}

const rendererEntry = fileURLToPath(new URL('./renderer/src/main.tsx', import.meta.url));

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };
/** A module's source text (null: none to read). */
export type ReadSource = (id: string) => string | null;
const readSource: ReadSource = (id) => {
  try {
    return readFileSync(id, 'utf8');
  } catch {
    return null;
  }
};

/**
 * Names 'lock-screen' every module the renderer's entry (main.tsx) imports statically, directly or
 * not — what runs before the lock screen can show; everything imported on demand stays split. The
 * closure is computed once per build from the module graph (a build with other entries, such as the
 * benchmark's, gets the same chunk for the app and leaves the other entries' own modules alone).
 *
 * A package's entry that only re-exports (suomifi-ui-components' index: every component of the
 * library) is followed only into the components the lock screen's own modules import from it by
 * name: the others (the date input with date-fns, the selects, the text area…) go with the screens
 * that use them. Anything it cannot read that way (a namespace import) follows the whole entry.
 */
export function lockScreenChunk(id: string, ctx: ModuleGraph, read: ReadSource = readSource): string | null {
  let closure = closures.get(ctx);
  if (!closure) {
    closure = lockScreenClosure(ctx, read);
    closures.set(ctx, closure);
  }
  return closure.has(id) && id !== rendererEntry ? 'lock-screen' : null;
}

function lockScreenClosure(ctx: ModuleGraph, read: ReadSource): Set<string> {
  const closure = new Set<string>();
  const barrels = new Map<string, Map<string, string> | null>();
  const barrelOf = (id: string) => {
    if (!barrels.has(id)) {
      const source = isPackageFile(id) ? read(id) : null;
      barrels.set(id, source === null ? null : reexportsOf(id, source, ctx.getModuleInfo(id)?.importedIds ?? []));
    }
    return barrels.get(id)!;
  };
  const stack = [rendererEntry];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (closure.has(next)) continue;
    closure.add(next);
    const named = isPackageFile(next) ? null : namedImportsOf(read(next) ?? '');
    for (const dep of ctx.getModuleInfo(next)?.importedIds ?? []) {
      const exports = barrelOf(dep);
      const names = exports && named ? [...named].find(([specifier]) => dep.includes(`/node_modules/${specifier}/`))?.[1] : undefined;
      const targets = names?.map((name) => exports!.get(name));
      if (!targets || targets.some((target) => target === undefined)) stack.push(dep);
      else stack.push(...(targets as string[]));
    }
  }
  // A barrel followed by name holds no code of its own: it is no part of the chunk.
  for (const [id, exports] of barrels) if (exports && !(ctx.getModuleInfo(id)?.importedIds ?? []).every((dep) => closure.has(dep))) closure.delete(id);
  return closure;
}

const isPackageFile = (id: string) => /[\\/]node_modules[\\/]/.test(id);

/**
 * A package entry made only of re-exports (`export { A, B as C } from './x.js'` or from another
 * package, `export * from …`, side-effect imports, comments): exported name → the module defining
 * it (`export *` names are not known: asking for one follows the whole entry); otherwise null.
 */
export function reexportsOf(id: string, source: string, importedIds: readonly string[]): Map<string, string> | null {
  const names = new Map<string, string>();
  for (const line of source.split('\n')) {
    const text = line.trim();
    if (text === '' || text.startsWith('//') || /^(import|export\s*\*\s*from)\s*'[^']+';?$/.test(text)) continue;
    const match = /^export\s*\{([^}]*)\}\s*from\s*'([^']+)';?$/.exec(text);
    if (!match) return null;
    const specifier = match[2]!;
    const target = specifier.startsWith('.') ? resolve(dirname(id), specifier) : importedIds.find((dep) => dep.includes(`/node_modules/${specifier}/`));
    if (target === undefined) return null;
    for (const part of match[1]!.split(',')) {
      const [local, exported = local] = part.trim().split(/\s+as\s+/);
      if (exported) names.set(exported.trim(), target);
    }
  }
  return names.size > 0 ? names : null;
}

/** The names a source module imports from each bare specifier (`import { A, type B } from 'pkg'`; type-only imports left out). */
function namedImportsOf(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const match of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*'([^'.][^']*)'/g)) {
    if (match[1]) continue;
    const names = match[2]!.split(',').map((part) => part.trim()).filter((part) => part !== '' && !part.startsWith('type '));
    out.set(match[3]!, [...(out.get(match[3]!) ?? []), ...names.map((part) => part.split(/\s+as\s+/)[0]!.trim())]);
  }
  return out;
}
const closures = new WeakMap<object, Set<string>>();

/**
 * The renderer's build, shared by the Electron build (electron.vite.config.ts) and the plain web
 * build (`npm run web`, end-to-end tests): one renderer, two shells.
 */
export const rendererConfig: UserConfig = {
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  // assets/ (the app icon) is copied as is to the build's root: the page's favicon.
  publicDir: fileURLToPath(new URL('./assets', import.meta.url)),
  plugins: [react(), contentSecurityPolicyPlugin()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // Vite puts the placeholder on its tags and in <meta property="csp-nonce">, where styled-components
  // finds it for the <style> elements it creates; each server swaps in a fresh nonce per page.
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  build: {
    target: 'chrome130',
    sourcemap: false,
    minify: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The renderer is split (the lock screen first, renderer/src/app/preload.ts). zod and
        // shared/security/no-eval share one chunk, so zod is told not to try eval (no-eval) before
        // any other chunk can make a schema: a chunk runs whole before the chunks that import it.
        codeSplitting: {
          groups: [
            { name: 'zod', priority: 3, test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]shared[\\/]security[\\/]no-eval\.ts$/ },
            // React alone, as a blank React page of the same build loads it (the lock screen's baseline).
            { name: 'react', priority: 2, test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Everything else the lock screen needs, in one chunk: the first paint waits for one file,
            // not for the forty small ones the automatic splitting makes of the modules the later
            // screens share (the round trips, not the bytes, were most of the lock screen's time).
            { name: lockScreenChunk, debugName: 'lock-screen', priority: 1 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
};

export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: webOutDir, emptyOutDir: true },
});
