import { z } from 'zod';
import type { OtkDatabase } from '../db/schema';
import type { Keyring } from '../db/keyring';
import { profileOf, type ProfileRow } from '../db/rows/profile';
import { addAudit, auditEvent } from './audit';
import { takeStamps } from './stamps';
import { INSTALLATION_NAME_KEY } from '../db/installation';
import { prefetchIndexSnapshot, takeSnapshotPrefetch } from '../db/index-snapshot-prefetch';
import { ValidationError, type FieldIssue } from '../access/errors';
import { rememberRequester } from './requesters';
import { checkDeskChoice, type DeskBinding, type DeskChoice } from './desk-binding';
import { uuidv7 } from '../../../shared/ids';
import { ProfileSchema, type Profile } from '../../../shared/protection/roles';
import { profilePassphraseSchema } from '../../../shared/protection/passphrase';
import { changePassphrase, createKeyEnvelope, openWithPassphrase, openWithRecoveryKey } from '../../../shared/protection/keys';
import { fieldAad, openValue, sealValue, type SealedValue } from '../../../shared/protection/field-crypto';
import { ProtectionError, isProtectionError } from '../../../shared/protection/errors';
import { secondsToWait } from '../../../shared/protection/unlock-delay';
import { fromBase64, toBase64 } from '../../../shared/sync/bundle/bytes';
import { requiredText } from '../../../shared/domain/validation';
import type { AuditAction } from '../../../shared/domain/audit';
import type { CommandContext, GateContext } from '../access/context';

/**
 * Profiles and the lock (issue 8). One data key per installation seals the data at rest; every
 * profile's envelope wraps that same key under the profile's passphrase (the first coordinator's
 * also under the recovery key, shown once). The role, not the key, limits what a profile sees and
 * does: the command layer checks it (shared/protection/roles).
 *
 * The meta row `protection` keeps the index key (32 random bytes for the HMAC lookup keys, see
 * ./keyring), sealed under the data key.
 */
export const PROTECTION_META_KEY = 'protection';

interface ProtectionMeta {
  indexKey: SealedValue;
  createdAt: string;
}

const INDEX_KEY_AAD = fieldAad(PROTECTION_META_KEY, 'indexKey');

const identitySchema = z.object({ name: requiredText(200), language: z.enum(['fi', 'sv', 'en']) });
/** The installation's own name at set-up: what other installations see in previews and conflicts. */
const installationNameSchema = z.object({ installationName: requiredText(200) });

type Check = { success: true } | { success: false; error: z.ZodError };

/** Runs every check and refuses with all their issues together (each form shows every mistake at once). */
function validate(results: Check[], more: FieldIssue[] = []): void {
  const issues = [...results.flatMap((result) => (result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })))), ...more];
  if (issues.length > 0) throw new ValidationError(issues);
}

async function audit(db: OtkDatabase, actor: string, now: Date, action: AuditAction, entityId: string, details?: Record<string, string>) {
  const [stamp] = await takeStamps(db, now.getTime(), 1);
  await addAudit(db, auditEvent({ actor }, now, stamp!, { action, entity: 'profile', entityId, ...(details ? { details } : {}) }));
}

async function openIndexKey(db: OtkDatabase, dataKey: CryptoKey): Promise<Uint8Array> {
  const meta = (await db.meta.get(PROTECTION_META_KEY))?.value as ProtectionMeta | undefined;
  if (!meta) throw new ProtectionError('invalid-envelope', 'the installation has no index key');
  return fromBase64(await openValue<string>(meta.indexKey, dataKey, INDEX_KEY_AAD));
}

export type SetUpInput = {
  name: string;
  /** The installation's name, e.g. "Länsi-Suomen OT-keskus, koordinaattori". */
  installationName: string;
  language: Profile['language'];
  passphrase: string;
  confirm: string;
} & DeskChoice;

function profileFor(binding: DeskBinding, identity: Pick<Profile, 'id' | 'name' | 'language'>): Profile {
  switch (binding.role) {
    case 'coordinator':
      return ProfileSchema.parse({ ...identity, role: 'coordinator' });
    case 'requester':
      return ProfileSchema.parse({ ...identity, role: 'requester', requesterKey: binding.requesterKey });
    case 'expert':
      return ProfileSchema.parse({ ...identity, role: 'expert', networkId: binding.networkId });
  }
}

/**
 * First start: the installation's first profile — a coordinator by default, or the desk of a
 * requesting professional or of an expert network member (issue 11) — a new data key and index
 * key, and the recovery key, returned to be shown once, never stored. A requester's contact is
 * remembered as a requester (sealed, under its HMAC key), so the keyring is unlocked before the one
 * transaction that writes everything; if that transaction fails, the keyring is locked again and
 * nothing is written. Unlocks the session.
 */
