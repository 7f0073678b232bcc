import { describe, expect, it } from 'vitest';
import { bundlePassphraseSchema, PASSPHRASE_MSG } from '../../../../shared/sync/passphrase';

describe('bundle passphrase', () => {
  it('takes a long passphrase typed twice the same', () => {
    expect(bundlePassphraseSchema.safeParse({ passphrase: 'kolme sanaa riittää', confirm: 'kolme sanaa riittää' }).success).toBe(true);
  });

  it('refuses a short one and a mismatch, naming the field', () => {
    const short = bundlePassphraseSchema.safeParse({ passphrase: 'lyhyt', confirm: 'lyhyt' });
    expect(short.success ? [] : short.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['passphrase', PASSPHRASE_MSG.tooShort]]);
    const mismatch = bundlePassphraseSchema.safeParse({ passphrase: 'kolme sanaa riittää', confirm: 'kolme sanaa riittaa' });
    expect(mismatch.success ? [] : mismatch.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['confirm', PASSPHRASE_MSG.mismatch]]);
  });
});
