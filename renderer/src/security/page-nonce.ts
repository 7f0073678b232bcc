/**
 * The page's CSP nonce for <style> elements the app writes itself (the print sheet's @page rule),
 * read where the server put it — the `csp-nonce` meta tag styled-components reads too
 * (shared/security/content-security-policy.ts). Undefined when the page has none.
 */
export function pageNonce(): string | undefined {
  // Vite writes it as the meta tag's nonce; the browser keeps it in the `nonce` property only.
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || meta?.getAttribute('content') || undefined;
}