export async function setUpFirstProfile(gate: GateContext, input: SetUpInput): Promise<{ profile: Profile; recoveryKey: string }> {
  const { db, keyring } = gate;
  const now = gate.now();
  const identity = identitySchema.safeParse(input);
  const desk = await checkDeskChoice(db, input);
  const named = installationNameSchema.safeParse(input);
  validate([identity, named, profilePassphraseSchema.safeParse(input)], desk.issues);
  const binding = desk.binding!;
  if ((await db.profiles.count()) > 0) throw new ProtectionError('invalid-envelope', 'this installation is set up already');

  const { envelope, dataKey, recoveryKey } = await createKeyEnvelope(input.passphrase);
  const indexKey = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const meta: ProtectionMeta = { indexKey: await sealValue(toBase64(indexKey), dataKey, INDEX_KEY_AAD), createdAt: now.toISOString() };
  const profile = profileFor(binding, { id: uuidv7(now.getTime()), name: identity.data!.name, language: input.language });
  const row: ProfileRow = { ...profile, envelope, createdAt: now.toISOString(), failedAttempts: 0, lastFailedAt: null };
  keyring.unlock(dataKey, indexKey);
  indexKey.fill(0);
  try {
    await db.transaction('rw', [db.profiles, db.meta, db.audit, db.requesters], async () => {
      if ((await db.profiles.count()) > 0) throw new ProtectionError('invalid-envelope', 'this installation is set up already');
      await db.profiles.add(row);
      await db.meta.put({ key: PROTECTION_META_KEY, value: meta });
      await db.meta.put({ key: INSTALLATION_NAME_KEY, value: named.data!.installationName });
      if (binding.role === 'requester') await rememberRequester(db, binding.requester, now.toISOString());
      await audit(db, profile.name, now, 'profile.create', profile.id, { role: profile.role });
    });
  } catch (error) {
    keyring.lock();
    throw error;
  }
  if (recoveryKey === null) throw new Error('set-up always creates a recovery key');
  return { profile, recoveryKey };
}

/** Seconds the profile must still wait before another try (after repeated wrong passphrases). */
export function waitFor(row: ProfileRow, now: Date): number {
  return secondsToWait(row.failedAttempts, row.lastFailedAt, now.getTime());
}

async function failedAttempt(db: OtkDatabase, row: ProfileRow, now: Date, method: string): Promise<void> {
  await db.transaction('rw', [db.profiles, db.meta, db.audit], async () => {
    const current = await db.profiles.get(row.id);
    if (!current) return;
    const failedAttempts = current.failedAttempts + 1;
    await db.profiles.put({ ...current, failedAttempts, lastFailedAt: now.toISOString() });
    await audit(db, current.name, now, 'session.unlock-failed', current.id, { attempts: String(failedAttempts), method });
  });
}

async function unlockWith(db: OtkDatabase, id: string, now: Date, method: 'passphrase' | 'recovery-key', open: (row: ProfileRow) => Promise<CryptoKey>): Promise<{ row: ProfileRow; dataKey: CryptoKey }> {
  const row = await db.profiles.get(id);
  if (!row) throw new ProtectionError('invalid-envelope', 'no such profile');
  const seconds = waitFor(row, now);
  if (seconds > 0) throw new ProtectionError('unlock-delayed', `wait ${seconds} s`, { seconds: String(seconds) });
  // The work list's sealed snapshot is read from the disk while the key is derived (no key needed).
  prefetchIndexSnapshot(db);
  let dataKey: CryptoKey;
  try {
    dataKey = await open(row);
  } catch (error) {
    void takeSnapshotPrefetch(db);
    if (isProtectionError(error, 'wrong-passphrase') || isProtectionError(error, 'wrong-recovery-key')) await failedAttempt(db, row, now, method);
    throw error;
  }
  return { row, dataKey };
}

async function opened(db: OtkDatabase, keyring: Keyring, row: ProfileRow, dataKey: CryptoKey, now: Date, method: string, replace?: Partial<ProfileRow>): Promise<Profile> {
  const indexKey = await openIndexKey(db, dataKey);
  await db.transaction('rw', [db.profiles, db.meta, db.audit], async () => {
    const current = (await db.profiles.get(row.id)) ?? row;
    await db.profiles.put({ ...current, ...replace, failedAttempts: 0, lastFailedAt: null });
    await audit(db, row.name, now, 'session.unlock', row.id, { method });
  });
  keyring.unlock(dataKey, indexKey);
  indexKey.fill(0);
  return profileOf(row);
}

