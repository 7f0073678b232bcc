// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, contentTypeFor, createAppProtocolHandler, cspNonce, resolveAppPath } from '../../../electron/main/protocol';
import { CSP_NONCE_PLACEHOLDER, contentSecurityPolicy } from '../../../shared/security/content-security-policy';

/** The nonce of a response's CSP header: the one value allowed for inline <style> elements. */
function nonceOf(response: Response): string {
  const match = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '');
  if (!match?.[1]) throw new Error('no nonce in the CSP header');
  return match[1];
}

const root = join(tmpdir(), 'otk-protocol-root');

describe('app:// scheme registration', () => {
  it('is standard, secure and fetch-capable, and never bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });
});

describe('resolveAppPath', () => {
  it('maps app://otk paths into the root, / to index.html', () => {
    expect(resolveAppPath(root, 'app://otk/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://otk/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://otk/assets/')).toBe(join(root, 'assets', 'index.html'));
    expect(resolveAppPath(root, 'app://otk/assets/main-1a2b.js?v=1#x')).toBe(join(root, 'assets', 'main-1a2b.js'));
    expect(resolveAppPath(root, 'app://otk/fonts/Source%20Sans.woff2')).toBe(join(root, 'fonts', 'Source Sans.woff2'));
  });

  it.each([
    ['dot-dot that the URL parser folds away stays inside', 'app://otk/../../etc/passwd', join(root, 'etc', 'passwd')],
    ['encoded dot-dot folded by the URL parser stays inside', 'app://otk/%2e%2e/%2E%2E/etc/passwd', join(root, 'etc', 'passwd')],
  ])('%s', (_name, url, expected) => {
    expect(resolveAppPath(root, url)).toBe(expected);
  });

  it.each([
    ['encoded slash after dot-dot', 'app://otk/..%2f..%2fetc%2fpasswd'],
    ['encoded dot-dot and slash', 'app://otk/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['encoded dot-dot with backslash', 'app://otk/%2e%2e%5cwindows%5cwin.ini'],
    ['backslash', 'app://otk/..\\..\\etc\\passwd'],
    ['encoded backslash', 'app://otk/assets%5c..%5c..%5csecret'],
    ['NUL byte', 'app://otk/index.html%00.png'],
    ['absolute path smuggled in encoded', 'app://otk/%2fetc%2fpasswd'],
    ['Windows drive letter', 'app://otk/C:/Windows/win.ini'],
    ['encoded Windows drive letter', 'app://otk/C%3A%5CWindows%5Cwin.ini'],
    ['double slash', 'app://otk//etc/passwd'],
    ['broken percent-encoding', 'app://otk/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://otk.evil/index.html'],
    ['credentials', 'app://otk@evil/index.html'],
    ['a port', 'app://otk:8080/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://otk/index.html'],
    ['not a URL', '/etc/passwd'],
  ])('rejects %s', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('the app:// handler', () => {
  let dir = '';
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'otk-protocol-'));
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>OTK</title>');
    await writeFile(
      join(dir, 'renderer', 'page.html'),
      `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><script nonce="${CSP_NONCE_PLACEHOLDER}" src="a.js"></script>`,
    );
    await writeFile(join(dir, 'renderer', 'assets', 'placeholder.js'), `// ${CSP_NONCE_PLACEHOLDER}`);
    await writeFile(join(dir, 'renderer', 'assets', 'main.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'outside the root');
    handle = createAppProtocolHandler(join(dir, 'renderer'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a real file with its type, the CSP and nosniff', async () => {
    const response = await handle(new Request('app://otk/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>OTK</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy(nonceOf(response), 'header'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await handle(new Request('app://otk/assets/main.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('puts a fresh nonce of its own in each page, the same one its CSP header allows', async () => {
    const first = await handle(new Request('app://otk/page.html'));
    const second = await handle(new Request('app://otk/page.html'));
    const [one, two] = [nonceOf(first), nonceOf(second)];
    expect(one).not.toBe(two);
    expect(await first.text()).toBe(`<meta property="csp-nonce" nonce="${one}"><script nonce="${one}" src="a.js"></script>`);
    expect(await second.text()).not.toContain(CSP_NONCE_PLACEHOLDER);
    expect(first.headers.get('content-security-policy')).toBe(contentSecurityPolicy(one, 'header'));
  });

  it('leaves files that are not HTML byte for byte as built', async () => {
    const script = await handle(new Request('app://otk/assets/placeholder.js'));
    expect(await script.text()).toBe(`// ${CSP_NONCE_PLACEHOLDER}`);
  });

  it('takes its nonces from the injected source: 128 random bits, base64', async () => {
    const fixed = createAppProtocolHandler(join(dir, 'renderer'), undefined, () => 'AAAAAAAAAAAAAAAAAAAAAA==');
    expect(await (await fixed(new Request('app://otk/page.html'))).text()).toContain('nonce="AAAAAAAAAAAAAAAAAAAAAA=="');
    const nonces = new Set(Array.from({ length: 50 }, cspNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });

  it('404s a missing file and a directory, still with the CSP', async () => {
    for (const url of ['app://otk/missing.js', 'app://otk/assets']) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy(nonceOf(response), 'header'));
    }
  });

  it.each([
    'app://otk/..%2fsecret.txt',
    'app://otk/%2e%2e%2fsecret.txt',
    'app://otk/..%5csecret.txt',
    '{absolute path of secret.txt, percent-encoded}',
    'app://other/index.html',
  ])('refuses %s without reading outside the root', async (template) => {
    const url = template.startsWith('{')
      ? `app://otk/${encodeURIComponent(join(dir, 'secret.txt'))}`
      : template;
    const response = await handle(new Request(url));
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('outside the root');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy(nonceOf(response), 'header'));
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle(new Request('app://otk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handle(new Request('app://otk/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('answers 500, not the error, when reading fails otherwise', async () => {
    const failing = createAppProtocolHandler(join(dir, 'renderer'), () =>
      Promise.reject(Object.assign(new Error('EACCES: /secret/path'), { code: 'EACCES' })),
    );
    const response = await failing(new Request('app://otk/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/secret/path');
  });
});
