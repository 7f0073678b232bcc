import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recommendationChanges, sameRecommendation, type ComparableRecommendation } from '../../../../shared/desk/recommendation-diff';

/** Synthetic recommendations (no real case). */
const current: ComparableRecommendation = {
  language: 'fi',
  questionSummary: 'Miten tukea nuoren koulunkäyntiä?',
  recommendations: ['Koulun ja perheen palaveri.', 'Porrastettu paluu kouluun.'],
  nextSteps: [{ step: 'Kutsu palaveri koolle', by: 'koulukuraattori' }],
  followUpDate: '2026-06-01',
};

describe('recommendationChanges', () => {
  it('finds nothing when the draft says the same, white space aside', () => {
    expect(recommendationChanges(current, { ...current, questionSummary: '  Miten tukea nuoren koulunkäyntiä?\n' })).toEqual([]);
    expect(sameRecommendation(current, structuredClone(current))).toBe(true);
  });

  it('lists every part of a draft as added when the case has no recommendation yet', () => {
    const changes = recommendationChanges(null, current);
    expect(changes.map((c) => [c.field, c.kind])).toEqual([
      ['language', 'added'],
      ['questionSummary', 'added'],
      ['recommendation', 'added'],
      ['recommendation', 'added'],
      ['nextStep', 'added'],
      ['followUpDate', 'added'],
    ]);
    expect(changes[2]).toEqual({ field: 'recommendation', kind: 'added', beforeIndex: null, afterIndex: 0, before: null, after: 'Koulun ja perheen palaveri.' });
    expect(changes[4]).toEqual({ field: 'nextStep', kind: 'added', beforeIndex: null, afterIndex: 0, before: null, after: { step: 'Kutsu palaveri koolle', by: 'koulukuraattori' } });
  });

  it('names changed, added and removed single fields with their before and after', () => {
    expect(recommendationChanges(current, { ...current, language: 'sv', followUpDate: '' })).toEqual([
      { field: 'language', kind: 'changed', before: 'fi', after: 'sv' },
      { field: 'followUpDate', kind: 'removed', before: '2026-06-01', after: null },
    ]);
    expect(recommendationChanges({ ...current, followUpDate: '' }, current)).toEqual([{ field: 'followUpDate', kind: 'added', before: null, after: '2026-06-01' }]);
  });

  it('shows a recommendation inserted at the top as one addition, not every row changed', () => {
    const draft = { ...current, recommendations: ['Uusi ensimmäinen suositus.', ...current.recommendations!] };
    expect(recommendationChanges(current, draft)).toEqual([{ field: 'recommendation', kind: 'added', beforeIndex: null, afterIndex: 0, before: null, after: 'Uusi ensimmäinen suositus.' }]);
  });

  it('pairs a reworded item as a change and reports removals with their old position', () => {
    const draft = { ...current, recommendations: ['Koulun ja perheen palaveri kuukauden sisällä.'] };
    expect(recommendationChanges(current, draft)).toEqual([
      { field: 'recommendation', kind: 'changed', beforeIndex: 0, afterIndex: 0, before: 'Koulun ja perheen palaveri.', after: 'Koulun ja perheen palaveri kuukauden sisällä.' },
      { field: 'recommendation', kind: 'removed', beforeIndex: 1, afterIndex: null, before: 'Porrastettu paluu kouluun.', after: null },
    ]);
  });

  it('compares next steps by both the step and who takes it', () => {
    const draft = { ...current, nextSteps: [{ step: 'Kutsu palaveri koolle', by: 'rehtori' }, { step: 'Seurantapalaveri', by: 'perheneuvola' }] };
    expect(recommendationChanges(current, draft)).toEqual([
      { field: 'nextStep', kind: 'changed', beforeIndex: 0, afterIndex: 0, before: { step: 'Kutsu palaveri koolle', by: 'koulukuraattori' }, after: { step: 'Kutsu palaveri koolle', by: 'rehtori' } },
      { field: 'nextStep', kind: 'added', beforeIndex: null, afterIndex: 1, before: null, after: { step: 'Seurantapalaveri', by: 'perheneuvola' } },
    ]);
  });

  it('ignores empty rows of an incomplete draft', () => {
    expect(recommendationChanges(current, { ...current, recommendations: [...current.recommendations!, '  '], nextSteps: [...current.nextSteps!, { step: '', by: '' }] })).toEqual([]);
  });

  it('accounts for every item of both lists exactly once (property)', () => {
    const list = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 8 });
    fc.assert(
      fc.property(list, list, (before, after) => {
        const changes = recommendationChanges({ recommendations: before }, { recommendations: after }).filter((c) => c.field === 'recommendation');
        const touchedBefore = changes.flatMap((c) => ('beforeIndex' in c && c.beforeIndex !== null ? [c.beforeIndex] : []));
        const touchedAfter = changes.flatMap((c) => ('afterIndex' in c && c.afterIndex !== null ? [c.afterIndex] : []));
        // Untouched items are the common subsequence: equal in number and in order on both sides.
        const keptBefore = before.filter((_, i) => !touchedBefore.includes(i));
        const keptAfter = after.filter((_, j) => !touchedAfter.includes(j));
        expect(keptBefore).toEqual(keptAfter);
        expect(new Set(touchedBefore).size).toBe(touchedBefore.length);
        expect(new Set(touchedAfter).size).toBe(touchedAfter.length);
        expect(changes.length === 0).toBe(JSON.stringify(before) === JSON.stringify(after));
      }),
    );
  });

  it('shows a change in the methods named as one row, codes in order of first mention (issue 21)', () => {
    const base = { recommendations: ['A', 'B'], methods: [['voimaperheet'], []] };
    expect(recommendationChanges(base, { ...base, methods: [['voimaperheet'], []] })).toEqual([]);
    expect(recommendationChanges(base, { ...base, methods: [['voimaperheet'], ['mdft', 'voimaperheet']] })).toEqual([{ field: 'methods', kind: 'changed', before: 'voimaperheet', after: 'voimaperheet mdft' }]);
    expect(recommendationChanges({ recommendations: ['A'] }, { recommendations: ['A'], methods: [['mdft']] })).toEqual([{ field: 'methods', kind: 'added', before: null, after: 'mdft' }]);
  });
});
