import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { createDatabase } from '../../../../renderer/src/db/open';
import { Keyring, LockedError } from '../../../../renderer/src/db/keyring';
import { setUpFirstProfile, unlockProfile, lockSession, recoverProfile, addProfile } from '../../../../renderer/src/commands/session';
import { encryptAtRest } from '../../../../renderer/src/commands/migrate';
import { migrationDone, migrationState } from '../../../../renderer/src/queries/migration';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import type { CommandContext } from '../../../../renderer/src/access/context';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { DATABASE_NAME } from '../../../../renderer/src/db/schema';
import { isProtectionError } from '../../../../shared/protection/errors';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

const PASSPHRASE = 'lumi sataa hiljaa tunturilla';
const QUESTION = 'Miten tukea nuorta, joka ei ole käynyt koulua kolmeen kuukauteen? (salattava-e2e)';
const REQUESTER = 'Testi Sosiaalityöntekijä';

let factory = new IDBFactory();
const opened: OtkDatabase[] = [];

function open(keyring?: Keyring): OtkDatabase {
  const db = createDatabase({ name: DATABASE_NAME, clock: () => NOW, dexie: { indexedDB: factory, IDBKeyRange }, keyring });
  opened.push(db);
  return db;
}

function ctxOf(db: OtkDatabase): CommandContext {
  return { db, actor: 'Koordinaattori', profile: TEST_COORDINATOR, now: () => NOW };
}

/** Everything IndexedDB holds, read without the app: no middleware, no key. */
async function rawContent(): Promise<string> {
  const raw = new Dexie(DATABASE_NAME, { indexedDB: factory, IDBKeyRange });
  await raw.open();
  const dump: Record<string, unknown[]> = {};
  for (const table of raw.tables) dump[table.name] = await table.toArray();
  raw.close();
  return JSON.stringify(dump);
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  factory = new IDBFactory();
});

const intake = () => validIntake({ question: QUESTION, requester: { ...validIntake().requester, name: REQUESTER } });

