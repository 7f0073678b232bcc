import { describe, expect, it } from 'vitest';
import { EMPTY_EXPORT_FORM, exportFormSchema, recipientOf, type ExportForm } from '../../../../../renderer/src/features/exchange/export-form';
import { PASSPHRASE_MSG } from '../../../../../shared/sync/passphrase';
import { MSG } from '../../../../../shared/domain/validation';

/** The export form's refusals, one a field, with the messages the panel showed before it used react-hook-form. */
function refusals(form: Partial<ExportForm>): Record<string, string> {
  const result = exportFormSchema.safeParse({ ...EMPTY_EXPORT_FORM, ...form });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const GOOD = { installationId: 'abc', passphrase: 'kolme pitkää sanaa', confirm: 'kolme pitkää sanaa' };

describe('export form', () => {
  it('accepts an installation with a passphrase that meets the rule', () => {
    expect(refusals(GOOD)).toEqual({});
  });

  it('names each missing choice on its own field', () => {
    expect(refusals({})).toEqual({ installationId: MSG.required, passphrase: PASSPHRASE_MSG.tooShort });
    expect(refusals({ ...GOOD, scope: 'network' })).toEqual({ networkId: MSG.choose });
    expect(refusals({ ...GOOD, scope: 'requester' })).toEqual({ requesterKey: MSG.choose });
    expect(refusals({ ...GOOD, recipientKind: 'named', installationId: '' })).toEqual({ recipientName: MSG.required });
    expect(refusals({ ...GOOD, installationId: '   ' })).toEqual({ installationId: MSG.required });
  });

  it('refuses a short passphrase and a confirmation that differs', () => {
    expect(refusals({ ...GOOD, passphrase: 'lyhyt', confirm: 'lyhyt' })).toEqual({ passphrase: PASSPHRASE_MSG.tooShort });
    expect(refusals({ ...GOOD, confirm: 'toinen pitkä lause' })).toEqual({ confirm: PASSPHRASE_MSG.mismatch });
  });

  it('names the recipient from the form, trimmed', () => {
    expect(recipientOf({ recipientKind: 'installation', installationId: ' abc ', recipientName: ' B ' })).toEqual({ kind: 'installation', installationId: 'abc', name: 'B' });
    expect(recipientOf({ recipientKind: 'installation', installationId: 'abc', recipientName: '' })).toEqual({ kind: 'installation', installationId: 'abc' });
    expect(recipientOf({ recipientKind: 'named', installationId: 'abc', recipientName: '  ' })).toBeNull();
  });
});
