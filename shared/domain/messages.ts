/**
 * A validation message is an i18n key, optionally with parameters for the sentence
 * (`guard.henkilotunnusAnonymous?position=42`), so that it survives any layer that only carries a
 * string (zod issues, react-hook-form errors) and is translated at the edge.
 */
export function encodeMessage(key: string, params: Record<string, string | number> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) search.set(name, String(value));
  const query = search.toString();
  return query === '' ? key : `${key}?${query}`;
}

export function decodeMessage(message: string): { key: string; params: Record<string, string> } {
  const at = message.indexOf('?');
  if (at < 0) return { key: message, params: {} };
  return { key: message.slice(0, at), params: Object.fromEntries(new URLSearchParams(message.slice(at + 1))) };
}
