import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { MAX_NEXT_STEPS, MAX_RECOMMENDATIONS, recommendationDraftSchema, recommendationSchema, recommendedMethods } from '../../../../shared/lifecycle/recommendation';

const valid = {
  language: 'fi',
  questionSummary: 'Miten tukea 12-vuotiaan koulunkäyntiä, kun poissaoloja on paljon?',
  recommendations: ['Porrastettu paluu kouluun.', 'Perheelle tukea perheneuvolasta.'],
  nextSteps: [{ step: 'Verkostopalaveri koululla', by: 'koulukuraattori' }],
  followUpDate: '2026-06-01',
};

function issuesOf(input: unknown, schema: z.ZodType = recommendationSchema) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('recommendationSchema', () => {
  it('accepts a complete recommendation in Finnish or Swedish, trimming text', () => {
    expect(recommendationSchema.parse({ ...valid, questionSummary: '  Kysymys  ' }).questionSummary).toBe('Kysymys');
    expect(issuesOf({ ...valid, language: 'sv' })).toEqual([]);
  });

  it('defaults the optional parts: no next steps, no follow-up date, no methods, not sent', () => {
    const parsed = recommendationSchema.parse({ language: 'sv', questionSummary: 'Fråga', recommendations: ['Råd'] });
    expect(parsed).toEqual({ language: 'sv', questionSummary: 'Fråga', recommendations: ['Råd'], nextSteps: [], followUpDate: '', methods: [] });
  });

  it('names methods per recommended item, each once, and never for an item that is not there (issue 21)', () => {
    const base = { language: 'fi', questionSummary: 'K', recommendations: ['A', 'B'] };
    expect(recommendationSchema.parse({ ...base, methods: [['voimaperheet'], ['mdft', 'local-0123456789']] }).methods).toEqual([['voimaperheet'], ['mdft', 'local-0123456789']]);
    expect(issuesOf({ ...base, methods: [[], [], ['mdft']] })).toEqual([['methods', 'validation.invalid']]);
    expect(issuesOf({ ...base, methods: [['mdft', 'mdft']] })).toEqual([['methods.0', 'validation.invalid']]);
    expect(issuesOf({ ...base, methods: [['Ei koodi']] })).toEqual([['methods.0.0', 'validation.invalid']]);
    expect(recommendedMethods({ methods: [['mdft'], ['voimaperheet', 'mdft']] })).toEqual(['mdft', 'voimaperheet']);
    expect(recommendedMethods(null)).toEqual([]);
  });

  it('takes a kind for each next step, optional (issue 21)', () => {
    const base = { language: 'fi', questionSummary: 'K', recommendations: ['A'] };
    expect(recommendationSchema.parse({ ...base, nextSteps: [{ step: 'S', by: 'B', kind: 'assessment' }] }).nextSteps[0]!.kind).toBe('assessment');
    expect(issuesOf({ ...base, nextSteps: [{ step: 'S', by: 'B', kind: 'magic' }] })).toEqual([['nextSteps.0.kind', 'validation.choose']]);
  });

  it('names every missing required field with an i18n key', () => {
    expect(issuesOf({})).toEqual([
      ['language', 'validation.choose'],
      ['questionSummary', 'validation.required'],
      ['recommendations', 'lifecycle.recommendationsRequired'],
    ]);
    expect(issuesOf(undefined)).toEqual([['', 'validation.invalid']]);
  });

  it('needs at least one recommendation, each not blank', () => {
    expect(issuesOf({ ...valid, recommendations: [] })).toEqual([['recommendations', 'lifecycle.recommendationsRequired']]);
    expect(issuesOf({ ...valid, recommendations: ['Hyvä', '  '] })).toEqual([['recommendations.1', 'validation.required']]);
    expect(issuesOf({ ...valid, recommendations: Array.from({ length: MAX_RECOMMENDATIONS + 1 }, () => 'x') })).toEqual([['recommendations', 'validation.tooLong']]);
  });

  it('accepts only fi or sv as the language', () => {
    for (const language of ['en', 'se', '', 'FI']) expect(issuesOf({ ...valid, language })).toEqual([['language', 'validation.choose']]);
  });

  it('needs each next step and who takes it', () => {
    expect(issuesOf({ ...valid, nextSteps: [{ step: '', by: ' ' }] })).toEqual([
      ['nextSteps.0.step', 'validation.required'],
      ['nextSteps.0.by', 'validation.required'],
    ]);
    expect(issuesOf({ ...valid, nextSteps: ['soita'] })).toEqual([['nextSteps.0', 'validation.invalid']]);
    expect(issuesOf({ ...valid, nextSteps: 'soita' })).toEqual([['nextSteps', 'validation.invalid']]);
    const many = Array.from({ length: MAX_NEXT_STEPS + 1 }, () => ({ step: 's', by: 'b' }));
    expect(issuesOf({ ...valid, nextSteps: many })).toEqual([['nextSteps', 'validation.tooLong']]);
  });

  it('checks the follow-up date is a real calendar date', () => {
    expect(issuesOf({ ...valid, followUpDate: '2026-02-29' })).toEqual([['followUpDate', 'validation.date']]);
    expect(issuesOf({ ...valid, followUpDate: '1.6.2026' })).toEqual([['followUpDate', 'validation.date']]);
    expect(issuesOf({ ...valid, followUpDate: '' })).toEqual([]);
  });

  it('bounds the length of text', () => {
    expect(issuesOf({ ...valid, questionSummary: 'x'.repeat(3001) })).toEqual([['questionSummary', 'validation.tooLong']]);
  });

  it('takes sentAt as an ISO instant only', () => {
    expect(recommendationSchema.parse({ ...valid, sentAt: '2026-03-16T08:00:00.000Z' }).sentAt).toBe('2026-03-16T08:00:00.000Z');
    expect(issuesOf({ ...valid, sentAt: '2026-03-16T10:00:00+02:00' })).toEqual([]);
    for (const sentAt of ['2026-03-16', '16.3.2026 klo 10', '2026-03-16T10:00:00', '']) {
      expect(issuesOf({ ...valid, sentAt })).toEqual([['sentAt', 'validation.invalid']]);
    }
  });

  it('the draft is the same without sentAt', () => {
    expect(issuesOf(valid, recommendationDraftSchema)).toEqual([]);
    expect(recommendationDraftSchema.parse({ ...valid, sentAt: 'not even an instant' })).not.toHaveProperty('sentAt');
    expect(Object.keys(recommendationDraftSchema.shape).sort()).toEqual(Object.keys(recommendationSchema.shape).filter((k) => k !== 'sentAt').sort());
  });
});
