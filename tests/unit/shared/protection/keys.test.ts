import { describe, expect, it } from 'vitest';
import {
  changePassphrase,
  createDataKey,
  createKeyEnvelope,
  deriveRecoveryWrappingKey,
  deriveWrappingKey,
  newSalt,
  openWithPassphrase,
  openWithRecoveryKey,
  replaceRecoveryKey,
  unwrapDataKey,
  wrapDataKey,
} from '../../../../shared/protection/keys';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  MAX_PBKDF2_ITERATIONS,
  keyEnvelopeSchema,
  parseKeyEnvelope,
  type KeyEnvelope,
} from '../../../../shared/protection/key-envelope';
import { createRecoveryKey } from '../../../../shared/protection/recovery-key';
import { fieldAad, openValue, sealValue } from '../../../../shared/protection/field-crypto';
import { fromBase64, toBase64 } from '../../../../shared/sync/bundle/bytes';
import { FAST_KDF, rejectionCode, thrownProtectionError } from './helpers';

const PASS = 'kolme sanaa riittää';
const AAD = fieldAad('0190a1b2-0000-7000-8000-000000000001', 'question');

/** A value sealed under `key` opens under `other`: they are the same data key. */
async function sameKey(key: CryptoKey, other: CryptoKey): Promise<boolean> {
  const sealed = await sealValue({ text: 'sama avain' }, key, AAD);
  return (await openValue<{ text: string }>(sealed, other, AAD)).text === 'sama avain';
}

