import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { createDatabase } from '../../../../renderer/src/db/open';
import { DATABASE_NAME, type OtkDatabase } from '../../../../renderer/src/db/schema';
import { Keyring } from '../../../../renderer/src/db/keyring';
import { setUpFirstProfile, unlockProfile, type SetUpInput } from '../../../../renderer/src/commands/session';
import { requesterKey } from '../../../../shared/domain/requester-key';
import { ValidationError } from '../../../../renderer/src/access/errors';
import { DEFAULT_NETWORKS } from '../../../../shared/reference/networks';
import { PROTECTION_MSG } from '../../../../shared/protection/messages';
import { MSG } from '../../../../shared/domain/validation';
import type { Intake } from '../../../../shared/domain/consultation';
import { DESK_REQUESTER } from '../../../fixtures/intake';
import { readInstallationName } from '../../../../renderer/src/queries/installation';

const PASSPHRASE = 'kolme karhua kulkee metsässä';
const NOW = new Date('2026-11-23T10:00:00Z');
const REQUESTER: Intake['requester'] = DESK_REQUESTER;
const NETWORK_ID = DEFAULT_NETWORKS[0]!.id;

let factory = new IDBFactory();
const opened: OtkDatabase[] = [];

/** A new installation's database, opened (populated with the example networks). */
async function open(keyring: Keyring): Promise<OtkDatabase> {
  const db = createDatabase({ name: DATABASE_NAME, clock: () => NOW, dexie: { indexedDB: factory, IDBKeyRange }, keyring });
  opened.push(db);
  await db.open();
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  factory = new IDBFactory();
});

const identity = { name: 'Työpöytä', installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE } as const;

/** Everything IndexedDB holds, read without the app: no middleware, no key. */
async function rawContent(): Promise<Record<string, unknown[]>> {
  const raw = new Dexie(DATABASE_NAME, { indexedDB: factory, IDBKeyRange });
  await raw.open();
  const dump: Record<string, unknown[]> = {};
  for (const table of raw.tables) dump[table.name] = await table.toArray();
  raw.close();
  return dump;
}

async function refusal(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return Object.fromEntries((error as ValidationError).issues.map((issue) => [issue.path, issue.message]));
}

