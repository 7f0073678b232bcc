/** The one origin the UI is served from, and the only place it may navigate to or call the bridge from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'otk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is exactly within app://otk/ — no other host, port or credentials.
 * Parsed rather than prefix-matched, so `app://otk.evil/` and `app://otk@evil/` are rejected.
 * (Node gives non-special schemes an opaque origin, so the parts are compared, not `URL.origin`.)
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
