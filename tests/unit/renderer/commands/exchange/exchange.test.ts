import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyImport, previewExport, requesterScopeIdOf } from '../../../../../renderer/src/commands/exchange';
import { exchangeHistory, exchangePeers } from '../../../../../renderer/src/queries/exchange';
import { updateConsultation } from '../../../../../renderer/src/commands/consultations';
import { COUNTER_REV } from '../../../../../renderer/src/db/counters';
import { verifyAuditLog } from '../../../../../renderer/src/commands/audit-verify';
import { counterValue } from '../../../../../renderer/src/queries/consultations';
import { collectEntries, decodeBundle } from '../../../../../shared/sync/bundle';
import { SYNC_SCHEMA_VERSION } from '../../../../../shared/sync/schema-version';
import { NETWORK_FIELDS, NETWORK_UNSTAMPED, REQUESTER_FIELDS, REQUESTER_UNSTAMPED } from '../../../../../shared/sync/scope';
import { NOW, validIntake } from '../../../../fixtures/intake';
import { caseCounters, closeAll, content, createCase, exchange, FAST_KDF, installation, MULTI, NEPSY, PASS, preview, receive, routedCase, send, snapshot } from './helpers';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

const HOUR = 3_600_000;
const withoutExchangeEvents = (c: Awaited<ReturnType<typeof content>>) => ({ ...c, audit: c.audit.filter((e) => e.entity !== 'exchange') });

describe('full bundles between two installations', () => {
  it('make the consultations, list rows, networks and counters identical, and re-importing changes nothing', async () => {
    const a = await installation('a');
    const b = await installation('b');
    await createCase(a);
    await routedCase(a, NEPSY, { question: 'Miten tukea perhettä arjessa?' });
    a.advance(HOUR);
    await createCase(a, { urgency: 'urgent' });

    const { bytes, header } = await send(a, b);
    expect(header.scope).toEqual({ kind: 'full' });
    expect(header.counts.consultation).toBe(3);
    const ready = await preview(b, bytes);
    if (!ready.ok) throw new Error(ready.refusal.code);
    expect(ready.counts.consultation).toEqual({ new: 3, updated: 0, unchanged: 0, conflicts: 0, quarantined: 0 });
    expect(ready.counts.audit.new).toBe(header.counts.audit);
    expect(ready.nothingNew).toBe(false);
    const before = await snapshot(b.db);
    expect(before.consultations).toEqual([]); // the preview wrote nothing
    const result = await applyImport(b.ctx, ready);
    expect(result).toMatchObject({ applied: true, newConflicts: 0, quarantined: 0 });

    b.advance(HOUR);
    await exchange(b, a);
    const [ca, cb] = [withoutExchangeEvents(await content(a.db)), withoutExchangeEvents(await content(b.db))];
    expect(cb.consultations).toHaveLength(3);
    expect(cb.consultations).toEqual(ca.consultations);
    expect(cb.caseRows).toEqual(ca.caseRows);
    expect(cb.networks).toEqual(ca.networks);
    expect(cb.audit).toEqual(ca.audit);
    expect(await caseCounters(b.db)).toEqual(await caseCounters(a.db));
    expect(await caseCounters(b.db)).toEqual({ 'consultations:total': 3, 'consultations:status:received': 2, 'consultations:status:routed': 1 });
    // Every row B wrote has a fresh revision the work list's change feed sees.
    const rowRevs = (await b.db.caseRows.toArray()).map((row) => row.rev);
    expect(Math.min(...rowRevs)).toBeGreaterThan(0);
    expect(await counterValue(b.db, COUNTER_REV)).toBeGreaterThanOrEqual(Math.max(...rowRevs));

    // The same bundle again: refused as already imported, and the old preview applies nothing.
    const again = await preview(b, bytes);
    expect(again).toMatchObject({ ok: false, refusal: { code: 'already-imported', messageKey: 'exchange.refusal.already-imported' } });
    const frozen = await snapshot(b.db);
    expect(await applyImport(b.ctx, ready)).toMatchObject({ applied: false, reason: 'already-imported' });
    expect(await snapshot(b.db)).toEqual(frozen);
  });

  it('logs and audits both sides without case content, and remembers the peer', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const record = await createCase(a);
    const { header } = await exchange(a, b);
    const [sent] = await exchangeHistory(a.db);
    expect(sent).toMatchObject({ id: header.bundleId, direction: 'sent', peer: b.id, scope: 'full', counts: header.counts });
    const [imported] = await exchangeHistory(b.db);
    expect(imported).toMatchObject({ id: header.bundleId, direction: 'imported', peer: a.id, scope: 'full' });
    expect((await exchangePeers(b.db))[0]).toMatchObject({ id: a.id, kind: 'installation', state: { received: header.clock.to } });
    const exportEvent = (await a.db.audit.toArray()).find((e) => e.action === 'exchange.export')!;
    expect(exportEvent).toMatchObject({ entity: 'exchange', entityId: header.bundleId, details: { recipient: b.id, scope: 'full', consultation: '1' } });
    const importEvent = (await b.db.audit.toArray()).find((e) => e.action === 'exchange.import')!;
    expect(importEvent).toMatchObject({ entity: 'exchange', details: { sender: a.id, scope: 'full', new: expect.any(String) } });
    for (const event of [exportEvent, importEvent]) expect(JSON.stringify(event)).not.toContain(record.question);
    // The imported case's timeline is the sender's.
    const timeline = await b.db.audit.where('[entityId+at]').between([record.id, ''], [record.id, '\uffff']).toArray();
    expect(timeline.map((e) => e.action)).toEqual(['consultation.create']);
    // The sender's events keep their chain: the importer's bookkeeping is not part of what was hashed.
    expect((await verifyAuditLog(b.ctx)).result).toMatchObject({ ok: true, peers: expect.arrayContaining([a.id, b.id]) });
  });

  it('keeps case-code sequences ahead of imported codes with the same prefix', async () => {
    const a = await installation('a');
    const b = await installation('b');
    await createCase(a);
    await createCase(a);
    await exchange(a, b);
    const own = await createCase(b);
    expect(own.caseCode).toBe('OTK-2026-0003');
  });
});