describe('setUpFirstProfile: the first profile of a new installation', () => {
  it('is a coordinator when no role is given (existing callers), with a recovery key and an audited creation', async () => {
    const keyring = new Keyring();
    const db = await open(keyring);
    const { profile, recoveryKey } = await setUpFirstProfile({ db, keyring, now: () => NOW }, identity);
    expect(profile).toMatchObject({ role: 'coordinator', name: identity.name, language: 'fi' });
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    expect(keyring.unlocked).toBe(true);
    const audit = await db.audit.toArray();
    expect(audit.map((event) => [event.action, event.details])).toEqual([['profile.create', { role: 'coordinator' }]]);
    expect(await db.requesters.count()).toBe(0);
    // The installation is called what the set-up said, not by its id.
    expect(await readInstallationName(db)).toBe('Synteettinen testiasennus');
  });

  it('sets up a requester desk bound to the requester key, with the contact remembered sealed under its lookup key', async () => {
    const keyring = new Keyring();
    const db = await open(keyring);
    const { profile, recoveryKey } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { ...identity, role: 'requester', requester: REQUESTER });
    expect(profile).toEqual({ id: profile.id, name: identity.name, language: 'fi', role: 'requester', requesterKey: requesterKey(REQUESTER) });
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/);
    expect((await db.profiles.get(profile.id))?.role).toBe('requester');

    const requesters = await db.requesters.toArray();
    expect(requesters).toEqual([{ ...REQUESTER, key: keyring.lookupKey(requesterKey(REQUESTER)), lastUsedAt: NOW.toISOString(), uses: 1 }]);
    // The requester's contact is sealed at rest like every remembered requester's.
    const raw = JSON.stringify((await rawContent()).requesters);
    expect(raw).not.toContain('Testi Pyytäjä');
    expect(raw).not.toContain('testi.pyytaja@example.fi');
    expect((await db.audit.toArray()).map((event) => event.details)).toEqual([{ role: 'requester' }]);
  });

  it('trims the contact before deriving the key (the intake schema parses it)', async () => {
    const keyring = new Keyring();
    const db = await open(keyring);
    const padded = { ...REQUESTER, name: '  Testi Pyytäjä ', email: ' Testi.Pyytaja@example.fi ' };
    const { profile } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { ...identity, role: 'requester', requester: padded });
    expect(profile.role === 'requester' && profile.requesterKey).toBe(requesterKey(REQUESTER));
    expect((await db.requesters.toArray())[0]?.name).toBe('Testi Pyytäjä');
  });

  it('sets up an expert desk bound to one network of the registry, and the profile unlocks again as that expert', async () => {
    const keyring = new Keyring();
    const db = await open(keyring);
    const { profile } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { ...identity, role: 'expert', networkId: NETWORK_ID });
    expect(profile).toEqual({ id: profile.id, name: identity.name, language: 'fi', role: 'expert', networkId: NETWORK_ID });
    expect(await db.requesters.count()).toBe(0);
    expect((await db.audit.toArray()).map((event) => event.details)).toEqual([{ role: 'expert' }]);

    keyring.lock();
    expect(await unlockProfile({ db, keyring, now: () => NOW }, profile.id, PASSPHRASE)).toEqual(profile);
  });

  it('refuses an invalid requester desk with every field at once and writes nothing', async () => {
    const keyring = new Keyring();
    const db = await open(keyring);
    const before = await rawContent();
    const input: SetUpInput = {
      name: '',
      installationName: ' ',
      language: 'fi',
      passphrase: 'lyhyt',
      confirm: 'muu',
      role: 'requester',
      requester: { ...REQUESTER, name: ' ', sector: '', region: 'atlantis', phone: '', email: 'ei-osoite' },
    };
    const issues = await refusal(setUpFirstProfile({ db, keyring, now: () => NOW }, input));
    expect(issues).toMatchObject({
      name: MSG.required,
      installationName: MSG.required,
      passphrase: PROTECTION_MSG.passphraseTooShort,
      'requester.name': MSG.required,
      'requester.sector': MSG.choose,
      'requester.region': MSG.choose,
      'requester.email': MSG.email,
    });
    expect(keyring.unlocked).toBe(false);
    expect(await rawContent()).toEqual(before);
    expect(before.profiles).toEqual([]);
    expect(before.requesters).toEqual([]);
  });

  it('asks for a phone or an e-mail of the requester', async () => {
    const keyring = new Keyring();
    const db = await open(keyring);
    const issues = await refusal(setUpFirstProfile({ db, keyring, now: () => NOW }, { ...identity, role: 'requester', requester: { ...REQUESTER, phone: '', email: '' } }));
    expect(issues).toEqual({ 'requester.phone': MSG.contactRequired });
  });

  it('refuses an expert desk without a network, or with one the registry does not hold, and writes nothing', async () => {
    const keyring = new Keyring();
    const db = await open(keyring);
    const before = await rawContent();
    expect(await refusal(setUpFirstProfile({ db, keyring, now: () => NOW }, { ...identity, role: 'expert', networkId: ' ' }))).toEqual({ networkId: PROTECTION_MSG.profileNetworkRequired });
    expect(await refusal(setUpFirstProfile({ db, keyring, now: () => NOW }, { ...identity, role: 'expert', networkId: 'no-such-network' }))).toEqual({ networkId: PROTECTION_MSG.profileNetworkRequired });
    expect(keyring.unlocked).toBe(false);
    expect(await rawContent()).toEqual(before);
  });

  it('refuses an unknown role', async () => {
    const keyring = new Keyring();
    const db = await open(keyring);
    const input = { ...identity, role: 'administrator' } as unknown as SetUpInput;
    expect(await refusal(setUpFirstProfile({ db, keyring, now: () => NOW }, input))).toEqual({ role: MSG.choose });
  });

  it('locks the keyring again and leaves no half-written profile when the write fails', async () => {
    const keyring = new Keyring();
    const db = await open(keyring);
    const before = await rawContent();
    const spy = vi.spyOn(db.audit, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(setUpFirstProfile({ db, keyring, now: () => NOW }, { ...identity, role: 'requester', requester: REQUESTER })).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(keyring.unlocked).toBe(false);
    expect(await rawContent()).toEqual(before);
  });
});
