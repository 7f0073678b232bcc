import { describe, expect, it } from 'vitest';
import { intakeSchema, type IntakeInput } from '../../../../shared/domain/consultation';
import { validIntake } from '../../../fixtures/intake';

function issuesOf(input: unknown) {
  const result = intakeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('intake schema', () => {
  it('accepts a complete synthetic request and trims text', () => {
    const parsed = intakeSchema.parse({ ...validIntake(), question: '  Miten tukea koulunkäyntiä?  ' });
    expect(parsed.question).toBe('Miten tukea koulunkäyntiä?');
  });

  it('names every missing required field with an i18n key', () => {
    const empty = { requester: {}, subject: {}, question: '', urgency: undefined, consentMode: undefined };
    expect(issuesOf(empty)).toEqual(
      expect.arrayContaining([
        ['requester.name', 'validation.required'],
        ['requester.title', 'validation.required'],
        ['requester.organisation', 'validation.required'],
        ['requester.sector', 'validation.choose'],
        ['requester.region', 'validation.choose'],
        ['requester.contact', 'validation.required'],
        ['subject.ageBand', 'validation.choose'],
        ['subject.themes', 'validation.chooseAtLeastOne'],
        ['subject.serviceLevel', 'validation.choose'],
        ['question', 'validation.required'],
        ['urgency', 'validation.choose'],
        ['consentMode', 'validation.choose'],
      ]),
    );
  });

  it('treats whitespace as empty', () => {
    expect(issuesOf({ ...validIntake(), requester: { ...validIntake().requester, name: '   ' } })).toEqual([['requester.name', 'validation.required']]);
  });

  it('requires at least one theme, refuses unknown or repeated themes', () => {
    const withThemes = (themes: string[]) => ({ ...validIntake(), subject: { ...validIntake().subject, themes } }) as IntakeInput;
    expect(issuesOf(withThemes([]))).toEqual([['subject.themes', 'validation.chooseAtLeastOne']]);
    expect(issuesOf(withThemes(['astrology']))).toEqual([['subject.themes.0', 'validation.invalid']]);
    expect(issuesOf(withThemes(['nepsy', 'nepsy']))).toEqual([['subject.themes', 'validation.invalid']]);
  });

  it('refuses codes outside the reference data and over-long text', () => {
    expect(issuesOf({ ...validIntake(), requester: { ...validIntake().requester, region: 'atlantis' } })).toEqual([['requester.region', 'validation.choose']]);
    expect(issuesOf({ ...validIntake(), question: 'x'.repeat(5001) })).toEqual([['question', 'validation.tooLong']]);
  });
});
