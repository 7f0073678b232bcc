import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { updateConsultation } from '../../../../../renderer/src/commands/consultations';
import { saveNetwork } from '../../../../../renderer/src/commands/networks';
import { saveMeeting } from '../../../../../renderer/src/commands/meetings';
import type { MeetingRecord, NetworkRecord } from '../../../../../renderer/src/db/schema';
import { knowledgeOf } from '../../../../../shared/sync/knowledge';
import type { StampedRecord } from '../../../../../shared/sync/record';
import { NOW, validIntake } from '../../../../fixtures/intake';
import { closeAll, content, createCase, deleteCase, exchange, installation, MULTI, NEPSY, preview, receive, send, type Installation } from './helpers';

/**
 * Property (issue 18, item 9): three installations make random edits — cases created, edited and
 * deleted, networks and meetings changed — and send each other delta bundles, some lost, some
 * arriving late and out of order. Every time a delta is imported, the recipient holds exactly
 * what a full bundle from the sender would have given it: a full bundle, previewed right after,
 * brings nothing new but the delta's own export event. At the end, deltas sent round a ring
 * (so every change reaches one installation only as relayed by another) make all three identical.
 */

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

const MINUTE = 60_000;
const NETWORKS = [NEPSY, MULTI];

type Op =
  | { kind: 'create'; at: number }
  | { kind: 'edit'; at: number; pick: number; text: number }
  | { kind: 'delete'; at: number; pick: number }
  | { kind: 'network'; at: number; pick: number; days: number }
  | { kind: 'meeting'; at: number; pick: number; room: number }
  | { kind: 'delta'; from: number; to: number; delivery: 'now' | 'lost' | 'late' }
  | { kind: 'flush' }
  | { kind: 'tick'; at: number; minutes: number };

const who = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 9 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), at: who }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: who, pick, text: fc.nat({ max: 99 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: who, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('network' as const), at: who, pick, days: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('meeting' as const), at: who, pick, room: fc.nat({ max: 9 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('delta' as const), from: who, to: who, delivery: fc.constantFrom('now' as const, 'now' as const, 'lost' as const, 'late' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flush' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), at: who, minutes: fc.integer({ min: -30, max: 120 }) }) },
);

function networkInput(record: NetworkRecord) {
  const { rev: _rev, updatedAt: _u, stamps: _s, seen: _seen, arrived: _a, ...input } = record;
  return input;
}
function meetingInput(record: MeetingRecord) {
  const { rev: _rev, updatedAt: _u, stamps: _s, seen: _seen, arrived: _a, id: _id, caseIds: _c, ...input } = record;
  return input;
}
const known = (r: Record<string, unknown>) => ({ ...r, seen: knowledgeOf(r as unknown as StampedRecord) });
async function synced(inst: Installation) {
  const { audit: _audit, networks, meetings, ...rest } = await content(inst.db);
  return { ...rest, networks: networks.map(known), meetings: meetings.map(known) };
}

/** The recipient now holds what a full bundle from the sender would give it (but the delta's own export event). */
async function holdsWhatAFullBundleWould(from: Installation, to: Installation): Promise<void> {
  const full = await send(from, to);
  const ready = await preview(to, full.bytes);
  if (!ready.ok) throw new Error(ready.refusal.code);
  for (const [type, counts] of Object.entries(ready.counts)) {
    expect({ type, ...counts, unchanged: 0 }).toEqual({ type, new: type === 'audit' ? 1 : 0, updated: 0, unchanged: 0, conflicts: 0, quarantined: 0 });
  }
}

async function run(ops: readonly Op[]): Promise<void> {
  const all = await Promise.all(['a', 'b', 'c'].map((name) => installation(name)));
  for (const [i, inst] of all.entries()) inst.setNow(NOW.getTime() + i * 7 * MINUTE); // skewed clocks
  // Each starts with two cases; everyone meets everyone, twice (so every pair has an acknowledged
  // base, and each holds the others' cases exactly as they sent them).
  for (const inst of all) for (let i = 0; i < 2; i++) await createCase(inst);
  for (const from of all) for (const to of all) if (from !== to) await exchange(from, to);
  for (const from of all) for (const to of all) if (from !== to) await exchange(from, to, { scope: { kind: 'delta' } });
  const late: Array<{ to: Installation; bytes: Uint8Array }> = [];
  let n = 0;
  for (const step of ops) {
    for (const inst of all) inst.advance(MINUTE);
    switch (step.kind) {
      case 'create':
        await createCase(all[step.at]!);
        break;
      case 'edit': {
        const inst = all[step.at]!;
        const ids = (await inst.db.consultations.toCollection().primaryKeys()) as string[];
        if (ids.length > 0) await updateConsultation(inst.ctx, ids[step.pick % ids.length]!, validIntake({ question: `Synteettinen kysymys ${step.text} (${inst.name}, ${n++}).` }));
        break;
      }
      case 'delete': {
        const inst = all[step.at]!;
        const ids = (await inst.db.consultations.toCollection().primaryKeys()) as string[];
        if (ids.length > 0) await deleteCase(inst, ids[step.pick % ids.length]!);
        break;
      }
      case 'network': {
        const inst = all[step.at]!;
        const record = (await inst.db.networks.get(NETWORKS[step.pick % NETWORKS.length]!))!;
        await saveNetwork(inst.ctx, { ...networkInput(record), targetResponseDays: step.days });
        break;
      }
      case 'meeting': {
        const inst = all[step.at]!;
        const meetings = await inst.db.meetings.toArray();
        const location = `Huone ${step.room}`;
        if (step.pick < meetings.length) await saveMeeting(inst.ctx, { ...meetingInput(meetings[step.pick]!), location }, meetings[step.pick]!.id);
        else await saveMeeting(inst.ctx, { networkId: NEPSY, date: '2026-12-03', time: '10:00', durationMinutes: 60, mode: 'video', capacity: 2, participants: [], location, notes: '' });
        break;
      }
      case 'delta': {
        if (step.from === step.to) break;
        const [from, to] = [all[step.from]!, all[step.to]!];
        const { bytes, header } = await send(from, to, { scope: { kind: 'delta' } });
        expect(header.scope.kind).toBe('delta');
        if (step.delivery === 'late') late.push({ to, bytes });
        if (step.delivery !== 'now') break;
        await receive(to, bytes);
        await holdsWhatAFullBundleWould(from, to);
        break;
      }
      case 'flush':
        // Late bundles arrive, newest first: an older delta changes nothing that a newer one set.
        for (const { to, bytes } of late.splice(0).reverse()) {
          const ready = await preview(to, bytes);
          if (ready.ok) await receive(to, bytes);
        }
        break;
      case 'tick':
        all[step.at]!.advance(step.minutes * MINUTE);
        break;
    }
  }
  // Settle with deltas only, round a ring (a → b → c → a): what C changed reaches B only as relayed by A.
  for (let round = 0; round < 3; round++) {
    for (const [i, from] of all.entries()) {
      const to = all[(i + 1) % all.length]!;
      from.advance(MINUTE);
      await receive(to, (await send(from, to, { scope: { kind: 'delta' } })).bytes);
      await holdsWhatAFullBundleWould(from, to);
    }
  }
  const [a, b, c] = await Promise.all(all.map(synced));
  expect(b).toEqual(a);
  expect(c).toEqual(a);
  closeAll();
}

describe('delta bundles (property)', () => {
  it('leave the recipient as a full bundle would, after any edits, losses and late arrivals; deltas alone converge', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), (ops) => run(ops)),
      { numRuns: 6 },
    );
  }, 300_000);
});
