import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  RECOVERY_KEY_BYTES,
  createRecoveryKey,
  formatRecoveryKey,
  isWellFormedRecoveryKey,
  parseRecoveryKey,
} from '../../../../shared/protection/recovery-key';
import { thrownProtectionError } from './helpers';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SHAPE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){7}$/;
const keyBytes = fc.uint8Array({ minLength: RECOVERY_KEY_BYTES, maxLength: RECOVERY_KEY_BYTES });

describe('recovery key', () => {
  it('is 8 groups of 5 Crockford base32 characters, fresh each time', () => {
    const a = createRecoveryKey();
    const b = createRecoveryKey();
    expect(a).toMatch(SHAPE);
    expect(a).not.toBe(b);
    expect(parseRecoveryKey(a)).toHaveLength(RECOVERY_KEY_BYTES);
  });

  it('property: the written form reads back to the same 160 bits', () => {
    fc.assert(
      fc.property(keyBytes, (bytes) => {
        const text = formatRecoveryKey(bytes);
        expect(text).toMatch(SHAPE);
        expect(parseRecoveryKey(text)).toEqual(bytes);
      }),
    );
  });

  it('reads forgivingly: case, spaces, dashes, O for 0, I and L for 1', () => {
    const bytes = new Uint8Array(RECOVERY_KEY_BYTES).map((_, i) => (i * 37 + 11) & 0xff);
    const text = formatRecoveryKey(bytes);
    const sloppy = ` ${text.toLowerCase().replaceAll('-', '  ').replaceAll('0', 'o').replaceAll('1', 'l')} `;
    expect(parseRecoveryKey(sloppy)).toEqual(bytes);
    expect(parseRecoveryKey(text.replaceAll('-', '').replaceAll('1', 'I'))).toEqual(bytes);
    expect(parseRecoveryKey(text.replaceAll('-', '\u2013'))).toEqual(bytes);
  });

  it('property: any one mistyped character is caught and its group named', () => {
    fc.assert(
      fc.property(keyBytes, fc.nat({ max: 39 }), fc.nat({ max: 30 }), (bytes, position, shift) => {
        const compact = formatRecoveryKey(bytes).replaceAll('-', '');
        const original = ALPHABET.indexOf(compact[position]!);
        const replacement = ALPHABET[(original + 1 + shift) % 32]!;
        const typo = compact.slice(0, position) + replacement + compact.slice(position + 1);
        const error = thrownProtectionError(() => parseRecoveryKey(typo));
        expect(error.code).toBe('recovery-key-typo');
        expect(error.params.group).toBe(Math.floor(position / 5) + 1);
        expect(error.messageKey).toBe('protection.error.recovery-key-typo');
        expect(error.encodedMessage).toBe(`protection.error.recovery-key-typo?group=${Math.floor(position / 5) + 1}`);
      }),
    );
  });

  it('property: two groups typed in each other\'s place are caught', () => {
    fc.assert(
      fc.property(keyBytes, fc.nat({ max: 7 }), fc.nat({ max: 7 }), (bytes, i, j) => {
        const groups = formatRecoveryKey(bytes).split('-');
        fc.pre(i !== j && groups[i] !== groups[j]);
        [groups[i], groups[j]] = [groups[j]!, groups[i]!];
        expect(thrownProtectionError(() => parseRecoveryKey(groups.join('-'))).code).toBe('recovery-key-typo');
      }),
    );
  });

  it('catches nearly all swaps of neighbouring characters (Luhn mod 32)', () => {
    let caught = 0;
    let tried = 0;
    fc.assert(
      fc.property(keyBytes, fc.nat({ max: 7 }), fc.nat({ max: 3 }), (bytes, group, at) => {
        const compact = formatRecoveryKey(bytes).replaceAll('-', '');
        const p = group * 5 + at;
        fc.pre(compact[p] !== compact[p + 1]);
        tried++;
        const swapped = compact.slice(0, p) + compact[p + 1] + compact[p] + compact.slice(p + 2);
        if (!isWellFormedRecoveryKey(swapped)) caught++;
      }),
      { numRuns: 2000 },
    );
    expect(caught / tried).toBeGreaterThan(0.95);
  });

  it('names the group of the wrong length when typed in groups, and refuses letters not in the alphabet', () => {
    const groups = createRecoveryKey().split('-');
    groups[2] = groups[2]!.slice(0, 4);
    expect(thrownProtectionError(() => parseRecoveryKey(groups.join('-'))).params).toEqual({ group: 3 });
    expect(thrownProtectionError(() => parseRecoveryKey(groups.join(''))).params).toEqual({});
    expect(thrownProtectionError(() => parseRecoveryKey('')).code).toBe('recovery-key-typo');
    const withU = createRecoveryKey().split('-');
    withU[5] = `U${withU[5]!.slice(1)}`;
    expect(thrownProtectionError(() => parseRecoveryKey(withU.join('-'))).params).toEqual({ group: 6 });
  });

  it('formats only 20-byte keys', () => {
    expect(() => formatRecoveryKey(new Uint8Array(19))).toThrow(RangeError);
  });
});
