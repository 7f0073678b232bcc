import { existsSync } from 'node:fs';
import process from 'node:process';

/**
 * Debian's Chromium for the end-to-end tests and the benchmark: where it is, and the flags for a
 * quiet headless run on a machine without network (see the team handbook). Plain ESM so that both
 * the TypeScript tests and the benchmark's Node runner import the same list.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The Chromium path, or an error that says how to install it; `purpose` names who needs it. */
export function assertChromium(purpose = 'The end-to-end tests drive') {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. ${purpose} a real Chromium: ` +
        'install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return path;
}
