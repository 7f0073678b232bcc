import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { createConsultation, recordView } from '../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { verifyAuditLog } from '../../../../renderer/src/commands/audit-verify';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

let db: OtkDatabase;
afterEach(() => db?.close());

async function loggedInstallation() {
  db = createDatabase({ name: `otk-chain-${Math.random()}`, clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  let clock = NOW.getTime();
  const ctx = { db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => new Date((clock += 1000)) };
  const created = await createConsultation(ctx, validIntake());
  await recordView(ctx, created.id);
  await transitionConsultation(ctx, created.id, 'accept');
  await recordView(ctx, created.id);
  const events = await db.audit.orderBy('at').toArray();
  return { events };
}

describe('the audit log as a hash chain', () => {
  it('links every event a command writes, and verifies', async () => {
    const { events } = await loggedInstallation();
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
    expect(events.slice(1).every((e, i) => e.prev === events[i]!.hash)).toBe(true);
    const { result, unchained } = await verifyAuditLog({ db, profile: TEST_COORDINATOR });
    expect(result.ok).toBe(true);
    expect(unchained).toBe(0);
  });

  it('detects an edited event and names it', async () => {
    const { events } = await loggedInstallation();
    await db.audit.put({ ...events[2]!, actor: 'someone-else' });
    const { result } = await verifyAuditLog({ db, profile: TEST_COORDINATOR });
    expect(result.ok ? null : result.breaks[0]).toMatchObject({ firstBrokenAt: 2, eventId: events[2]!.id, reason: 'edited' });
  });

  it('detects a removed event, and a removed last event through the stored head', async () => {
    const { events } = await loggedInstallation();
    await db.audit.delete(events[1]!.id);
    expect((await verifyAuditLog({ db, profile: TEST_COORDINATOR })).result).toMatchObject({ ok: false, breaks: [{ reason: 'removed' }] });

    const again = await loggedInstallation();
    await db.audit.delete(again.events.at(-1)!.id);
    expect((await verifyAuditLog({ db, profile: TEST_COORDINATOR })).result).toMatchObject({ ok: false, breaks: [{ reason: 'removed' }] });
  });
});
