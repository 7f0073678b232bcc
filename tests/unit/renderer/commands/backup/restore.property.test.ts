import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeBackup } from '../../../../../renderer/src/commands/backup/write';
import { applyRestore, previewRestore } from '../../../../../renderer/src/commands/backup/restore';
import { verifyAuditLog } from '../../../../../renderer/src/commands/audit-verify';
import { createConsultation, updateConsultation } from '../../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../../renderer/src/commands/lifecycle';
import { routeConsultation } from '../../../../../renderer/src/commands/routing';
import { bookConsultation, saveMeeting } from '../../../../../renderer/src/commands/meetings';
import { dueCases, purgeCases } from '../../../../../renderer/src/commands/retention';
import { exportBundle, previewImport, applyImport } from '../../../../../renderer/src/commands/exchange';
import { readInstallation } from '../../../../../renderer/src/queries/installation';
import { allowedActions } from '../../../../../shared/lifecycle/transitions';
import { helsinkiDate } from '../../../../../shared/calendar/target-date';
import { bytesSource } from '../../../../../shared/backup';
import { closeAll, FAST_KDF, installation as peerInstallation, MULTI, NEPSY, PASS } from '../exchange/helpers';
import { closeInstallations, FOLDER, freshDatabase, keyedInstallation, memoryFolderBridge, openedDump, rawDump, reopen, withoutRestore, type KeyedInstallation } from './support';
import { intakeOf } from './history';

/**
 * Property: whatever a centre did — cases created and edited, taken through the lifecycle, routed
 * and re-routed, meetings held, cases purged, bundles imported from another installation with
 * concurrent edits — a backup restored into a fresh database holds every table exactly (as
 * stored and as read), and the audit chain verifies with the restore linked onto it.
 */

afterEach(() => {
  closeInstallations();
  closeAll();
});

const DAY = 86_400_000;
/** The next step forward from each status. */
const FORWARD: Record<string, string> = { received: 'accept', 'more-information-requested': 'information-received', accepted: 'route', routed: 'schedule', scheduled: 'consult', consulted: 'close', closed: 'reopen' };
/** What the random histories reached, over all runs (so the property is known to cover them). */
const seen = new Set<string>();

type Op =
  | { kind: 'create'; n: number }
  | { kind: 'edit'; pick: number; n: number }
  | { kind: 'step'; pick: number; choice: number; hops: number }
  | { kind: 'route'; pick: number; other: boolean }
  | { kind: 'meeting'; n: number }
  | { kind: 'purge'; years: number }
  | { kind: 'import'; edits: number }
  | { kind: 'wait'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), n: fc.nat(999) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(20), n: fc.nat(999) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('step' as const), pick: fc.nat(20), choice: fc.nat(10), hops: fc.integer({ min: 1, max: 7 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('route' as const), pick: fc.nat(20), other: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('meeting' as const), n: fc.nat(99) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const), years: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), edits: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 40 }) }) },
);

