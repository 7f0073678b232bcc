import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cssString, PAGE_MARKERS, pageLabelParts, pageRule } from '../../../../renderer/src/print/page-rule';

/** Reads a CSS string literal back as CSS does: `\hex ` is that character, `\x` is x. */
function readCssString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  return literal.slice(1, -1).replace(/\\([0-9a-f]{1,6}) ?|\\(.)/gi, (_, hex: string | undefined, char: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : char!));
}

describe('the sheet of a printed view (@page rule)', () => {
  it('keeps any text inside one CSS string: no raw quote, backslash, line break or angle bracket gets out', () => {
    const hostile = 'Verkosto "Pohjoinen"; } body { display: none } @page { x: "\\\n</style><script>';
    const literal = cssString(hostile);
    expect(literal.slice(1, -1)).not.toMatch(/["\n<>]|\\(?![0-9a-f]{1,6} )/i);
    expect(readCssString(literal)).toBe(hostile);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(readCssString(cssString(text))).toBe(text);
      }),
    );
  });

  it('splits a translated page label into words and page counters, in the translator’s order', () => {
    expect(pageLabelParts(`Sivu ${PAGE_MARKERS.page} / ${PAGE_MARKERS.pages}`)).toEqual([{ text: 'Sivu ' }, { counter: 'page' }, { text: ' / ' }, { counter: 'pages' }]);
    expect(pageLabelParts(`${PAGE_MARKERS.page}/${PAGE_MARKERS.pages}`)).toEqual([{ counter: 'page' }, { text: '/' }, { counter: 'pages' }]);
  });

  it('sets A4 (landscape for wide reports), the margins, the running head and the page number', () => {
    const pageLabel = pageLabelParts(`Page ${PAGE_MARKERS.page} of ${PAGE_MARKERS.pages}`);
    const portrait = pageRule({ head: 'Konsultaation suositus – OTK-2026-0001', pageLabel });
    expect(portrait).toMatch(/^@page \{\n {2}size: A4;\n {2}margin: [^;]+;\n/);
    expect(portrait).toContain('@top-left { content: "Konsultaation suositus – OTK-2026-0001";');
    expect(portrait).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(pageRule({ head: 'Toiminnan yhteenvedot', pageLabel, landscape: true })).toContain('size: A4 landscape;');
    // One rule: the braces balance and close at the end whatever the head says.
    const hostile = pageRule({ head: '} } @page { size: A3 }', pageLabel });
    const outside = hostile.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(outside.match(/\{/g)).toHaveLength(3);
    expect(outside.match(/\}/g)).toHaveLength(3);
    expect(outside.trimEnd().endsWith('}')).toBe(true);
  });
});
