/**
 * The one Content-Security-Policy of the renderer, for every way it is served: the app:// header in
 * Electron (electron/main/protocol.ts), the `vite preview` header of the web build, and the <meta>
 * tag in the built index.html (renderer.vite.config.ts) for a static host that sends no header.
 *
 * - No 'unsafe-inline' and no 'unsafe-eval'. styled-components (and suomifi-ui-components through it)
 *   insert their rules into <style> elements at run time; those elements carry the page's nonce,
 *   which styled-components reads from `<meta property="csp-nonce">` (Vite's `html.cspNonce`).
 *   The built index.html holds CSP_NONCE_PLACEHOLDER; each server replaces it per response with a
 *   fresh random nonce (`cspNonce()` callers). Served as is, the placeholder still works as a nonce,
 *   it just protects nothing more than 'unsafe-inline' would.
 * - Workers only from the app's own files: the bundle worker is its own file in assets/, never blob:.
 * - Trusted Types: the renderer sets no HTML and evaluates no strings, so those sinks stay shut.
 *   The one script URL it hands to a sink — the bundle worker's — passes the 'default' policy
 *   (renderer/src/security/trusted-types.ts), which admits same-origin URLs only.
 */

/** What the built index.html carries until a server puts a fresh nonce in its place (base64url). */
export const CSP_NONCE_PLACEHOLDER = 'otk-csp-nonce-placeholder';

/** The only Trusted Types policy name the page may create. */
export const TRUSTED_TYPES_POLICY = 'default';

/** A nonce is base64 or base64url (CSP3 `base64-value`), at least 16 characters here. */
const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

export type CspDelivery = 'header' | 'meta';

/**
 * The policy with `nonce` for inline <style> elements. A <meta> tag cannot carry frame-ancestors
 * (Chromium ignores it there and says so in the console), so only the header has it.
 */
export function contentSecurityPolicy(nonce: string, delivery: CspDelivery): string {
  if (!NONCE.test(nonce)) throw new Error('a CSP nonce must be base64 or base64url, at least 16 characters');
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICY}`,
  ];
  if (delivery === 'header') directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/** Puts `nonce` wherever the built page holds the placeholder (the csp-nonce meta, the CSP meta, tags). */
export function withNonce(html: string, nonce: string): string {
  return html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}
