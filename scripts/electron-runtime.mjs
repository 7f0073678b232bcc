// What `npm start` and `npm run dist` say when the Electron runtime cannot be had: one plain
// explanation in the user's words, never a raw network stack trace.

/** Error codes and phrases a failed download leaves in the installer's or builder's output. */
const OFFLINE = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up/i;

/**
 * Why a download of the runtime failed: 'offline' when the output shows the machine could not reach
 * the download server, otherwise 'other'.
 * @param {string} output what the installer or electron-builder printed
 * @returns {'offline' | 'other'}
 */
export function downloadFailure(output) {
  return OFFLINE.test(output) ? 'offline' : 'other';
}

/** The last non-empty line of `output` that is not a stack frame: the installer's own words. */
function lastWords(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at '));
  return lines.at(-1) ?? '';
}

/**
 * The explanation after a failed attempt to get the runtime for `purpose`.
 * @param {'start' | 'dist'} purpose what the user ran: `npm start` or `npm run dist`
 * @param {string} output what the failed download printed
 */
export function missingRuntimeMessage(purpose, output) {
  const what = purpose === 'start' ? 'The desktop app cannot start' : 'The installers cannot be built';
  const why =
    downloadFailure(output) === 'offline'
      ? "the Electron runtime is not installed, and this machine cannot reach Electron's download server (github.com) to fetch it."
      : `the Electron runtime is not installed, and downloading it failed: ${lastWords(output) || 'no reason given'}.`;
  const lines = [
    `${what}: ${why}`,
    'On a machine with internet access, `npm install` downloads it. Or place the verified runtime zip in',
    "@electron/get's cache, or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked runtime (README, \"The desktop runtime\").",
  ];
  if (purpose === 'start') lines.push('The identical app runs in a browser: `npm run web` serves it and prints the address to open.');
  return lines.join('\n');
}
