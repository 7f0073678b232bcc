import { buffer, fromBase64, toBase64 } from '../sync/bundle/bytes';
import { deriveRecoveryWrappingKey, deriveWrappingKey, unwrapDataKey } from '../protection/keys';
import { isProtectionError } from '../protection/errors';
import { parseRecoveryKey } from '../protection/recovery-key';
import type { KeyEnvelope } from '../protection/key-envelope';
import { MIN_PBKDF2_ITERATIONS } from '../protection/key-envelope';
import { BackupError } from './errors';
import { BACKUP_KEY_CONTEXT } from './format';
import type { KeySlot } from './header';

/**
 * The key hierarchy of a backup:
 *
 *   recovery key / coordinator passphrase ─(the profile's envelope, copied into the header)→
 *     installation data key ─AES-GCM→ the backup's random data key ─AES-GCM→ header tag, chunks
 *
 * The rows inside stay sealed under the installation data key as IndexedDB stores them, so a
 * restore writes them verbatim and the restored profiles open them with their old passphrases.
 * Writing needs only the unlocked (non-extractable) installation key: nobody types anything.
 */

const subtle = () => globalThis.crypto.subtle;
const CONTEXT = new TextEncoder().encode(BACKUP_KEY_CONTEXT);

/** A profile as far as a backup's key slots need it. */
export interface SlotSource {
  id: string;
  role: string;
  envelope: KeyEnvelope;
}

/**
 * Who may open a backup: every coordinator's passphrase, and the recovery key of every profile
 * that has one. An installation without a coordinator (a requester's or an expert's desk) is
 * opened by its recovery key only.
 */
export function keySlotsOf(profiles: readonly SlotSource[]): KeySlot[] {
  const slots: KeySlot[] = [];
  for (const profile of profiles) {
    if (profile.role === 'coordinator') slots.push({ kind: 'passphrase', profileId: profile.id, ...profile.envelope.passphrase });
    if (profile.envelope.recovery) slots.push({ kind: 'recovery', profileId: profile.id, ...profile.envelope.recovery });
  }
  return slots;
}

/** A fresh random data key for one backup (extractable only to be wrapped). */
export function newBackupKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** The backup key, AES-256-GCM under the installation key (random IV, fixed associated data): 48 bytes. */
export async function wrapBackupKey(backupKey: CryptoKey, installationKey: CryptoKey): Promise<{ iv: string; wrapped: string }> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const raw = new Uint8Array(await subtle().exportKey('raw', backupKey));
  try {
    const wrapped = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: buffer(CONTEXT) }, installationKey, raw));
    return { iv: toBase64(iv), wrapped: toBase64(wrapped) };
  } finally {
    raw.fill(0);
  }
}

/** The backup key (decrypt only); BackupError('wrong-key') when the installation key is not the one. */
export async function unwrapBackupKey(installationKey: CryptoKey, iv: string, wrapped: string): Promise<CryptoKey> {
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: buffer(fromBase64(iv)), additionalData: buffer(CONTEXT) }, installationKey, buffer(fromBase64(wrapped))));
  } catch (cause) {
    throw new BackupError('wrong-key', 'the installation key does not open the backup key', {}, { cause });
  }
  try {
    return await subtle().importKey('raw', buffer(raw), { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  } finally {
    raw.fill(0);
  }
}

/** Typed in the recovery key's shape (8 groups of 5, or 40 characters): then a typo is named, not tried as a passphrase. */
export function looksLikeRecoveryKey(secret: string): boolean {
  const trimmed = secret.normalize('NFKC').trim();
  return /^[0-9A-Za-z]{5}([\s\-‐-―]+[0-9A-Za-z]{5}){7}$/u.test(trimmed) || /^[0-9A-Za-z]{40}$/.test(trimmed);
}

export interface OpenedKey {
  /** The installation's data key (not extractable). */
  key: CryptoKey;
  method: 'recovery-key' | 'passphrase';
  profileId: string;
}

/**
 * The installation key from what the person typed: a recovery key (tried on every recovery slot)
 * or a passphrase (tried on every coordinator's slot, one PBKDF2 each). A recovery key with a typo
 * is named (`recovery-key-typo`, params.group); nothing that opens a slot is `wrong-key`.
 */
export async function openInstallationKey(slots: readonly KeySlot[], secret: string, options: { minIterations?: number } = {}): Promise<OpenedKey> {
  if (secret.trim() === '') throw new BackupError('wrong-key', 'nothing was typed');
  if (looksLikeRecoveryKey(secret)) {
    try {
      parseRecoveryKey(secret);
    } catch (error) {
      const group = isProtectionError(error, 'recovery-key-typo') ? error.params.group : undefined;
      throw new BackupError('recovery-key-typo', 'the recovery key has a typo', group === undefined ? {} : { group }, { cause: error });
    }
    for (const slot of slots) {
      if (slot.kind !== 'recovery') continue;
      const wrapping = await deriveRecoveryWrappingKey(secret, slot.salt);
      const key = await unwrapDataKey(slot.wrappedKey, wrapping, { failure: 'wrong-recovery-key' }).catch(() => null);
      if (key) return { key, method: 'recovery-key', profileId: slot.profileId };
    }
    throw new BackupError('wrong-key', 'the recovery key does not open this backup');
  }
  const minIterations = options.minIterations ?? MIN_PBKDF2_ITERATIONS;
  let weak = false;
  for (const slot of slots) {
    if (slot.kind !== 'passphrase') continue;
    if (slot.iterations < minIterations) {
      weak = true;
      continue;
    }
    const wrapping = await deriveWrappingKey(secret, slot.salt, slot.iterations, { minIterations });
    const key = await unwrapDataKey(slot.wrappedKey, wrapping).catch(() => null);
    if (key) return { key, method: 'passphrase', profileId: slot.profileId };
  }
  if (weak) throw new BackupError('weak-kdf', 'a passphrase slot uses fewer PBKDF2 iterations than this app accepts');
  throw new BackupError('wrong-key', 'no coordinator passphrase of this backup matches');
}
