import { randomBytes } from 'node:crypto';
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicy, withNonce } from '../../shared/security/content-security-policy';
import { APP_HOST, APP_SCHEME } from './app-url';

/** A fresh nonce for one response: 128 random bits, base64. */
export function cspNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Registered before `ready`. Standard + secure gives app://otk a real origin (storage, fetch, workers). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app://otk/... URL to a file under `rootDir`, or null when the URL must not be served:
 * another scheme or host, credentials or a port, undecodable percent-encoding, NUL, backslashes,
 * colons (drive letters, NTFS streams), `.`/`..` segments after decoding, or anything resolving
 * outside the root. A path ending in `/` means its index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  if (segments.length === 0 || segments.at(-1) === '') segments.splice(-1, 1, 'index.html');
  if (segments.slice(0, -1).some((segment) => segment === '')) return null; // "//" inside the path

  const root = resolve(rootDir);
  const target = resolve(root, ...segments);
  const fromRoot = relative(root, target);
  if (fromRoot === '' || isAbsolute(fromRoot) || fromRoot === '..' || fromRoot.startsWith(`..${sep}`)) {
    return null;
  }
  return target;
}

export type ReadFile = (path: string) => Promise<Uint8Array<ArrayBuffer>>;

/** The shared policy (shared/security/content-security-policy.ts) with this response's nonce. */
function securityHeaders(contentType: string, nonce: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(nonce, 'header'),
    'X-Content-Type-Options': 'nosniff',
  });
}

function plain(status: number, text: string, nonce: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8', nonce) });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/**
 * The `protocol.handle('app', …)` handler: serves files from `rootDir` (out/renderer). Every response
 * carries the CSP with a nonce of its own; an HTML page gets that nonce in place of the build's
 * placeholder, so the <style> elements styled-components creates are the only inline styles allowed.
 */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile = fsReadFile,
  nonce: () => string = cspNonce,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const value = nonce();
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed', value);
    const filePath = resolveAppPath(rootDir, request.url);
    if (filePath === null) return plain(400, 'Bad Request', value);
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(filePath);
    } catch (error) {
      return isMissing(error) ? plain(404, 'Not Found', value) : plain(500, 'Internal Server Error', value);
    }
    const contentType = contentTypeFor(filePath);
    if (contentType.startsWith('text/html')) {
      body = new TextEncoder().encode(withNonce(new TextDecoder().decode(body), value));
    }
    const headers = securityHeaders(contentType, value);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
