import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { Keyring } from '../../../../renderer/src/db/keyring';
import { readInstallation } from '../../../../renderer/src/queries/installation';
import { createConsultation, updateConsultation } from '../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { routeConsultation } from '../../../../renderer/src/commands/routing';
import { purgeCases } from '../../../../renderer/src/commands/retention';
import { CaseIndex } from '../../../../renderer/src/queries/case-index';
import { rowVisibleTo } from '../../../../renderer/src/queries/row-visibility';
import type { CommandContext } from '../../../../renderer/src/access/context';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR, expertProfile } from '../support/profiles';
import { MULTI, NEPSY, closeAll, createCase, deleteCase, exchange, installation, type Installation } from '../commands/exchange/helpers';

/**
 * The index loaded from the sealed snapshot and the revision feed is exactly the index loaded from
 * the rows (same rows, same order), after any sequence of creates, edits, routings, purges, imports
 * (new cases and deletions from another installation) and snapshot writes — for a coordinator and
 * for an expert (whose index filters the snapshot). And the snapshot is really used whenever one
 * was written and nothing since deleted a case (so the test cannot pass by always falling back).
 */

/** A declined case is due for purge some years after its decline: each purge moves the clock on so far. */
const YEARS_3 = 3 * 366 * 24 * 3600 * 1000;

async function keyedInstallation(): Promise<Installation> {
  const keyring = new Keyring();
  const key = await globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  keyring.unlock(key, new Uint8Array(32).fill(7));
  let clock = NOW.getTime();
  const now = () => new Date(clock);
  const db = createDatabase({ name: `otk-snapshot-${Math.random()}`, clock: now, dexie: { indexedDB: new IDBFactory(), IDBKeyRange }, keyring });
  opened.push(db);
  const ctx: CommandContext = { db, actor: 'koordinaattori-b', profile: TEST_COORDINATOR, now };
  const { id } = await readInstallation(db);
  return { name: 'b', db, ctx, id, advance: (ms) => (clock += ms), setNow: (ms) => (clock = ms) };
}

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  closeAll();
});

type Op =
  | { kind: 'create'; urgent: boolean; day: number }
  | { kind: 'edit'; pick: number; name: number }
  | { kind: 'route'; pick: number; network: 'nepsy' | 'multi' }
  | { kind: 'purge'; pick: number }
  | { kind: 'import'; pick: number; del: boolean }
  | { kind: 'snapshot' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), urgent: fc.boolean(), day: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), name: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('route' as const), pick: fc.nat(), network: fc.constantFrom('nepsy' as const, 'multi' as const) }),
  fc.record({ kind: fc.constant('purge' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const), pick: fc.nat(), del: fc.boolean() }),
  fc.constant({ kind: 'snapshot' as const }),
);

const intakeOn = (day: number, urgent: boolean, name = 'Testi Pyytäjä') =>
  validIntake({ received: { date: `2026-11-${String(day).padStart(2, '0')}`, time: '09:00', channel: 'phone' }, urgency: urgent ? 'urgent' : 'normal', requester: { ...validIntake().requester, name } });

async function loaded(b: Installation, visible: ReturnType<typeof rowVisibleTo>, snapshot: boolean) {
  const index = new CaseIndex(b.db, visible, { snapshot });
  await index.start();
  index.stop();
  return { rows: index.rows(), from: index.loadedFrom };
}

describe('the index snapshot is never stale', () => {
  it('snapshot + catch-up == rows, after any writes, purges, imports and snapshots', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
        const a = await installation('a');
        const b = await keyedInstallation();
        const mine: string[] = [];
        const fromA: string[] = [];
        let snapshotUsable = false;
        for (const step of ops) {
          const pick = (ids: string[], n: number) => (ids.length === 0 ? undefined : ids[n % ids.length]);
          if (step.kind === 'create') {
            mine.push((await createConsultation(b.ctx, intakeOn(step.day, step.urgent))).id);
          } else if (step.kind === 'edit') {
            const id = pick(mine, step.pick);
            if (id) await updateConsultation(b.ctx, id, intakeOn(5, step.name % 2 === 0, `Muokattu Pyytäjä ${step.name}`));
          } else if (step.kind === 'route') {
            const id = pick(mine, step.pick);
            if (!id) continue;
            const record = await b.db.consultations.get(id);
            if (record?.status === 'received') await transitionConsultation(b.ctx, id, 'accept');
            const networkId = step.network === 'nepsy' ? NEPSY : MULTI;
            if ((await b.db.consultations.get(id))?.status === 'accepted') await routeConsultation(b.ctx, id, { networkId, proposedNetworkId: networkId, reason: 'Monialainen arvio' });
          } else if (step.kind === 'purge') {
            const id = pick(mine, step.pick);
            if (!id || (await b.db.consultations.get(id))?.status !== 'received') continue;
            await transitionConsultation(b.ctx, id, 'decline', { reason: 'duplicate', whereToTurn: 'Sama pyyntö' });
            b.advance(YEARS_3);
            const { purged } = await purgeCases(b.ctx, [id]);
            expect(purged).toEqual([id]);
            mine.splice(mine.indexOf(id), 1);
            snapshotUsable = false;
          } else if (step.kind === 'import') {
            const id = pick(fromA, step.pick);
            if (step.del && id) {
              await deleteCase(a, id);
              fromA.splice(fromA.indexOf(id), 1);
              // B holds it (every case of A was sent when created): the import deletes it there.
              snapshotUsable = false;
            } else {
              fromA.push((await createCase(a, { received: { date: '2026-11-10', time: '12:00', channel: 'email' } })).id);
            }
            await exchange(a, b);
          } else {
            const index = new CaseIndex(b.db);
            await index.start();
            await index.catchUp();
            index.stop();
            expect(await index.saveSnapshot()).toBe(true);
            snapshotUsable = true;
          }
        }
        const coordinator = await loaded(b, null, true);
        const fromRows = await loaded(b, null, false);
        expect(fromRows.from).toBe('rows');
        expect(coordinator.from).toBe(snapshotUsable ? 'snapshot' : 'rows');
        expect(coordinator.rows).toEqual(fromRows.rows);
        const expert = rowVisibleTo(expertProfile(NEPSY));
        expect((await loaded(b, expert, true)).rows).toEqual((await loaded(b, expert, false)).rows);
      }),
      { numRuns: 25 },
    );
  });
});