describe('delta bundles', () => {
  it('carry only what changed since the last bundle the recipient acknowledged', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const first = await createCase(a);
    await createCase(a);
    await createCase(a);
    // Without an acknowledged base, a delta is written as a full bundle.
    expect((await previewExport(a.ctx, { scope: { kind: 'delta' }, recipient: { kind: 'installation', installationId: b.id } })).scope).toEqual({ kind: 'full' });
    const { header: base } = await exchange(a, b, { scope: { kind: 'delta' } });
    expect(base.scope.kind).toBe('full');
    a.advance(HOUR);
    b.advance(HOUR);
    await exchange(b, a); // acknowledges A's bundle
    a.advance(HOUR);
    await updateConsultation(a.ctx, first.id, validIntake({ question: 'Tarkennettu kysymys koulupoissaolosta.' }));

    const plan = await previewExport(a.ctx, { scope: { kind: 'delta' }, recipient: { kind: 'installation', installationId: b.id } });
    expect(plan.scope).toEqual({ kind: 'delta', since: base.clock.to });
    expect(plan.counts.consultation).toBe(1);
    const { bytes, header } = await send(a, b, { scope: { kind: 'delta' } });
    expect(header.scope).toEqual({ kind: 'delta', since: base.clock.to });
    expect(header.clock.from).toBe(base.clock.to);
    expect(header.counts.consultation).toBe(1);
    const ready = await receive(b, bytes);
    expect(ready.counts.consultation).toEqual({ new: 0, updated: 1, unchanged: 0, conflicts: 0, quarantined: 0 });
    expect((await b.db.consultations.get(first.id))?.question).toBe('Tarkennettu kysymys koulupoissaolosta.');
    expect((await b.db.caseRows.get(first.id))?.rev).toBe(await counterValue(b.db, COUNTER_REV) - ready.counts.audit.new - 1);
  });
});

