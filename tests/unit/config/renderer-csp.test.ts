// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { contentSecurityPolicyPlugin } from '../../../renderer.vite.config';
import { CSP_NONCE_PLACEHOLDER, contentSecurityPolicy } from '../../../shared/security/content-security-policy';

/** The nonce of a response's CSP header. */
function nonceOf(headers: Headers): string {
  const match = /'nonce-([^']+)'/.exec(headers.get('content-security-policy') ?? '');
  if (!match?.[1]) throw new Error('no nonce in the CSP header');
  return match[1];
}

describe('the built page carries the CSP as a meta tag', () => {
  it('first in <head>, the shared policy with the placeholder nonce, without frame-ancestors', () => {
    const plugin = contentSecurityPolicyPlugin();
    const transform = plugin.transformIndexHtml as () => { tag: string; attrs: Record<string, string>; injectTo: string }[];
    expect(transform()).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(CSP_NONCE_PLACEHOLDER, 'meta') },
        injectTo: 'head-prepend',
      },
    ]);
  });
});

describe('`vite preview` (npm run web) sends the CSP as a header', () => {
  let dir = '';
  let server: PreviewServer;
  let base = '';
  const page = `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><p>OTK</p>`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otk-preview-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), page);
    await writeFile(join(dir, 'assets', 'a.js'), 'export {};');
    server = await preview({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      plugins: [contentSecurityPolicyPlugin()],
      build: { outDir: dir },
      preview: { host: '127.0.0.1', port: 0, open: false },
    });
    base = server.resolvedUrls?.local[0] ?? '';
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the page with a fresh nonce per response, the same in the header and the page', async () => {
    const first = await fetch(base);
    const second = await fetch(new URL('index.html', base));
    const [one, two] = [nonceOf(first.headers), nonceOf(second.headers)];
    expect(one).not.toBe(two);
    expect(first.headers.get('content-security-policy')).toBe(contentSecurityPolicy(one, 'header'));
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await first.text()).toBe(page.replace(CSP_NONCE_PLACEHOLDER, one));
    expect(await second.text()).toBe(page.replace(CSP_NONCE_PLACEHOLDER, two));
  });

  it('sends the header with every other file too (a worker takes its CSP from its own response)', async () => {
    const script = await fetch(new URL('assets/a.js', base));
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('export {};');
    expect(script.headers.get('content-security-policy')).toBe(contentSecurityPolicy(nonceOf(script.headers), 'header'));
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
