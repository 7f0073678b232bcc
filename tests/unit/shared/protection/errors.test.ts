import { describe, expect, it } from 'vitest';
import { PROTECTION_ERROR_CODES, ProtectionError, isProtectionError } from '../../../../shared/protection/errors';
import * as protection from '../../../../shared/protection';

describe('ProtectionError', () => {
  it('carries a code, its i18n key and parameters', () => {
    const error = new ProtectionError('recovery-key-typo', 'group 3', { group: 3 }, { cause: 'x' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ProtectionError');
    expect(error.messageKey).toBe('protection.error.recovery-key-typo');
    expect(error.encodedMessage).toBe('protection.error.recovery-key-typo?group=3');
    expect(error.cause).toBe('x');
    expect(new ProtectionError('tampered').encodedMessage).toBe('protection.error.tampered');
  });

  it('is recognised by code', () => {
    expect(isProtectionError(new ProtectionError('tampered'), 'tampered')).toBe(true);
    expect(isProtectionError(new ProtectionError('tampered'), 'wrong-passphrase')).toBe(false);
    expect(isProtectionError(new Error('tampered'))).toBe(false);
    expect(new Set(PROTECTION_ERROR_CODES).size).toBe(PROTECTION_ERROR_CODES.length);
  });

  it('the barrel exports the whole core', () => {
    for (const name of ['passphraseStrength', 'createKeyEnvelope', 'sealRecordFields', 'verifyChains', 'dueForPurge', 'canWrite', 'parseRecoveryKey', 'ProfileSchema']) {
      expect(typeof (protection as Record<string, unknown>)[name], name).not.toBe('undefined');
    }
  });
});
