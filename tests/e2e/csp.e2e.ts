import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAppProtocolHandler } from '../../electron/main/protocol';
import { BrowserSession } from './support/browser';

/**
 * The Content-Security-Policy without 'unsafe-inline' and with Trusted Types, in real Chromium.
 * Every other end-to-end test fails on any CSP or Trusted Types violation the console reports
 * (BrowserSession.close); this file shows that the check can fail, and that the Electron shell's
 * app:// handler serves a page that works under its policy.
 */

const WEB_BUILD = fileURLToPath(new URL('../../dist/web', import.meta.url));
let session: BrowserSession;
let server: Server | undefined;

afterEach(async () => {
  await session.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** The nonce the response's CSP header allows for inline <style> elements. */
function headerNonce(policy: string | undefined): string {
  const match = /style-src 'self' 'nonce-([^']+)'/.exec(policy ?? '');
  if (!match?.[1]) throw new Error(`no style nonce in the CSP header: ${policy}`);
  return match[1];
}

/** The nonce of every <style> element on the page (the attribute is hidden; the property holds it). */
function styleNonces(page: Page): Promise<{ nonce: string; rules: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('style'), (style) => ({ nonce: style.nonce ?? '', rules: style.sheet?.cssRules.length ?? -1 })),
  );
}

/** The page's styled-components <style> elements carry the header's nonce and hold rules. */
async function expectStylesUnderNonce(page: Page, policy: string | undefined): Promise<void> {
  const nonce = headerNonce(policy);
  const styles = await styleNonces(page);
  expect(styles.length).toBeGreaterThan(0);
  for (const style of styles) expect(style).toEqual({ nonce, rules: expect.any(Number) as number });
  expect(styles.reduce((sum, style) => sum + style.rules, 0)).toBeGreaterThan(50);
}

describe('Content-Security-Policy in Chromium', () => {
  it('`npm run web` sends it as a header; styles apply with the nonce; inline styles, HTML sinks and foreign workers are refused', async () => {
    session = new BrowserSession();
    let policy: string | undefined;
    const page = await session.start({
      locked: true,
      beforeOpen: async (p) => {
        p.on('response', (response) => {
          if (response.url() === inject('baseURL')) policy = response.headers()['content-security-policy'];
        });
      },
    });
    await page.locator('#setup-name').waitFor();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    await expectStylesUnderNonce(page, policy);
    // The Suomi.fi button is styled (its rules live in the nonce'd <style>), not the browser's grey default.
    const background = await page.locator('button[type="submit"]').first().evaluate((button) => getComputedStyle(button).backgroundColor);
    expect(background).not.toMatch(/^rgb\(2[34]\d, 2[34]\d, 2[34]\d\)$/);

    const refused = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { display: none }';
      document.head.append(style);
      let html = 'set';
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      } catch (error) {
        html = (error as Error).name;
      }
      let worker = 'created';
      try {
        new Worker('data:text/javascript,postMessage(1)');
      } catch (error) {
        worker = (error as Error).name;
      }
      return { inlineSheet: style.sheet !== null, html, worker, hidden: getComputedStyle(document.body).display === 'none' };
    });
    expect(refused).toEqual({ inlineSheet: false, html: 'TypeError', worker: 'TypeError', hidden: false });
    // The session's own check saw each refusal; cleared here so that closing the session passes.
    await expect.poll(() => session.policyViolations.length).toBeGreaterThanOrEqual(3);
    expect(session.policyViolations.join('\n')).toMatch(/style-src/);
    expect(session.policyViolations.join('\n')).toMatch(/TrustedHTML/);
    session.policyViolations.length = 0;
  });

  it("the Electron shell's app:// handler serves the built page with a fresh nonce; it sets up and unlocks under that policy", async () => {
    // Chromium cannot load app:// outside Electron: a loopback server hands each request to the
    // shell's own handler as app://otk/<path> and passes its response back unchanged.
    const handler = createAppProtocolHandler(WEB_BUILD);
    server = createServer((request, response) => {
      void handler(new Request(`app://otk${request.url ?? '/'}`, { method: request.method })).then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    session = new BrowserSession();
    const policies: string[] = [];
    const page = await session.start({
      url,
      beforeOpen: async (p) => {
        p.on('response', (response) => {
          if (response.url() === url) policies.push(response.headers()['content-security-policy'] ?? '');
        });
      },
    });
    await page.locator('.otk-session-bar').waitFor();
    expect(policies.length).toBeGreaterThan(0);
    await expectStylesUnderNonce(page, policies.at(-1));
    await page.reload();
    await page.locator('#unlock-passphrase').waitFor();
    expect(new Set(policies.map(headerNonce)).size).toBe(policies.length);
    await expectStylesUnderNonce(page, policies.at(-1));
  });
});