describe('encryption at rest', () => {
  it('stores no case text in IndexedDB, and the app reads it back after unlock', async () => {
    const keyring = new Keyring();
    const db = open(keyring);
    await setUpFirstProfile({ db, keyring, now: () => NOW }, { name: 'Koordinaattori', installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const record = await createConsultation(ctxOf(db), intake());

    const raw = await rawContent();
    expect(raw).not.toContain('salattava-e2e');
    expect(raw).not.toContain(REQUESTER);
    expect(raw).not.toContain(validIntake().requester.email);
    expect(raw).toContain(record.caseCode); // codes stay queryable

    const back = await db.consultations.get(record.id);
    expect(back?.question).toBe(QUESTION);
    expect(back?.requester.name).toBe(REQUESTER);
    expect((await db.caseRows.get(record.id))?.requesterName).toBe(REQUESTER);
    expect((await db.requesters.toArray()).map((r) => r.name)).toEqual([REQUESTER]);
    expect((await db.requesters.toCollection().primaryKeys())[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('after lock no decrypted text is reachable and a write is refused with nothing written', async () => {
    const keyring = new Keyring();
    const db = open(keyring);
    const { profile } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { name: 'Koordinaattori', installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const record = await createConsultation(ctxOf(db), intake());
    await lockSession({ db, keyring, now: () => NOW }, profile, 'button');

    expect(keyring.unlocked).toBe(false);
    expect(() => keyring.dataKey()).toThrow(LockedError);
    const seen = JSON.stringify([await db.consultations.get(record.id), await db.caseRows.toArray(), await db.requesters.toArray()]);
    expect(seen).not.toContain('salattava-e2e');
    expect(seen).not.toContain(REQUESTER);
    const before = await db.consultations.count();
    await expect(createConsultation(ctxOf(db), intake())).rejects.toBeInstanceOf(LockedError);
    expect(await db.consultations.count()).toBe(before);

    await unlockProfile({ db, keyring, now: () => NOW }, profile.id, PASSPHRASE);
    expect((await db.consultations.get(record.id))?.question).toBe(QUESTION);
  });

  it('refuses a wrong passphrase, then makes the profile wait after repeated failures', async () => {
    const keyring = new Keyring();
    const db = open(keyring);
    const { profile } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { name: 'Koordinaattori', installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE });
    keyring.lock();
    for (let i = 0; i < 3; i++) {
      const failure = await unlockProfile({ db, keyring, now: () => NOW }, profile.id, 'väärä tunnuslause tässä').catch((e: unknown) => e);
      expect(isProtectionError(failure, 'wrong-passphrase')).toBe(true);
    }
    const delayed = await unlockProfile({ db, keyring, now: () => NOW }, profile.id, PASSPHRASE).catch((e: unknown) => e);
    expect(isProtectionError(delayed, 'unlock-delayed')).toBe(true);
    expect(keyring.unlocked).toBe(false);
    // 30 s later the right passphrase opens it and the counter starts again.
    await unlockProfile({ db, keyring, now: () => new Date(NOW.getTime() + 31_000) }, profile.id, PASSPHRASE);
    expect(keyring.unlocked).toBe(true);
    expect((await db.profiles.get(profile.id))?.failedAttempts).toBe(0);
    const actions = (await db.audit.toArray()).map((e) => e.action);
    expect(actions.filter((a) => a === 'session.unlock-failed')).toHaveLength(3);
    expect(actions).toContain('session.unlock');
  });

  it('the recovery key sets a new passphrase; a second profile opens the same data with its own passphrase', async () => {
    const keyring = new Keyring();
    const db = open(keyring);
    const { profile, recoveryKey } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { name: 'Koordinaattori', installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const record = await createConsultation(ctxOf(db), intake());
    const expertPassphrase = 'asiantuntijan oma pitkä lause';
    const expert = await addProfile({ db: db, actor: profile.name, profile: profile, now: () => NOW }, { name: 'Asiantuntija', language: 'sv', role: 'expert', networkId: 'net-1', passphrase: expertPassphrase, confirm: expertPassphrase, currentPassphrase: PASSPHRASE });
    keyring.lock();
    await unlockProfile({ db, keyring, now: () => NOW }, expert.id, expertPassphrase);
    expect((await db.consultations.get(record.id))?.question).toBe(QUESTION);
    keyring.lock();
    const renewed = 'uusi tunnuslause kesämökillä';
    await recoverProfile({ db, keyring, now: () => NOW }, profile.id, { recoveryKey, passphrase: renewed, confirm: renewed });
    keyring.lock();
    await expect(unlockProfile({ db, keyring, now: () => NOW }, profile.id, PASSPHRASE)).rejects.toSatisfy((e) => isProtectionError(e, 'wrong-passphrase'));
    await unlockProfile({ db, keyring, now: () => NOW }, profile.id, renewed);
    expect(keyring.unlocked).toBe(true);
  });

  it('detects a sealed value edited in the profile folder', async () => {
    const keyring = new Keyring();
    const db = open(keyring);
    await setUpFirstProfile({ db, keyring, now: () => NOW }, { name: 'Koordinaattori', installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE });
    const record = await createConsultation(ctxOf(db), intake());
    const raw = new Dexie(DATABASE_NAME, { indexedDB: factory, IDBKeyRange });
    await raw.open();
    const stored = (await raw.table('consultations').get(record.id)) as { sealed: { ct: string } };
    const ct = stored.sealed.ct;
    stored.sealed.ct = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
    await raw.table('consultations').put(stored);
    raw.close();
    await expect(db.consultations.get(record.id)).rejects.toSatisfy((e) => isProtectionError(e, 'tampered'));
  });

  it('the migration seals existing plaintext in batches and can resume', async () => {
    const plain = open();
    const records = [];
    for (let i = 0; i < 3; i++) records.push(await createConsultation(ctxOf(plain), intake()));
    plain.close();
    expect(await rawContent()).toContain('salattava-e2e');

    const keyring = new Keyring();
    const db = open(keyring);
    const { profile } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { name: 'Koordinaattori', installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE });
    expect(migrationDone(await migrationState(db))).toBe(false);
    const state = await encryptAtRest({ db: db, actor: profile.name, profile: profile, now: () => NOW });
    expect(migrationDone(state)).toBe(true);
    expect(state.counts.consultations).toBe(3);
    const raw = await rawContent();
    expect(raw).not.toContain('salattava-e2e');
    expect(raw).not.toContain(REQUESTER);
    for (const record of records) expect((await db.consultations.get(record.id))?.question).toBe(QUESTION);
    // Running it again is a no-op.
    expect((await encryptAtRest({ db: db, actor: profile.name, profile: profile, now: () => NOW })).counts).toEqual(state.counts);
    expect((await db.audit.toArray()).filter((e) => e.action === 'protection.encrypt')).toHaveLength(1);
  });
});
