import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardRequest, scanText } from '../../../../shared/privacy/identifier-guard';

const today = fc.date({ min: new Date(1990, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true });
/** Characters that exercise every detector: digits, separators, letters, @, dots, cues. */
const denseUnit = fc.constantFrom(...'0123456789', ...'0123456789', ' ', '-', '+', '.', ',', '(', ')', '@', ':', 'a', 'A', 'Y', 'T', 'ä', 's', 'katu', 'tie', 'gatan', '(at)', '358', '\u00a0', '\n', '😀');
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: denseUnit, maxLength: 120 }),
);

describe('identifier guard properties', () => {
  it('(c) scanText never throws, and its findings are in bounds, ordered, disjoint and masked', () => {
    fc.assert(
      fc.property(anyText, today, (text, now) => {
        const findings = scanText(text, now);
        let previousEnd = 0;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.excerpt).not.toMatch(/[\p{L}\p{N}]/u);
          previousEnd = f.end;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('guardRequest never throws, and blocks only a henkilötunnus in an anonymous request', () => {
    const mode = fc.constantFrom('anonymous' as const, 'consented' as const, 'statutory' as const);
    fc.assert(
      fc.property(mode, fc.array(anyText, { maxLength: 4 }), today, (consentMode, texts, now) => {
        const fields = texts.map((text, i) => ({ path: `f${i}`, text }));
        const { blocking, warnings } = guardRequest({ consentMode, fields }, now);
        for (const issue of blocking) expect([issue.kind, consentMode]).toEqual(['henkilotunnus', 'anonymous']);
        if (consentMode !== 'anonymous') for (const issue of warnings) expect(issue.kind).toBe('henkilotunnus');
        const found = fields.flatMap(({ text }) => scanText(text, now)).filter((f) => consentMode === 'anonymous' || f.kind === 'henkilotunnus');
        expect(blocking.length + warnings.length).toBe(found.length);
      }),
      { numRuns: 300 },
    );
  });
});
