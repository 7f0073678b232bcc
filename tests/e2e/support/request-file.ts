import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../renderer/src/db/open';
import { finishRequest } from '../../../renderer/src/commands/desk/request-drafts';
import { sendRequests } from '../../../renderer/src/commands/desk/send';
import { requesterKey } from '../../../shared/domain/requester-key';
import type { CommandContext } from '../../../renderer/src/access/context';
import { areaOfRegion } from '../../../shared/reference/regions';
import { DESK_REQUESTER, validIntake } from '../../fixtures/intake';
import { E2E_START } from './clock';
import type { BundleFile } from './desk-files';

/**
 * A requester desk's request file, written by the desk's own commands (in Node, on an in-memory
 * IndexedDB) with the real key derivation — but from a desk that skipped its checks: the stored
 * question is replaced after the request was finished (an old app version, a damaged database),
 * so the file can hold what the desk's form would never let through. Synthetic data only.
 */
export async function requestFileWithQuestion(question: string, passphrase: string): Promise<BundleFile> {
  const now = () => E2E_START;
  const db = createDatabase({ name: `e2e-desk-${Math.random()}`, clock: now, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  try {
    const intake = validIntake({ requester: { ...DESK_REQUESTER }, received: { date: '2026-11-23', time: '08:15', channel: 'form' } });
    const key = requesterKey(DESK_REQUESTER);
    const ctx: CommandContext = { db, actor: DESK_REQUESTER.name, profile: { id: 'e2e-requester', name: 'E2E Pyytäjä', role: 'requester', requesterKey: key, language: 'fi' }, now };
    const created = await finishRequest(ctx, undefined, intake);
    await db.consultations.put({ ...(await db.consultations.get(created.id))!, question });
    const { bytes, fileName } = await sendRequests(ctx, { caseIds: [created.id], area: areaOfRegion(DESK_REQUESTER.region), recipientName: 'OT-keskus', passphrase });
    return { name: fileName, bytes: Buffer.from(bytes) };
  } finally {
    db.close();
  }
}
