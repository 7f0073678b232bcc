import { TRUSTED_TYPES_POLICY } from '../../../shared/security/content-security-policy';

/**
 * Trusted Types (the page's CSP says `require-trusted-types-for 'script'; trusted-types default`):
 * every string that reaches an HTML, script or script-URL sink must pass a policy. The app sets no
 * HTML and evaluates no strings, so this policy has no createHTML or createScript: those sinks stay
 * shut. The one script URL the app hands to a sink is the bundle worker's (`new Worker(new URL(…,
 * import.meta.url))`, a file of the app's own build); the policy admits same-origin URLs only.
 */

/** The part of the browser's `trustedTypes` this uses (TypeScript's DOM library does not declare it yet). */
export interface TrustedTypesFactory {
  readonly defaultPolicy: unknown;
  createPolicy(name: string, rules: { createScriptURL(input: string): string | null }): unknown;
}

/**
 * `input` resolved against the page when it is on the page's own origin, else null (the sink is
 * refused). Compared by scheme and host, not `URL.origin`: app://otk is a standard scheme in
 * Chromium but opaque to the URL parsers of other runtimes.
 */
export function sameOriginScriptUrl(input: string, pageUrl: string): string | null {
  let page: URL;
  let url: URL;
  try {
    page = new URL(pageUrl);
    url = new URL(input, page);
  } catch {
    return null;
  }
  const sameOrigin = url.protocol === page.protocol && url.host === page.host && url.username === '' && url.password === '';
  return sameOrigin && url.host !== '' ? url.href : null;
}

/**
 * Creates the page's default policy, once, before anything makes a worker. Browsers without
 * Trusted Types ignore the CSP directive too, so nothing is needed there.
 */
export function installTrustedTypesPolicy(factory: TrustedTypesFactory | undefined, pageUrl: () => string): void {
  if (!factory || factory.defaultPolicy) return;
  factory.createPolicy(TRUSTED_TYPES_POLICY, {
    createScriptURL: (input) => sameOriginScriptUrl(input, pageUrl()),
  });
}
