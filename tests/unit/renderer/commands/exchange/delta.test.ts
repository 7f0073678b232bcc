import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { previewExport } from '../../../../../renderer/src/commands/exchange';
import { updateConsultation } from '../../../../../renderer/src/commands/consultations';
import { saveNetwork } from '../../../../../renderer/src/commands/networks';
import { saveMeeting } from '../../../../../renderer/src/commands/meetings';
import type { MeetingRecord, NetworkRecord } from '../../../../../renderer/src/db/schema';
import { knowledgeOf } from '../../../../../shared/sync/knowledge';
import type { StampedRecord } from '../../../../../shared/sync/record';
import { NOW, validIntake } from '../../../../fixtures/intake';
import { bundleRecords, closeAll, content, createCase, deleteCase, exchange, installation, NEPSY, preview, receive, routedCase, send, type Installation } from './helpers';

/**
 * A delta bundle carries what the recipient lacks and nothing else — for every record type — and
 * leaves the recipient as a full bundle would (issue 18, item 9).
 */

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function networkInput(record: NetworkRecord) {
  const { rev: _rev, updatedAt: _u, stamps: _s, seen: _seen, arrived: _a, ...input } = record;
  return input;
}
function meetingInput(record: MeetingRecord) {
  const { rev: _rev, updatedAt: _u, stamps: _s, seen: _seen, arrived: _a, id: _id, caseIds: _c, ...input } = record;
  return input;
}

const ids = (records: ReadonlyArray<{ id: string }> | undefined) => (records ?? []).map((r) => r.id).sort();
async function auditIds(inst: Installation): Promise<Set<string>> {
  return new Set((await inst.db.audit.toCollection().primaryKeys()) as string[]);
}
/** A's audit events that B does not hold. */
async function missingOn(b: Installation, a: Installation): Promise<string[]> {
  const held = await auditIds(b);
  return [...(await auditIds(a))].filter((id) => !held.has(id)).sort();
}
/** Everything but the audit log, a registry record's knowledge compared as knowledge (a local edit keeps its older `seen` beside newer stamps). */
const synced = async (inst: Installation) => {
  const { audit: _audit, networks, meetings, ...rest } = await content(inst.db);
  const known = (r: Record<string, unknown>) => ({ ...r, seen: knowledgeOf(r as unknown as StampedRecord) });
  return { ...rest, networks: networks.map(known), meetings: meetings.map(known) };
};

/**
 * A and B hold cases, a meeting and the example networks, and have exchanged full bundles both
 * ways (B acknowledged A's). `before` runs first (e.g. a third installation meeting A).
 */
async function exchangedPair(before?: (a: Installation) => Promise<void>) {
  const a = await installation('a');
  const b = await installation('b');
  await before?.(a);
  const mine = await createCase(a);
  await routedCase(a, NEPSY);
  await createCase(b);
  const meeting = await saveMeeting(a.ctx, { networkId: NEPSY, date: '2026-11-26', time: '10:00', durationMinutes: 60, mode: 'video', capacity: 2, participants: [], location: '', notes: '' });
  a.advance(HOUR);
  b.advance(HOUR);
  await exchange(a, b);
  a.advance(HOUR);
  b.advance(HOUR);
  await exchange(b, a);
  a.advance(HOUR);
  b.advance(HOUR);
  return { a, b, mine, meeting };
}

type Pair = Awaited<ReturnType<typeof exchangedPair>>;

/** Sends A's delta to B, checks it holds exactly `expected` (and of the audit log exactly what B lacks), imports it, and checks B now holds what a full bundle would give it. */
async function deltaCarriesExactly(pair: Pair, expected: { consultation?: string[]; network?: string[]; meeting?: string[] }) {
  const { a, b } = pair;
  const lacking = await missingOn(b, a);
  const plan = await previewExport(a.ctx, { scope: { kind: 'delta' }, recipient: { kind: 'installation', installationId: b.id } });
  const { bytes, header } = await send(a, b, { scope: { kind: 'delta' } });
  expect(header.scope.kind).toBe('delta');
  const records = await bundleRecords(b, bytes);
  expect(Object.keys(records).filter((type) => !['consultation', 'network', 'meeting', 'audit'].includes(type))).toEqual([]);
  expect(ids(records.consultation)).toEqual([...(expected.consultation ?? [])].sort());
  expect(ids(records.network)).toEqual([...(expected.network ?? [])].sort());
  expect(ids(records.meeting)).toEqual([...(expected.meeting ?? [])].sort());
  expect(ids(records.audit)).toEqual(lacking);
  // The export screen's preview counts the same.
  expect(plan.counts).toEqual(Object.fromEntries(Object.entries(records).map(([type, list]) => [type, list.length])));

  await receive(b, bytes);
  // As a full bundle would leave it: the same cases, rows, tombstones, networks and meetings, and
  // of A's log B lacks only the delta's own export event (written after the bundle).
  expect(await synced(b)).toEqual(await synced(a));
  const exportEvent = (await a.db.audit.toArray()).find((e) => e.action === 'exchange.export' && e.entityId === header.bundleId)!;
  expect(await missingOn(b, a)).toEqual([exportEvent.id]);
  const full = await send(a, b);
  const again = await preview(b, full.bytes);
  if (!again.ok) throw new Error(again.refusal.code);
  for (const [type, counts] of Object.entries(again.counts)) expect({ type, ...counts, unchanged: 0 }).toEqual({ type, new: type === 'audit' ? 1 : 0, updated: 0, unchanged: 0, conflicts: 0, quarantined: 0 });
  return { bytes, records };
}

