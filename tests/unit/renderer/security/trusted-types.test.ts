import { describe, expect, it } from 'vitest';
import { installTrustedTypesPolicy, sameOriginScriptUrl, type TrustedTypesFactory } from '../../../../renderer/src/security/trusted-types';

describe('sameOriginScriptUrl', () => {
  it.each([
    ['app://otk/index.html', 'app://otk/assets/bundle.worker-1a2b.js', 'app://otk/assets/bundle.worker-1a2b.js'],
    ['app://otk/index.html', './assets/bundle.worker-1a2b.js', 'app://otk/assets/bundle.worker-1a2b.js'],
    ['http://127.0.0.1:4173/', 'http://127.0.0.1:4173/assets/bundle.worker-1a2b.js', 'http://127.0.0.1:4173/assets/bundle.worker-1a2b.js'],
  ])('admits a script of the page itself (%s, %s)', (page, input, expected) => {
    expect(sameOriginScriptUrl(input, page)).toBe(expected);
  });

  it.each([
    ['another host', 'app://otk/index.html', 'app://evil/x.js'],
    ['a look-alike host', 'app://otk/index.html', 'app://otk.evil/x.js'],
    ['credentials', 'app://otk/index.html', 'app://user@otk/x.js'],
    ['another scheme', 'app://otk/index.html', 'https://otk/x.js'],
    ['a blob', 'app://otk/index.html', 'blob:app://otk/1234'],
    ['data', 'app://otk/index.html', 'data:text/javascript,postMessage(1)'],
    ['javascript:', 'app://otk/index.html', 'javascript:alert(1)'],
    ['another port', 'http://127.0.0.1:4173/', 'http://127.0.0.1:4174/x.js'],
    ['a page without a host', 'file:///app/index.html', 'file:///app/x.js'],
    ['not a URL', 'not a url', 'x.js'],
  ])('refuses %s', (_name, page, input) => {
    expect(sameOriginScriptUrl(input, page)).toBeNull();
  });
});

function fakeFactory(defaultPolicy: unknown = null) {
  const created: { name: string; rules: { createScriptURL(input: string): string | null } }[] = [];
  const factory: TrustedTypesFactory = {
    defaultPolicy,
    createPolicy(name, rules) {
      created.push({ name, rules });
      return {};
    },
  };
  return { factory, created };
}

describe('installTrustedTypesPolicy', () => {
  it("creates the page's default policy: script URLs of the page's origin only, and nothing for HTML or scripts", () => {
    const { factory, created } = fakeFactory();
    installTrustedTypesPolicy(factory, () => 'app://otk/index.html');
    expect(created.map((policy) => policy.name)).toEqual(['default']);
    const rules = created[0]?.rules;
    expect(rules?.createScriptURL('./assets/w.js')).toBe('app://otk/assets/w.js');
    expect(rules?.createScriptURL('https://example.org/w.js')).toBeNull();
    expect(Object.keys(rules ?? {})).toEqual(['createScriptURL']);
  });

  it('does nothing where the browser has no Trusted Types, or a default policy exists', () => {
    expect(() => installTrustedTypesPolicy(undefined, () => 'app://otk/')).not.toThrow();
    const { factory, created } = fakeFactory({});
    installTrustedTypesPolicy(factory, () => 'app://otk/');
    expect(created).toEqual([]);
  });
});
