import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkerHost } from '../../../../../renderer/src/commands/exchange/worker-host';
import { createWorkerCodec, type WorkerLike } from '../../../../../renderer/src/commands/exchange/worker-client';
import { DECODED_BATCH, type FromWorker } from '../../../../../renderer/src/commands/exchange/worker-protocol';
import { nextTask, timeSlicer } from '../../../../../renderer/src/db/next-task';
import { SYNC_SCHEMA_VERSION } from '../../../../../shared/sync/schema-version';
import { NOW } from '../../../../fixtures/intake';
import { closeAll, createCase, FAST_KDF, forged, installation, PASS } from './helpers';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

describe('the bundle worker hands a decoded bundle back in slices', () => {
  it('posts the records DECODED_BATCH at a time before an outcome that holds none; the client puts them back', async () => {
    const a = await installation('a');
    const { rev: _rev, ...record } = await createCase(a);
    // More records than one slice: the same case under many ids (the worker only decodes and checks).
    const n = DECODED_BATCH * 2 + 3;
    const entries = Array.from({ length: n }, (_, i) => ({ type: 'consultation', record: { ...record, id: `${record.id.slice(0, -6)}${String(i).padStart(6, '0')}` } }));
    const bytes = await forged(a, { kind: 'full' }, entries);
    const job = { bytes, passphrase: PASS, expectations: { installationId: 'somewhere-else', supportedSchemaVersion: SYNC_SCHEMA_VERSION, minIterations: FAST_KDF } };

    const posted: FromWorker[] = [];
    const done = new Promise<void>((resolve) => {
      const host = createWorkerHost((message) => {
        posted.push(structuredClone(message));
        if (message.kind === 'decoded' || message.kind === 'failed') resolve();
      });
      host({ kind: 'decode', id: 1, job });
    });
    await done;
    const slices = posted.filter((m) => m.kind === 'decoded-records');
    expect(slices.map((m) => (m.kind === 'decoded-records' ? m.records.length : 0))).toEqual([DECODED_BATCH, DECODED_BATCH, 3]);
    const last = posted.at(-1)!;
    expect(last.kind).toBe('decoded');
    if (last.kind === 'decoded' && last.outcome.ok) expect(last.outcome.records.consultation).toEqual([]);

    // The client, over the same host as a worker: the whole bundle, in order.
    const listeners: Array<(event: { data: FromWorker }) => void> = [];
    const host = createWorkerHost((message) => {
      const copy = structuredClone(message);
      setTimeout(() => listeners.forEach((listener) => listener({ data: copy })));
    });
    const worker: WorkerLike = {
      postMessage: (message) => setTimeout(() => host(structuredClone(message))),
      addEventListener: ((type: string, listener: (event: { data: FromWorker }) => void) => type === 'message' && listeners.push(listener)) as WorkerLike['addEventListener'],
      terminate: () => undefined,
    };
    const outcome = await createWorkerCodec(() => worker).decode(job);
    if (!outcome.ok) throw new Error(outcome.refusal.code);
    expect(outcome.records.consultation.map((r) => r.id)).toEqual(entries.map((e) => (e.record as { id: string }).id));
  });
});

describe('time slices', () => {
  it('yields only once the budget is used up, in a new task', async () => {
    const pause = timeSlicer(1_000_000);
    expect(pause()).toBeNull();
    const spent = timeSlicer(0);
    let later = false;
    const yielded = spent();
    expect(yielded).not.toBeNull();
    void Promise.resolve().then(() => (later = true));
    await yielded;
    expect(later).toBe(true);
    await expect(nextTask()).resolves.toBeUndefined();
  });
});