/** Unlocks a profile with its passphrase; wrong → 'wrong-passphrase' (counted), too soon → 'unlock-delayed'. */
export async function unlockProfile(gate: GateContext, id: string, passphrase: string): Promise<Profile> {
  const { db, keyring } = gate;
  const now = gate.now();
  const { row, dataKey } = await unlockWith(db, id, now, 'passphrase', (r) => openWithPassphrase(r.envelope, passphrase));
  return opened(db, keyring, row, dataKey, now, 'passphrase');
}

/** A forgotten passphrase: the recovery key opens the profile and a new passphrase is set. */
export async function recoverProfile(gate: GateContext, id: string, input: { recoveryKey: string; passphrase: string; confirm: string }): Promise<Profile> {
  const { db, keyring } = gate;
  const now = gate.now();
  validate([profilePassphraseSchema.safeParse(input)]);
  const { row, dataKey } = await unlockWith(db, id, now, 'recovery-key', (r) => openWithRecoveryKey(r.envelope, input.recoveryKey));
  const envelope = await changePassphrase(row.envelope, { recoveryKey: input.recoveryKey }, input.passphrase);
  return opened(db, keyring, row, dataKey, now, 'recovery-key', { envelope });
}

export type NewProfileInput = {
  name: string;
  language: Profile['language'];
  passphrase: string;
  confirm: string;
  /** The acting coordinator's own passphrase: wrapping the data key for someone else needs it. */
  currentPassphrase: string;
} & ({ role: 'coordinator' } | { role: 'expert'; networkId: string } | { role: 'requester'; requesterKey: string });

/**
 * A coordinator adds a profile: the same data key wrapped under the new profile's passphrase
 * (no recovery key: a coordinator can set a new passphrase by replacing the profile).
 */
export async function addProfile(ctx: CommandContext, input: NewProfileInput): Promise<Profile> {
  const { db, profile: actor } = ctx;
  const now = ctx.now();
  if (actor.role !== 'coordinator') throw new ProtectionError('not-permitted', 'only a coordinator adds profiles', { command: 'profile.manage' });
  const { currentPassphrase, passphrase: _passphrase, confirm: _confirm, ...rest } = input;
  const profileCheck = ProfileSchema.safeParse({ ...rest, id: uuidv7(now.getTime()) });
  validate([profileCheck, profilePassphraseSchema.safeParse(input)]);
  const mine = await db.profiles.get(actor.id);
  if (!mine) throw new ProtectionError('invalid-envelope', 'the acting profile is gone');
  let envelope;
  try {
    envelope = await changePassphrase(mine.envelope, { passphrase: currentPassphrase }, input.passphrase);
  } catch (error) {
    if (isProtectionError(error, 'wrong-passphrase')) throw new ValidationError([{ path: 'currentPassphrase', message: 'protection.error.wrong-passphrase' }]);
    throw error;
  }
  const profile = profileCheck.data!;
  const row: ProfileRow = { ...profile, envelope: { ...envelope, recovery: null }, createdAt: now.toISOString(), failedAttempts: 0, lastFailedAt: null };
  await db.transaction('rw', [db.profiles, db.meta, db.audit], async () => {
    await db.profiles.add(row);
    await audit(db, actor.name, now, 'profile.create', profile.id, { role: profile.role });
  });
  return profile;
}

/** The profile's UI language, kept with the profile (the next unlock opens in it). */
export async function setProfileLanguage(ctx: CommandContext, language: Profile['language']): Promise<void> {
  const { db, profile } = ctx;
  const now = ctx.now();
  await db.transaction('rw', [db.profiles, db.meta, db.audit], async () => {
    const row = await db.profiles.get(profile.id);
    if (!row || row.language === language) return;
    await db.profiles.put({ ...row, language });
    await audit(db, profile.name, now, 'profile.update', profile.id, { language });
  });
}

export type LockReason = 'idle' | 'shortcut' | 'button' | 'switch';

/** Locks: audited, then the keys are forgotten. The caller reloads the page to drop every decrypted value. */
export async function lockSession(gate: GateContext, profile: Profile, reason: LockReason): Promise<void> {
  const { db, keyring } = gate;
  const now = gate.now();
  try {
    await db.transaction('rw', [db.meta, db.audit], () => audit(db, profile.name, now, 'session.lock', profile.id, { reason }));
  } finally {
    keyring.lock();
  }
}
