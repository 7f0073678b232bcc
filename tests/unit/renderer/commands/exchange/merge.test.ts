import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyImport, resolveConflictCommand } from '../../../../../renderer/src/commands/exchange';
import { conflictsOfCase, openConflictCount, quarantinedRecords, exchangePeers } from '../../../../../renderer/src/queries/exchange';
import { updateConsultation } from '../../../../../renderer/src/commands/consultations';
import { CommandError, ValidationError } from '../../../../../renderer/src/access/errors';
import { readClock } from '../../../../../renderer/src/commands/exchange/peers';
import { formatStamp } from '../../../../../shared/sync/hlc';
import { NOW, validIntake } from '../../../../fixtures/intake';
import { caseCounters, closeAll, content, createCase, deleteCase, exchange, installation, preview, receive, send, snapshot } from './helpers';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

const HOUR = 3_600_000;
const MINE = 'Miten koulu voi tukea nuoren paluuta? (A:n tarkennus)';
const THEIRS = 'Miten perhe ja koulu voivat yhdessä tukea paluuta? (B:n tarkennus)';

describe('concurrent free-text edits', () => {
  it('keep the losing text as a conflict, flag the case, and the resolution is audited and travels as a plain update', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const record = await createCase(a);
    await exchange(a, b);
    a.advance(HOUR);
    await updateConsultation(a.ctx, record.id, validIntake({ question: MINE }));
    b.advance(2 * HOUR);
    await updateConsultation(b.ctx, record.id, validIntake({ question: THEIRS }));

    a.advance(2 * HOUR);
    const { bytes } = await send(b, a);
    const ready = await preview(a, bytes);
    if (!ready.ok) throw new Error(ready.refusal.code);
    expect(ready.counts.consultation.conflicts).toBe(1);
    expect(ready.conflicts).toEqual([{ kind: 'concurrent-edit', recordId: record.id, caseCode: record.caseCode, field: 'question', losingSide: 'local' }]);
    expect(await applyImport(a.ctx, ready)).toMatchObject({ applied: true, newConflicts: 1 });

    expect((await a.db.consultations.get(record.id))?.question).toBe(THEIRS); // the later stamp wins…
    const [conflict] = await conflictsOfCase(a.db, record.id);
    expect(conflict).toMatchObject({ state: 'open', field: 'question', losing: MINE, kind: 'concurrent-edit' }); // …and nothing is lost
    expect(await openConflictCount(a.db)).toBe(1);

    a.advance(HOUR);
    await expect(resolveConflictCommand(a.ctx, conflict!.id, { kind: 'edit', value: '' })).rejects.toBeInstanceOf(ValidationError);
    const resolved = await resolveConflictCommand(a.ctx, conflict!.id, { kind: 'restore-losing' });
    expect(resolved).toMatchObject({ state: 'resolved', resolution: { kind: 'restore-losing', by: 'koordinaattori-a' } });
    expect((await a.db.consultations.get(record.id))?.question).toBe(MINE);
    expect(await openConflictCount(a.db)).toBe(0);
    const audit = (await a.db.audit.toArray()).find((e) => e.action === 'conflict.resolve');
    expect(audit).toMatchObject({ entity: 'consultation', entityId: record.id, fields: ['question'], details: { resolution: 'restore-losing', conflict: 'concurrent-edit' } });
    expect(JSON.stringify(audit)).not.toContain(MINE);
    await expect(resolveConflictCommand(a.ctx, conflict!.id, { kind: 'keep-current' })).rejects.toBeInstanceOf(CommandError);

    // B receives the resolution as an ordinary update: no conflict there, and both agree.
    b.advance(3 * HOUR);
    const back = await exchange(a, b);
    expect(back.ready.counts.consultation).toMatchObject({ updated: 1, conflicts: 0 });
    expect((await b.db.consultations.get(record.id))?.question).toBe(MINE);
    expect(await openConflictCount(b.db)).toBe(0);
    // Importing A's first conflicting bundle into A again is a no-op (already imported); the conflict stays resolved.
    expect((await preview(a, bytes)).ok).toBe(false);
    expect((await conflictsOfCase(a.db, record.id)).map((c) => c.state)).toEqual(['resolved']);
  });

  it('edit: the coordinator writes a merged text', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const record = await createCase(a);
    await exchange(a, b);
    a.advance(HOUR);
    await updateConsultation(a.ctx, record.id, validIntake({ question: MINE }));
    b.advance(2 * HOUR);
    await updateConsultation(b.ctx, record.id, validIntake({ question: THEIRS }));
    a.advance(2 * HOUR);
    await exchange(b, a);
    const [conflict] = await conflictsOfCase(a.db, record.id);
    await resolveConflictCommand(a.ctx, conflict!.id, { kind: 'edit', value: `${MINE} ${THEIRS}` });
    const after = await a.db.consultations.get(record.id);
    expect(after?.question).toBe(`${MINE} ${THEIRS}`);
    expect((await a.db.caseRows.get(record.id))?.rev).toBe(after?.rev);
  });
});