describe('network scope', () => {
  it('carries only the cases currently routed to that network, only the fields it needs', async () => {
    const a = await installation('a');
    const expert = await installation('expert');
    const ours = await routedCase(a, NEPSY);
    await routedCase(a, MULTI);
    await createCase(a);
    const plan = await previewExport(a.ctx, { scope: { kind: 'network', networkId: NEPSY }, recipient: { kind: 'named', name: 'Nepsy-tiimin yhteyshenkilö' } });
    expect(plan.counts).toEqual({ consultation: 1, network: 1 });
    expect(plan.fields).toEqual(NETWORK_FIELDS);

    const { bytes, header } = await send(a, { kind: 'named', name: 'Nepsy-tiimin yhteyshenkilö' }, { scope: { kind: 'network', networkId: NEPSY } });
    expect(header.acknowledged).toEqual({});
    const decoded = await collectEntries(await decodeBundle(bytes, PASS, { installationId: expert.id, supportedSchemaVersion: SYNC_SCHEMA_VERSION, minIterations: FAST_KDF }));
    expect(Object.keys(decoded).sort()).toEqual(['consultation', 'network']);
    expect(decoded.consultation).toHaveLength(1);
    const sent = decoded.consultation![0] as Record<string, unknown> & { stamps: Record<string, string> };
    expect(sent.id).toBe(ours.id);
    const allowed = new Set<string>([...NETWORK_FIELDS, ...NETWORK_UNSTAMPED, 'stamps']);
    expect(Object.keys(sent).filter((key) => !allowed.has(key))).toEqual([]);
    expect(sent.requester).toBeUndefined();
    expect(sent.seen).toBeUndefined();
    expect(Object.keys(sent.stamps).every((field) => (NETWORK_FIELDS as readonly string[]).includes(field))).toBe(true);

    const ready = await receive(expert, bytes);
    expect(ready.counts.consultation.new).toBe(1);
    const row = await expert.db.caseRows.get(ours.id);
    expect(row).toMatchObject({ caseCode: ours.caseCode, networkId: NEPSY, status: 'routed', requesterName: '', organisation: '' });
    const stored = await expert.db.consultations.get(ours.id);
    expect(stored?.question).toBe(ours.question);
    expect(stored?.requester.email).toBe('');
    expect(stored?.stamps.requester).toBeUndefined();
    expect(await caseCounters(expert.db)).toEqual({ 'consultations:total': 1, 'consultations:status:routed': 1 });
    // A partial bundle is not a base for deltas.
    expect((await exchangePeers(expert.db))[0]?.state).toEqual({});

    // The expert's installation sends back what it holds: the centre's full record is not touched by the neutral values.
    const back = await exchange(expert, a);
    expect(back.ready.counts.consultation).toMatchObject({ new: 0, conflicts: 0 });
    expect((await a.db.consultations.get(ours.id))?.requester).toEqual(ours.requester);
  });
});

describe('requester scope', () => {
  it('carries only that requester\'s cases, with their status and recommendation but not the routing', async () => {
    const a = await installation('a');
    const requester = await installation('requester');
    const theirs = await routedCase(a, NEPSY);
    const other = validIntake().requester;
    await createCase(a, { requester: { ...other, name: 'Toinen Pyytäjä', email: 'toinen@example.invalid' } });
    const requesterId = await requesterScopeIdOf(theirs.requester);
    const { bytes, header } = await send(a, { kind: 'named', name: 'Pyytäjä' }, { scope: { kind: 'requester', requesterId } });
    expect(header.scope).toEqual({ kind: 'requester', requesterId });
    expect(JSON.stringify(header)).not.toContain(theirs.requester.name);
    const decoded = await collectEntries(await decodeBundle(bytes, PASS, { installationId: requester.id, supportedSchemaVersion: SYNC_SCHEMA_VERSION, minIterations: FAST_KDF }));
    expect(Object.keys(decoded)).toEqual(['consultation']);
    expect(decoded.consultation).toHaveLength(1);
    const allowed = new Set<string>([...REQUESTER_FIELDS, ...REQUESTER_UNSTAMPED, 'stamps']);
    expect(Object.keys(decoded.consultation![0] as object).filter((key) => !allowed.has(key))).toEqual([]);
    await receive(requester, bytes);
    expect(await requester.db.caseRows.get(theirs.id)).toMatchObject({ status: 'routed', networkId: '', requesterName: theirs.requester.name, area: theirs.area });
  });
});
