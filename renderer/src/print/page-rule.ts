/**
 * The paper of a printed view, as one CSS @page rule: A4 (landscape for wide reports), margins the
 * app chooses (the same in the browser's print and in Electron's printToPDF, where the page's @page
 * margins win over the caller's defaults), and in the page-margin boxes the document's running head
 * at the top and "page n / m" at the bottom of every sheet. Chromium prints margin boxes from
 * version 131 (Electron 34). Pure text in, CSS text out: the texts are escaped into CSS strings, so
 * nothing a user typed (a network's name, a case code) can end the string or the rule.
 */

/** The margins of every printed sheet (room for the running head and the page number). */
export const PAGE_MARGIN = '16mm 14mm 16mm 14mm';

/** A CSS string literal: quotes, backslashes, line breaks, control characters and angle brackets escaped. */
export function cssString(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    out += code < 0x20 || code === 0x7f || c === '\\' || c === '"' || c === '<' || c === '>' ? `\\${code.toString(16)} ` : c;
  }
  return `"${out}"`;
}

/** One piece of the page label: text, or the number of this sheet or of all sheets. */
export type PageLabelPart = { text: string } | { counter: 'page' | 'pages' };

/**
 * Splits a translated page label such as "Sivu {{page}} / {{pages}}", rendered with the markers
 * PAGE_MARKERS, into its parts (the translator decides the words and the order).
 */
export const PAGE_MARKERS = { page: '\ue000page\ue000', pages: '\ue000pages\ue000' } as const;

export function pageLabelParts(rendered: string): PageLabelPart[] {
  return rendered
    .split(/\ue000(page|pages)\ue000/)
    .map((piece, i): PageLabelPart => (i % 2 === 1 ? { counter: piece as 'page' | 'pages' } : { text: piece }))
    .filter((part) => !('text' in part) || part.text !== '');
}

function content(parts: readonly PageLabelPart[]): string {
  return parts.map((part) => ('text' in part ? cssString(part.text) : `counter(${part.counter})`)).join(' ');
}

export interface PageRuleOptions {
  /** The document's title, printed at the top of every sheet. */
  head: string;
  /** "page n / m" in the document's language. */
  pageLabel: readonly PageLabelPart[];
  landscape?: boolean;
}

export function pageRule({ head, pageLabel, landscape = false }: PageRuleOptions): string {
  const box = 'font-family: "Source Sans Pro", Arial, sans-serif; font-size: 9pt; color: #000;';
  return [
    '@page {',
    `  size: A4${landscape ? ' landscape' : ''};`,
    `  margin: ${PAGE_MARGIN};`,
    `  @top-left { content: ${cssString(head)}; ${box} vertical-align: bottom; }`,
    `  @bottom-right { content: ${content(pageLabel)}; ${box} vertical-align: top; }`,
    '}',
  ].join('\n');
}
