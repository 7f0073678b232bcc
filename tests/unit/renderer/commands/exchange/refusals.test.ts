import { expertProfile } from '../../support/profiles';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyImport, exportBundle } from '../../../../../renderer/src/commands/exchange';
import { NETWORK_FIELDS, NETWORK_UNSTAMPED, projectFields } from '../../../../../shared/sync/scope';
import { NOW } from '../../../../fixtures/intake';
import { closeAll, createCase, FAST_KDF, forged, installation, MULTI, NEPSY, PASS, preview, routedCase, send, snapshot, to, type Installation } from './helpers';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  closeAll();
});

async function expectRefusedUnchanged(target: Installation, bytes: Uint8Array, code: string, passphrase = PASS) {
  const before = await snapshot(target.db);
  const result = await preview(target, bytes, passphrase);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.refusal.code).toBe(code);
  expect(await snapshot(target.db)).toEqual(before);
  return result;
}

describe('bundles that are refused change nothing and say why', () => {
  it('wrong passphrase, tampered, truncated, wrong recipient, own bundle', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const c = await installation('c');
    await createCase(a);
    const { bytes } = await send(a, b);

    const wrong = await expectRefusedUnchanged(b, bytes, 'wrong-passphrase', 'väärä salasana');
    if (!wrong.ok) expect(wrong.refusal.messageKey).toBe('bundle.error.wrong-passphrase');
    const tampered = bytes.slice();
    tampered[tampered.length - 40]! ^= 0x01;
    await expectRefusedUnchanged(b, tampered, 'tampered');
    await expectRefusedUnchanged(b, bytes.slice(0, bytes.length - 7), 'truncated');
    await expectRefusedUnchanged(c, bytes, 'wrong-recipient');
    const named = await send(a, { kind: 'named', name: 'itselle' });
    await expectRefusedUnchanged(a, named.bytes, 'own-bundle');
  });

  it('a network bundle holding a case of another network, or fields beyond the network scope', async () => {
    const a = await installation('a');
    const expert = await installation('expert');
    // The expert desk of NEPSY (issue 11): it never takes in another network's case.
    expert.ctx.profile = expertProfile(NEPSY);
    const other = await routedCase(a, MULTI);
    const ours = await routedCase(a, NEPSY);
    const project = (record: typeof ours) => projectFields(record, NETWORK_FIELDS, NETWORK_UNSTAMPED);

    const foreign = await forged(a, { kind: 'network', networkId: NEPSY }, [
      { type: 'consultation', record: project(ours) },
      { type: 'consultation', record: project(other) },
    ]);
    const refused = await expectRefusedUnchanged(expert, foreign, 'other-network');
    if (!refused.ok) expect(refused.refusal).toMatchObject({ messageKey: 'exchange.refusal.other-network', detail: { type: 'consultation', index: 1, field: 'routing' } });

    const { rev: _rev, ...full } = ours;
    const tooMuch = await forged(a, { kind: 'network', networkId: NEPSY }, [{ type: 'consultation', record: full }]);
    await expectRefusedUnchanged(expert, tooMuch, 'out-of-scope');
    const audit = await forged(a, { kind: 'network', networkId: NEPSY }, [{ type: 'audit', record: (await a.db.audit.toArray())[0] }]);
    await expectRefusedUnchanged(expert, audit, 'out-of-scope');
  });

  it('records that do not have the shape of their type', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const record = await createCase(a);
    const { rev: _rev, question: _question, ...noQuestion } = record;
    await expectRefusedUnchanged(b, await forged(a, { kind: 'full' }, [{ type: 'consultation', record: noQuestion }]), 'invalid-record');
    const { rev: _r, ...plain } = record;
    const badStamp = { ...plain, stamps: { ...plain.stamps, question: 'yesterday' } };
    await expectRefusedUnchanged(b, await forged(a, { kind: 'full' }, [{ type: 'consultation', record: badStamp }]), 'invalid-record');
    await expectRefusedUnchanged(b, await forged(a, { kind: 'full' }, [{ type: 'recommendation', record: { id: 'x' } }]), 'invalid-record');
  });
});

describe('applying is all or nothing', () => {
  it('a failure in the middle of the transaction leaves the database as it was', async () => {
    const a = await installation('a');
    const b = await installation('b');
    await createCase(a);
    await createCase(a);
    const { bytes } = await send(a, b);
    const ready = await preview(b, bytes);
    if (!ready.ok) throw new Error(ready.refusal.code);
    const before = await snapshot(b.db);
    const spy = vi.spyOn(b.db.caseRows, 'bulkPut').mockImplementationOnce(() => Promise.reject(new Error('disk full')) as never);
    await expect(applyImport(b.ctx, ready)).rejects.toThrow('disk full');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await snapshot(b.db)).toEqual(before);
    // And it can be applied afterwards.
    spy.mockRestore();
    expect(await applyImport(b.ctx, ready)).toMatchObject({ applied: true });
    expect(await b.db.consultations.count()).toBe(2);
  });

  it('applies against the current state when the database changed since the preview', async () => {
    const a = await installation('a');
    const b = await installation('b');
    await createCase(a);
    const { bytes } = await send(a, b);
    const ready = await preview(b, bytes);
    if (!ready.ok) throw new Error(ready.refusal.code);
    await createCase(b); // moves B's revision: the plan is worked out again inside the transaction
    await applyImport(b.ctx, ready);
    expect(await b.db.consultations.count()).toBe(2);
    expect(await b.db.counters.get('consultations:total')).toMatchObject({ value: 2 });
  });
});

describe('cancelling an export', () => {
  it('leaves nothing written', async () => {
    const a = await installation('a');
    const b = await installation('b');
    for (let i = 0; i < 3; i++) await createCase(a);
    const before = await snapshot(a.db);
    const controller = new AbortController();
    await expect(
      exportBundle(a.ctx, {
        scope: { kind: 'full' },
        recipient: to(b),
        passphrase: PASS,
        kdfIterations: FAST_KDF,
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.phase === 'encoding') controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot(a.db)).toEqual(before);
  });
});