describe('data key and wrapping keys', () => {
  it('a new data key is AES-256-GCM, extractable only so that it can be wrapped', async () => {
    const key = await createDataKey();
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect(key.extractable).toBe(true);
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
  });

  it('the passphrase wrapping key is PBKDF2 → AES-KW, not extractable, wrap/unwrap only', async () => {
    const key = await deriveWrappingKey(PASS, newSalt(), FAST_KDF.iterations, FAST_KDF);
    expect(key.algorithm).toMatchObject({ name: 'AES-KW', length: 256 });
    expect(key.extractable).toBe(false);
    expect([...key.usages].sort()).toEqual(['unwrapKey', 'wrapKey']);
  });

  it('wrap → unwrap gives back the same key, not extractable', async () => {
    const dataKey = await createDataKey();
    const salt = newSalt();
    const wrapped = await wrapDataKey(dataKey, await deriveWrappingKey(PASS, salt, 1000, FAST_KDF));
    expect(wrapped).toHaveLength(40);
    const unwrapped = await unwrapDataKey(wrapped, await deriveWrappingKey(PASS, salt, 1000, FAST_KDF));
    expect(unwrapped.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', unwrapped)).rejects.toThrow();
    expect(await sameKey(dataKey, unwrapped)).toBe(true);
  });

  it('a wrong passphrase is a typed error, not a DOMException', async () => {
    const dataKey = await createDataKey();
    const salt = newSalt();
    const wrapped = await wrapDataKey(dataKey, await deriveWrappingKey(PASS, salt, 1000, FAST_KDF));
    expect(await rejectionCode(unwrapDataKey(wrapped, await deriveWrappingKey('kolme sanaa riittaa', salt, 1000, FAST_KDF)))).toBe('wrong-passphrase');
    expect(await rejectionCode(unwrapDataKey(wrapped, await deriveWrappingKey(PASS, newSalt(), 1000, FAST_KDF)))).toBe('wrong-passphrase');
  });

  it('the passphrase is read in Unicode NFC: ä typed either way opens the key', async () => {
    const salt = newSalt();
    const dataKey = await createDataKey();
    const wrapped = await wrapDataKey(dataKey, await deriveWrappingKey('kolme sanaa riittää', salt, 1000, FAST_KDF));
    const decomposed = 'kolme sanaa riitta\u0308a\u0308';
    expect(await sameKey(dataKey, await unwrapDataKey(wrapped, await deriveWrappingKey(decomposed, salt, 1000, FAST_KDF)))).toBe(true);
  });

  it('refuses an empty passphrase, weak or absurd iteration counts and a bad salt', async () => {
    expect(await rejectionCode(deriveWrappingKey('', newSalt(), 1000, FAST_KDF))).toBe('wrong-passphrase');
    expect(await rejectionCode(deriveWrappingKey(PASS, newSalt(), 1000))).toBe('weak-kdf');
    expect(await rejectionCode(deriveWrappingKey(PASS, newSalt(), MAX_PBKDF2_ITERATIONS + 1))).toBe('invalid-envelope');
    expect(await rejectionCode(deriveWrappingKey(PASS, newSalt(), 1.5, { minIterations: 1 }))).toBe('invalid-envelope');
    expect(await rejectionCode(deriveWrappingKey(PASS, new Uint8Array(8), 1000, FAST_KDF))).toBe('invalid-envelope');
    expect(await rejectionCode(deriveWrappingKey(PASS, 'not base64!', 1000, FAST_KDF))).toBe('invalid-envelope');
  });

  it('the recovery wrapping key is HKDF → AES-KW and refuses a mistyped key before deriving', async () => {
    const key = await deriveRecoveryWrappingKey(createRecoveryKey(), newSalt());
    expect(key.algorithm).toMatchObject({ name: 'AES-KW' });
    expect(key.extractable).toBe(false);
    expect(await rejectionCode(deriveRecoveryWrappingKey('ABCDE-FGHJK', newSalt()))).toBe('recovery-key-typo');
  });
});

describe('key envelope', () => {
  it('set-up gives a JSON-safe envelope, a non-extractable data key and a recovery key shown once', async () => {
    const { envelope, dataKey, recoveryKey } = await createKeyEnvelope(PASS, FAST_KDF);
    expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
    expect(keyEnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(envelope).toMatchObject({ v: 1, dataKey: 'AES-256-GCM', passphrase: { kdf: 'PBKDF2-SHA-256', iterations: 1000, wrap: 'AES-KW' }, recovery: { kdf: 'HKDF-SHA-256', wrap: 'AES-KW' } });
    expect(fromBase64(envelope.passphrase.salt)).toHaveLength(16);
    expect(envelope.passphrase.salt).not.toBe(envelope.recovery?.salt);
    expect(dataKey.extractable).toBe(false);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    // Nothing secret in the envelope: neither the passphrase nor the recovery key.
    const json = JSON.stringify(envelope);
    expect(json).not.toContain('kolme');
    expect(json).not.toContain(recoveryKey!.replaceAll('-', '').slice(0, 8));
  });

  it('the production default is 600 000 PBKDF2 iterations', async () => {
    expect(DEFAULT_PBKDF2_ITERATIONS).toBe(600_000);
    const { envelope } = await createKeyEnvelope(PASS, { withRecoveryKey: false });
    expect(envelope.passphrase.iterations).toBe(600_000);
    expect(envelope.recovery).toBeNull();
    // Opening a test-strength envelope without lowering the floor is refused.
    const weak = await createKeyEnvelope(PASS, { ...FAST_KDF, withRecoveryKey: false });
    expect(await rejectionCode(openWithPassphrase(weak.envelope, PASS))).toBe('weak-kdf');
  });

  it('the passphrase opens it; a wrong passphrase is refused with a typed error', async () => {
    const { envelope, dataKey } = await createKeyEnvelope(PASS, FAST_KDF);
    const opened = await openWithPassphrase(envelope, PASS, FAST_KDF);
    expect(opened.extractable).toBe(false);
    expect(await sameKey(dataKey, opened)).toBe(true);
    expect(await rejectionCode(openWithPassphrase(envelope, 'väärä salalause', FAST_KDF))).toBe('wrong-passphrase');
    expect(await rejectionCode(openWithPassphrase(envelope, '', FAST_KDF))).toBe('wrong-passphrase');
  });

  it('the recovery key opens it; a mistyped or another recovery key is refused distinctly', async () => {
    const { envelope, dataKey, recoveryKey } = await createKeyEnvelope(PASS, FAST_KDF);
    expect(await sameKey(dataKey, await openWithRecoveryKey(envelope, recoveryKey!.toLowerCase()))).toBe(true);
    expect(await rejectionCode(openWithRecoveryKey(envelope, createRecoveryKey()))).toBe('wrong-recovery-key');
    const typo = `${recoveryKey!.startsWith('A') ? 'B' : 'A'}${recoveryKey!.slice(1)}`;
    expect(await rejectionCode(openWithRecoveryKey(envelope, typo))).toBe('recovery-key-typo');
    const without = await createKeyEnvelope(PASS, { ...FAST_KDF, withRecoveryKey: false });
    expect(without.recoveryKey).toBeNull();
    expect(await rejectionCode(openWithRecoveryKey(without.envelope, recoveryKey!))).toBe('no-recovery-key');
  });

  it('changed key material does not open (AES-KW integrity), changed structure is refused as invalid', async () => {
    const { envelope } = await createKeyEnvelope(PASS, FAST_KDF);
    const wrapped = fromBase64(envelope.passphrase.wrappedKey);
    wrapped[7] = wrapped[7]! ^ 1;
    const flipped: KeyEnvelope = { ...envelope, passphrase: { ...envelope.passphrase, wrappedKey: toBase64(wrapped) } };
    expect(await rejectionCode(openWithPassphrase(flipped, PASS, FAST_KDF))).toBe('wrong-passphrase');
    const otherSalt: KeyEnvelope = { ...envelope, passphrase: { ...envelope.passphrase, salt: toBase64(newSalt()) } };
    expect(await rejectionCode(openWithPassphrase(otherSalt, PASS, FAST_KDF))).toBe('wrong-passphrase');
    for (const broken of [
      { ...envelope, v: 2 },
      { ...envelope, passphrase: { ...envelope.passphrase, kdf: 'scrypt' } },
      { ...envelope, passphrase: { ...envelope.passphrase, wrappedKey: envelope.passphrase.wrappedKey.slice(4) } },
      { ...envelope, passphrase: { ...envelope.passphrase, iterations: MAX_PBKDF2_ITERATIONS + 1 } },
      { ...envelope, extra: 'x' },
      null,
    ]) {
      expect(await rejectionCode(openWithPassphrase(broken as KeyEnvelope, PASS, FAST_KDF))).toBe('invalid-envelope');
    }
    expect(thrownProtectionError(() => parseKeyEnvelope({})).code).toBe('invalid-envelope');
  });

  it('changing the passphrase re-wraps the same data key; the old passphrase stops working', async () => {
    const { envelope, dataKey, recoveryKey } = await createKeyEnvelope(PASS, FAST_KDF);
    const sealed = await sealValue('ennen vaihtoa', dataKey, AAD);
    const changed = await changePassphrase(envelope, { passphrase: PASS }, 'uusi pitkä salalause', FAST_KDF);
    expect(changed.recovery).toEqual(envelope.recovery);
    expect(await rejectionCode(openWithPassphrase(changed, PASS, FAST_KDF))).toBe('wrong-passphrase');
    expect(await openValue(sealed, await openWithPassphrase(changed, 'uusi pitkä salalause', FAST_KDF), AAD)).toBe('ennen vaihtoa');
    // Forgotten passphrase: the recovery key sets a new one.
    const recovered = await changePassphrase(changed, { recoveryKey: recoveryKey! }, 'kolmas salalause tähän', FAST_KDF);
    expect(await openValue(sealed, await openWithPassphrase(recovered, 'kolmas salalause tähän', FAST_KDF), AAD)).toBe('ennen vaihtoa');
    expect(await rejectionCode(changePassphrase(envelope, { passphrase: 'väärä salalause' }, 'mikä tahansa', FAST_KDF))).toBe('wrong-passphrase');
  });

  it('replacing the recovery key retires the old one', async () => {
    const { envelope, dataKey, recoveryKey } = await createKeyEnvelope(PASS, FAST_KDF);
    const replaced = await replaceRecoveryKey(envelope, { passphrase: PASS }, FAST_KDF);
    expect(replaced.recoveryKey).not.toBe(recoveryKey);
    expect(replaced.envelope.passphrase).toEqual(envelope.passphrase);
    expect(await rejectionCode(openWithRecoveryKey(replaced.envelope, recoveryKey!))).toBe('wrong-recovery-key');
    expect(await sameKey(dataKey, await openWithRecoveryKey(replaced.envelope, replaced.recoveryKey))).toBe(true);
  });
});
