import { describe, expect, it } from 'vitest';
import { findShippedMethod, kasvunTukiSchema, methodSchema, METHOD_TABLE, SHIPPED_METHODS, type MethodInput } from '../../../../shared/reference/methods';
import { isMethodActiveOn, localMethodCode, localMethodSchema, methodCatalogue } from '../../../../shared/knowledge/methods';

const valid: MethodInput = {
  code: 'synteettinen-menetelma',
  name: { fi: 'Synteettinen menetelmä', sv: 'Syntetisk metod', en: 'Synthetic method' },
  description: { fi: 'Yhden rivin kuvaus.', sv: 'En rad.', en: 'One line.' },
  ages: { from: 3, to: 12 },
  themes: ['conduct'],
};
const issues = (input: unknown) => {
  const parsed = methodSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('the methods catalogue (shipped reference data)', () => {
  it('ships the four LAPE methods, each with names and one-line descriptions in fi, sv and en', () => {
    const lape = SHIPPED_METHODS.filter((m) => m.lape).map((m) => m.code);
    expect(lape.toSorted()).toEqual(['ihmeelliset-vuodet', 'lapset-puheeksi', 'mdft', 'voimaperheet']);
    expect(METHOD_TABLE.version).toBeGreaterThanOrEqual(1);
    expect(new Set(SHIPPED_METHODS.map((m) => m.code)).size).toBe(SHIPPED_METHODS.length);
    for (const m of SHIPPED_METHODS) {
      for (const text of [...Object.values(m.name), ...Object.values(m.description)]) expect(text).toMatch(/^[^\r\n]+$/);
      expect(m.ages.from).toBeLessThanOrEqual(m.ages.to);
    }
  });

  it('states a Kasvun tuki rating only with the Kasvun tuki or Itla page it comes from, and no date the page does not give', () => {
    const rated = SHIPPED_METHODS.filter((m) => m.kasvunTuki !== null);
    expect(rated.length).toBeGreaterThan(0);
    for (const m of rated) expect(new URL(m.kasvunTuki!.source).hostname).toMatch(/^(www\.)?(kasvuntuki\.fi|itla\.fi)$/);
    expect(findShippedMethod('voimaperheet')!.kasvunTuki).toMatchObject({ rating: '5/5', score: 5, scale: 5 });
    // Lapset puheeksi: no assessment could be cited, so none is stated.
    expect(findShippedMethod('lapset-puheeksi')!.kasvunTuki).toBeNull();
    // None of the cited pages gives the assessment's date: none is filled in.
    expect(rated.filter((m) => m.kasvunTuki!.assessedOn !== null)).toEqual([]);
  });

  it('refuses a rating without its source, a source that is not an address, and a score without its scale', () => {
    expect(kasvunTukiSchema.safeParse({ rating: '5/5', score: 5, scale: 5, assessedOn: null, source: '' }).success).toBe(false);
    expect(kasvunTukiSchema.safeParse({ rating: '5/5', score: 5, scale: 5, source: 'Kasvun tuki' }).success).toBe(false);
    expect(kasvunTukiSchema.safeParse({ rating: '5/5', score: 5, scale: null, source: 'https://kasvuntuki.fi/x' }).success).toBe(false);
    expect(kasvunTukiSchema.safeParse({ rating: '4/3', score: 4, scale: 3, source: 'https://kasvuntuki.fi/x' }).success).toBe(false);
    expect(kasvunTukiSchema.safeParse({ rating: 'Vahva näyttö', source: 'https://kasvuntuki.fi/x' }).success).toBe(true);
  });

  it('names what is wrong in a method field by field', () => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ ...valid, code: 'Iso Koodi' })).toEqual(['code:validation.methodCode']);
    expect(issues({ ...valid, description: { ...valid.description, fi: 'kaksi\nriviä' } })).toEqual(['description.fi:validation.oneLine']);
    expect(issues({ ...valid, ages: { from: 12, to: 3 } })).toEqual(['ages.to:validation.ageOrder']);
    expect(issues({ ...valid, themes: [] })).toEqual(['themes:validation.chooseAtLeastOne']);
    expect(issues({ ...valid, themes: ['atlantis'] })).toEqual(['themes.0:validation.invalid']);
    expect(issues({ ...valid, name: { fi: '', sv: 'x', en: 'x' } })).toEqual(['name.fi:validation.required']);
  });
});

describe('local methods', () => {
  const local = { ...valid, id: 'local-0123456789', code: 'local-0123456789', activeTo: null };

  it('are keyed by a local- code, never a shipped one', () => {
    expect(localMethodSchema.safeParse(local).success).toBe(true);
    expect(localMethodSchema.safeParse({ ...local, id: 'voimaperheet', code: 'voimaperheet' }).success).toBe(false);
    expect(localMethodSchema.safeParse({ ...local, id: 'local-x1' }).success).toBe(false);
    expect(localMethodCode('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe('local-1d2e3f4a5b');
  });

  it('join the catalogue after the shipped ones and leave it as inactive once deactivated', () => {
    const parsed = localMethodSchema.parse({ ...local, activeTo: '2026-05-31' });
    const catalogue = methodCatalogue([parsed], '2026-06-01');
    expect(catalogue.slice(0, SHIPPED_METHODS.length).map((m) => m.code)).toEqual(SHIPPED_METHODS.map((m) => m.code));
    expect(catalogue.at(-1)).toMatchObject({ code: 'local-0123456789', origin: 'local', active: false });
    expect(isMethodActiveOn(parsed, '2026-05-31')).toBe(true);
  });
});