describe('a delta after one change carries exactly that change', () => {
  it('a case edited: that case, no network, no meeting, only the audit events the recipient lacks', async () => {
    const pair = await exchangedPair();
    await updateConsultation(pair.a.ctx, pair.mine.id, validIntake({ question: 'Tarkennettu kysymys koulupoissaolosta.' }));
    await deltaCarriesExactly(pair, { consultation: [pair.mine.id] });
    expect((await pair.b.db.consultations.get(pair.mine.id))?.question).toBe('Tarkennettu kysymys koulupoissaolosta.');
  });

  it('a case added: that case', async () => {
    const pair = await exchangedPair();
    const added = await createCase(pair.a);
    await deltaCarriesExactly(pair, { consultation: [added.id] });
  });

  it('a case deleted: its tombstone', async () => {
    const pair = await exchangedPair();
    await deleteCase(pair.a, pair.mine.id);
    const { records } = await deltaCarriesExactly(pair, { consultation: [pair.mine.id] });
    expect(records.consultation![0]).toMatchObject({ id: pair.mine.id, deleted: true });
    expect(await pair.b.db.consultations.get(pair.mine.id)).toBeUndefined();
  });

  it('a network edited: that network', async () => {
    const pair = await exchangedPair();
    await saveNetwork(pair.a.ctx, { ...networkInput((await pair.a.db.networks.get(NEPSY))!), note: 'Kokoontuu myös etänä.' });
    await deltaCarriesExactly(pair, { network: [NEPSY] });
  });

  it('a meeting edited: that meeting', async () => {
    const pair = await exchangedPair();
    await saveMeeting(pair.a.ctx, { ...meetingInput((await pair.a.db.meetings.get(pair.meeting.id))!), location: 'Huone 2' }, pair.meeting.id);
    await deltaCarriesExactly(pair, { meeting: [pair.meeting.id] });
  });

  it('nothing changed: only the audit events of the exchange itself', async () => {
    const pair = await exchangedPair();
    const { records } = await deltaCarriesExactly(pair, {});
    expect(records.audit!.map((e) => (e as unknown as { action: string }).action).sort()).toEqual(['exchange.export', 'exchange.import']);
  });

  it('an audit event written after the wall clock was set back still travels; nothing older than the base does', async () => {
    const pair = await exchangedPair();
    pair.a.advance(-3 * HOUR); // before the base export's start, by the wall clock
    await updateConsultation(pair.a.ctx, pair.mine.id, validIntake({ question: 'Kello siirtyi taaksepäin.' }));
    const { records } = await deltaCarriesExactly(pair, { consultation: [pair.mine.id] });
    expect(records.audit!.map((e) => (e as unknown as { action: string }).action)).toContain('consultation.update');
  });
});

describe('deltas keep every guarantee of full bundles', () => {
  it('relay what arrived from a third installation, however old its stamps, and never send the recipient its own records back', async () => {
    const c = await installation('c');
    c.setNow(NOW.getTime() - DAY); // C's clock runs a day behind (and it never imports): its stamps are older than A's base
    // C's first bundle grows what A knows of every network; A and B then share that in their full bundles.
    const pair = await exchangedPair(async (a) => void (await exchange(c, a)));
    const { a, b } = pair;
    const theirs = await createCase(c);
    await saveNetwork(c.ctx, { ...networkInput((await c.db.networks.get(NEPSY))!), targetResponseDays: 12 });
    await exchange(c, a);
    await deltaCarriesExactly(pair, { consultation: [theirs.id], network: [NEPSY] });
    expect((await b.db.networks.get(NEPSY))?.targetResponseDays).toBe(12);

    // B's next delta to A (its base: the full bundle A acknowledged) carries none of it back.
    b.advance(HOUR);
    const lacking = await missingOn(a, b);
    const { bytes } = await send(b, a, { scope: { kind: 'delta' } });
    const records = await bundleRecords(a, bytes);
    expect({ consultation: ids(records.consultation), network: ids(records.network), meeting: ids(records.meeting) }).toEqual({ consultation: [], network: [], meeting: [] });
    expect(ids(records.audit)).toEqual(lacking);
    const ready = await receive(a, bytes);
    expect(ready.counts.audit.unchanged).toBe(0);
  });

  it('a lost delta is carried again by the next one; the older one then brings nothing new, and re-importing is a no-op', async () => {
    const pair = await exchangedPair();
    const { a, b } = pair;
    await updateConsultation(a.ctx, pair.mine.id, validIntake({ question: 'Ensimmäinen tarkennus.' }));
    const lost = await send(a, b, { scope: { kind: 'delta' } });
    a.advance(HOUR);
    const added = await createCase(a);
    const { bytes } = await deltaCarriesExactly(pair, { consultation: [pair.mine.id, added.id] });
    const late = await preview(b, lost.bytes);
    expect(late).toMatchObject({ ok: true, nothingNew: true });
    expect(await preview(b, bytes)).toMatchObject({ ok: false, refusal: { code: 'already-imported' } });
  });
});