const DATA: Record<string, (n: number) => unknown> = {
  accept: () => ({}),
  decline: (n) => ({ reason: 'belongs-elsewhere', whereToTurn: `Perheneuvola ${n}` }),
  'request-information': (n) => ({ asked: `Kysymys pyytäjälle ${n}` }),
  'information-received': () => ({}),
  consult: (n) => ({ recommendation: { language: 'fi', questionSummary: `Tiivistelmä ${n}.`, recommendations: [`Suositus ${n}`], nextSteps: [], followUpDate: '' } }),
  'send-recommendation': () => ({}),
  close: (n) => ({ closeOut: { outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided', note: `Huomio ${n}` } }),
  cancel: (n) => ({ reason: `Peruttu ${n}` }),
  reopen: (n) => ({ reason: `Avattu ${n}` }),
};

async function caseIds(a: KeyedInstallation): Promise<string[]> {
  return (await a.db.consultations.toCollection().primaryKeys()) as string[];
}

async function apply(a: KeyedInstallation, step: Op, counter: { n: number }): Promise<void> {
  const { ctx } = a;
  const ids = await caseIds(a);
  const picked = (pick: number) => (ids.length === 0 ? undefined : ids[pick % ids.length]);
  switch (step.kind) {
    case 'create':
      await createConsultation(ctx, intakeOf(`${step.n}`));
      break;
    case 'edit': {
      const id = picked(step.pick);
      const record = id ? await ctx.db.consultations.get(id) : undefined;
      if (record && !['closed', 'declined', 'cancelled'].includes(record.status)) await updateConsultation(ctx, record.id, { ...intakeOf(`${step.n}`), question: `Muokattu kysymys ${step.n}/${counter.n++}` }, record.rev).catch(() => undefined);
      break;
    }
    case 'step': {
      // A few steps along the lifecycle, choosing among the actions allowed each time.
      const id = picked(step.pick);
      for (let hop = 0; id && hop < step.hops; hop++) {
        const record = await ctx.db.consultations.get(id);
        if (!record) break;
        // Mostly forward along the lifecycle (so histories reach closed cases), sometimes aside.
        const actions = allowedActions(record.status)
          .filter((action) => action in DATA || action === 'schedule' || action === 'route')
          .toSorted((x, y) => Number(y === FORWARD[record.status]) - Number(x === FORWARD[record.status]));
        const action = actions[step.choice < 7 ? 0 : (step.choice + hop) % Math.max(1, actions.length)];
        if (!action) break;
        if (action === 'schedule') {
          const date = helsinkiDate(new Date(ctx.now().getTime() + DAY));
          const meeting = await saveMeeting(ctx, { networkId: NEPSY, date, time: '10:00', durationMinutes: 60, mode: 'video', capacity: 3, participants: [], location: `Huone ${counter.n++}`, notes: '' });
          await bookConsultation(ctx, record.id, { meetingId: meeting.id });
          a.advance(2 * DAY);
        } else if (action === 'route') {
          await routeConsultation(ctx, record.id, { networkId: NEPSY, proposedNetworkId: NEPSY, reason: record.routing.length > 0 ? 'Uudelleenohjaus' : '' });
        } else {
          await transitionConsultation(ctx, record.id, action, DATA[action]!(counter.n++));
        }
        seen.add((await ctx.db.consultations.get(id))!.status);
      }
      break;
    }
    case 'route': {
      const id = picked(step.pick);
      const record = id ? await ctx.db.consultations.get(id) : undefined;
      if (record) await routeConsultation(ctx, record.id, { networkId: step.other ? MULTI : NEPSY, proposedNetworkId: NEPSY, reason: step.other ? 'Monialainen arvio' : 'Uudelleenohjaus' }).catch(() => undefined);
      break;
    }
    case 'meeting':
      await saveMeeting(ctx, { networkId: NEPSY, date: helsinkiDate(new Date(ctx.now().getTime() + 3 * DAY)), time: '13:00', durationMinutes: 60, mode: 'video', capacity: 3, participants: [], location: `Huone ${step.n}`, notes: `Muistio ${step.n}` });
      break;
    case 'purge': {
      a.advance(step.years * 365 * DAY);
      const due = await dueCases(ctx, helsinkiDate(ctx.now()));
      if (due.length > 0) await purgeCases(ctx, due.map((c) => c.id));
      if (due.length > 0) seen.add('purged');
      break;
    }
    case 'import': {
      // Another installation gets everything, edits some of it, and sends it all back.
      const peer = await peerInstallation(`vertainen-${counter.n++}`);
      peer.setNow(ctx.now().getTime());
      const out = await exportBundle(ctx, { scope: { kind: 'full' }, recipient: { kind: 'installation', installationId: peer.id, name: 'Vertainen' }, passphrase: PASS, kdfIterations: FAST_KDF });
      const intoPeer = await previewImport(peer.ctx, out.bytes, PASS, { minIterations: FAST_KDF });
      if (intoPeer.ok) await applyImport(peer.ctx, intoPeer);
      peer.advance(60_000);
      const peerIds = (await peer.db.consultations.toCollection().primaryKeys()) as string[];
      for (let i = 0; i < step.edits && i < peerIds.length; i++) {
        const record = (await peer.db.consultations.get(peerIds[i]!))!;
        await updateConsultation(peer.ctx, record.id, { ...intakeOf('vertainen'), question: `Vertaisen muokkaus ${i}` }, record.rev).catch(() => undefined);
      }
      await createConsultation(peer.ctx, intakeOf('vertaisen oma'));
      const self = await readInstallation(ctx.db);
      const back = await exportBundle(peer.ctx, { scope: { kind: 'full' }, recipient: { kind: 'installation', installationId: self.id, name: 'A' }, passphrase: PASS, kdfIterations: FAST_KDF });
      const intoA = await previewImport(ctx, back.bytes, PASS, { minIterations: FAST_KDF });
      if (!intoA.ok) throw new Error(`refused: ${intoA.refusal.code}`);
      await applyImport(ctx, intoA);
      seen.add(intoA.conflicts.length > 0 ? 'conflict' : 'imported');
      break;
    }
    case 'wait':
      a.advance(step.days * DAY);
      break;
  }
  a.advance(60_000);
}

describe('restore: property over random histories', () => {
  it('restores every table exactly and the audit chain verifies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 14 }), async (ops) => {
        const a = await keyedInstallation();
        const counter = { n: 0 };
        for (const step of ops) await apply(a, step, counter);
        const before = { raw: await rawDump(a), opened: await openedDump(a.db) };
        const { bridge, files } = memoryFolderBridge();
        const outcome = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, { appVersion: '0.1.0' });
        if (outcome.status !== 'written') throw new Error('not written');

        const b = freshDatabase();
        const restoredAt = new Date(a.ctx.now().getTime() + DAY);
        await applyRestore(b.db, await previewRestore(b.db, bytesSource(files.get(outcome.record.file)!), a.recoveryKey), restoredAt);
        expect(withoutRestore(await rawDump(b))).toEqual(withoutRestore(before.raw));
        b.db.close();
        const restored = reopen(b, a.keyring, () => restoredAt);
        expect(withoutRestore(await openedDump(restored))).toEqual(withoutRestore(before.opened));
        const verified = await verifyAuditLog({ db: restored, profile: a.profile });
        expect(verified.result.ok).toBe(true);
        expect(verified.result.count).toBe(before.raw.audit!.length + 1);
        closeInstallations();
        closeAll();
      }),
      { numRuns: 14 },
    );
    for (const reached of ['accepted', 'routed', 'scheduled', 'consulted', 'closed', 'declined', 'imported', 'purged']) expect(seen, reached).toContain(reached);
  });
});