describe('tombstones', () => {
  it('delete the case on the other side (rows and counters follow), keep unseen edits as conflicts, and never resurrect', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const gone = await createCase(a);
    await createCase(a);
    await exchange(a, b);
    b.advance(HOUR);
    await updateConsultation(b.ctx, gone.id, validIntake({ question: THEIRS }));
    a.advance(2 * HOUR);
    await deleteCase(a, gone.id);

    b.advance(2 * HOUR);
    const { ready } = await exchange(a, b);
    expect(ready.counts.consultation.conflicts).toBe(1);
    expect(await b.db.consultations.get(gone.id)).toBeUndefined();
    expect(await b.db.caseRows.get(gone.id)).toBeUndefined();
    expect(await b.db.tombstones.get(gone.id)).toMatchObject({ deleted: true });
    expect(await caseCounters(b.db)).toEqual({ 'consultations:total': 1, 'consultations:status:received': 1 });
    const [conflict] = await conflictsOfCase(b.db, gone.id);
    expect(conflict).toMatchObject({ kind: 'edited-after-delete', field: 'question', losing: THEIRS, losingSide: 'local' });
    await expect(resolveConflictCommand(b.ctx, conflict!.id, { kind: 'restore-losing' })).rejects.toBeInstanceOf(CommandError);
    await resolveConflictCommand(b.ctx, conflict!.id, { kind: 'keep-current' });

    // B now holds the tombstone: its full bundle deletes nothing more and brings nothing back.
    a.advance(3 * HOUR);
    await exchange(b, a);
    expect(await a.db.consultations.get(gone.id)).toBeUndefined();
    expect((await content(a.db)).tombstones).toEqual((await content(b.db)).tombstones);
    expect(await caseCounters(a.db)).toEqual({ 'consultations:total': 1, 'consultations:status:received': 1 });
  });
});

describe('quarantine', () => {
  it('sets aside records whose clocks are more than 24 h ahead, applies the rest, and does not count the bundle as received', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const fine = await createCase(a);
    a.advance(48 * HOUR); // A's clock is two days fast
    const ahead = await createCase(a);
    const { bytes } = await send(a, b);
    const ready = await preview(b, bytes);
    if (!ready.ok) throw new Error(ready.refusal.code);
    expect(ready.counts.consultation).toMatchObject({ new: 1, quarantined: 1 });
    expect(ready.quarantined.find((q) => q.type === 'consultation')).toMatchObject({ recordId: ahead.id });
    await applyImport(b.ctx, ready);
    expect(await b.db.consultations.get(fine.id)).toBeDefined();
    expect(await b.db.consultations.get(ahead.id)).toBeUndefined();
    expect(await quarantinedRecords(b.db)).toContainEqual(expect.objectContaining({ recordId: ahead.id, type: 'consultation', message: 'sync.quarantine.clockAhead' }));
    // B's clock did not jump two days ahead.
    expect((await readClock(b.db)).wall).toBeLessThan(NOW.getTime() + 24 * HOUR);
    expect(formatStamp(await readClock(b.db)) < ahead.stamps.question).toBe(true);
    expect((await exchangePeers(b.db))[0]?.state.received).toBeUndefined();
  });
});

describe('re-import', () => {
  it('of a bundle whose cases are already here (through another bundle) leaves them untouched', async () => {
    const a = await installation('a');
    const b = await installation('b');
    await createCase(a);
    await exchange(a, b);
    const second = await send(a, b); // same content, new bundle id
    const ready = await preview(b, second.bytes);
    if (!ready.ok) throw new Error(ready.refusal.code);
    expect(ready.counts.consultation).toEqual({ new: 0, updated: 0, unchanged: 1, conflicts: 0, quarantined: 0 });
    expect(ready.counts.network).toMatchObject({ new: 0, updated: 0 });
    expect(ready.counts.audit.new).toBe(1); // only A's record of having sent the first bundle
    expect(ready.nothingNew).toBe(false);
    const before = await snapshot(b.db);
    await receive(b, (await send(a, b)).bytes);
    const after = await snapshot(b.db);
    expect(after.consultations).toEqual(before.consultations);
    expect(after.caseRows).toEqual(before.caseRows);
  });
});
