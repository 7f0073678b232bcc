import { afterEach, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { BrowserSession } from './browser';

/**
 * A fresh browser profile for every test of the file: returns accessors for the current session and
 * page (the page changes when a test restarts the browser).
 */
export function useBrowserSession() {
  let session: BrowserSession;
  let page: Page;
  beforeEach(async () => {
    session = new BrowserSession();
    page = await session.start();
  });
  afterEach(async () => {
    await session.close();
  });
  return {
    page: () => page,
    restart: async (options?: Parameters<BrowserSession['restart']>[0]) => {
      page = await session.restart(options);
      return page;
    },
  };
}
