import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { DATABASE_NAME, type OtkDatabase } from '../../../../renderer/src/db/schema';
import { Keyring } from '../../../../renderer/src/db/keyring';
import { setUpFirstProfile } from '../../../../renderer/src/commands/session';
import { readDeskRequester } from '../../../../renderer/src/queries/desk-identity';
import { rememberRequester } from '../../../../renderer/src/commands/requesters';
import { requesterKey } from '../../../../shared/domain/requester-key';
import { DEFAULT_NETWORKS } from '../../../../shared/reference/networks';
import type { Intake } from '../../../../shared/domain/consultation';
import { expertProfile, requesterProfile, TEST_COORDINATOR } from '../support/profiles';
import { DESK_REQUESTER } from '../../../fixtures/intake';

const PASSPHRASE = 'kolme karhua kulkee metsässä';
const NOW = new Date('2026-11-23T10:00:00Z');
const REQUESTER: Intake['requester'] = DESK_REQUESTER;

let factory = new IDBFactory();
const opened: OtkDatabase[] = [];

function open(keyring?: Keyring): OtkDatabase {
  const db = createDatabase({ name: DATABASE_NAME, clock: () => NOW, dexie: { indexedDB: factory, IDBKeyRange }, keyring });
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  factory = new IDBFactory();
});

describe('readDeskRequester', () => {
  it('reads the contact a requester desk stored at set-up (sealed database, HMAC key)', async () => {
    const keyring = new Keyring();
    const db = open(keyring);
    const { profile } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { name: 'Pyytäjä', installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE, role: 'requester', requester: REQUESTER });
    expect(await readDeskRequester(db, profile)).toMatchObject({ ...REQUESTER, uses: 1 });
  });

  it('reads by the plain requester key in a plain test database', async () => {
    const db = open();
    await rememberRequester(db, REQUESTER, NOW.toISOString());
    expect((await readDeskRequester(db, requesterProfile(requesterKey(REQUESTER))))?.email).toBe(REQUESTER.email);
    expect(await readDeskRequester(db, requesterProfile('someone|else|x@example.fi'))).toBeUndefined();
  });

  it('is undefined for a coordinator and an expert', async () => {
    const db = open();
    await rememberRequester(db, REQUESTER, NOW.toISOString());
    expect(await readDeskRequester(db, TEST_COORDINATOR)).toBeUndefined();
    expect(await readDeskRequester(db, expertProfile(DEFAULT_NETWORKS[0]!.id))).toBeUndefined();
  });
});
