import { describe, expect, it } from 'vitest';
import {
  CSP_NONCE_PLACEHOLDER,
  contentSecurityPolicy,
  withNonce,
} from '../../../../shared/security/content-security-policy';

const NONCE = 'c2FtcGxlLW5vbmNlLTEyMw==';

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('as a header: every directive, styles only with the nonce, workers only from the app, Trusted Types', () => {
    expect(directives(contentSecurityPolicy(NONCE, 'header'))).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': `'self' 'nonce-${NONCE}'`,
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'manifest-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'object-src': "'none'",
      'require-trusted-types-for': "'script'",
      'trusted-types': 'default',
      'frame-ancestors': "'none'",
    });
  });

  it('as a meta tag: the same, less frame-ancestors (a meta tag cannot carry it)', () => {
    const header = directives(contentSecurityPolicy(NONCE, 'header'));
    const meta = directives(contentSecurityPolicy(NONCE, 'meta'));
    const { 'frame-ancestors': frameAncestors, ...rest } = header;
    expect(frameAncestors).toBe("'none'");
    expect(meta).toEqual(rest);
  });

  it('never allows unsafe-inline, unsafe-eval, wildcards, blob: workers or http(s) sources', () => {
    for (const delivery of ['header', 'meta'] as const) {
      const policy = contentSecurityPolicy(NONCE, delivery);
      expect(policy).not.toMatch(/unsafe-|\*|https?:|worker-src[^;]*blob:/);
    }
  });

  it('takes only a nonce that cannot break out of the policy', () => {
    expect(() => contentSecurityPolicy(CSP_NONCE_PLACEHOLDER, 'meta')).not.toThrow();
    for (const bad of ['', 'short', "abcdefghijklmnop' 'unsafe-inline", 'abcdefghijklmnop; script-src *', 'abcdefghijklmnopq==='])
      expect(() => contentSecurityPolicy(bad, 'header'), bad).toThrow(/nonce/);
  });
});

describe('withNonce', () => {
  it('replaces every placeholder of the built page', () => {
    const html = `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><meta content="style-src 'nonce-${CSP_NONCE_PLACEHOLDER}'">`;
    expect(withNonce(html, NONCE)).toBe(`<meta property="csp-nonce" nonce="${NONCE}"><meta content="style-src 'nonce-${NONCE}'">`);
  });
});
