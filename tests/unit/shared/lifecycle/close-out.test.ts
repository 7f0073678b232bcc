import { describe, expect, it } from 'vitest';
import { CLOSE_OUT_OUTCOMES, closeOutSchema, OTHERWISE_SOUGHT } from '../../../../shared/lifecycle/close-out';

function issuesOf(input: unknown) {
  const result = closeOutSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('closeOutSchema', () => {
  it('has the five outcomes and four answers of the close-out survey', () => {
    expect(CLOSE_OUT_OUTCOMES).toEqual(['guidance-sufficient', 'special-level-referral', 'network-joint-work', 'child-welfare-notification', 'further-consultation']);
    expect(OTHERWISE_SOUGHT).toEqual(['avoided', 'still-needed', 'newly-prompted', 'not-applicable']);
  });

  it('accepts every combination, with an optional trimmed note', () => {
    for (const outcome of CLOSE_OUT_OUTCOMES) {
      for (const wouldOtherwiseHaveSought of OTHERWISE_SOUGHT) {
        expect(closeOutSchema.parse({ outcome, wouldOtherwiseHaveSought })).toEqual({ outcome, wouldOtherwiseHaveSought, note: '' });
      }
    }
    expect(closeOutSchema.parse({ outcome: 'network-joint-work', wouldOtherwiseHaveSought: 'newly-prompted', note: '  Huom.  ' }).note).toBe('Huom.');
  });

  it('needs both answers, from the closed lists', () => {
    expect(issuesOf({})).toEqual([
      ['outcome', 'validation.choose'],
      ['wouldOtherwiseHaveSought', 'validation.choose'],
    ]);
    expect(issuesOf({ outcome: 'solved', wouldOtherwiseHaveSought: 'yes' })).toEqual([
      ['outcome', 'validation.choose'],
      ['wouldOtherwiseHaveSought', 'validation.choose'],
    ]);
    expect(issuesOf(null)).toEqual([['', 'validation.invalid']]);
  });

  it('bounds the note', () => {
    expect(issuesOf({ outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided', note: 'x'.repeat(1001) })).toEqual([['note', 'validation.tooLong']]);
  });
});
