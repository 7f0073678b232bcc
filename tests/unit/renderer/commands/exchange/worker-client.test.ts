import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBKeyRange } from 'fake-indexeddb';
import type { OtkDatabase } from '../../../../../renderer/src/db/schema';
import { applyImport, createWorkerCodec, exportBundle, previewImport, type ExchangeProgress } from '../../../../../renderer/src/commands/exchange';
import { createWorkerHost } from '../../../../../renderer/src/commands/exchange/worker-host';
import type { WorkerLike } from '../../../../../renderer/src/commands/exchange/worker-client';
import type { FromWorker, ToWorker } from '../../../../../renderer/src/commands/exchange/worker-protocol';
import { NOW } from '../../../../fixtures/intake';
import { closeAll, createCase, FAST_KDF, installation, PASS, snapshot, to } from './helpers';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

/** The bundle worker in-process: messages are structured-cloned and delivered asynchronously, as between threads. */
function inProcessWorker(db?: OtkDatabase) {
  const listeners: { message: Array<(event: { data: FromWorker }) => void>; error: Array<(event: unknown) => void> } = { message: [], error: [] };
  const state = { terminated: false, received: [] as ToWorker['kind'][] };
  const host = createWorkerHost((message) => {
    if (state.terminated) return;
    const copy = structuredClone(message);
    setTimeout(() => !state.terminated && listeners.message.forEach((listener) => listener({ data: copy })));
  }, db ? () => ({ indexedDB: db._options.indexedDB as IDBFactory, IDBKeyRange }) : undefined);
  const worker: WorkerLike = {
    postMessage(message, transfer) {
      if (state.terminated) return;
      state.received.push(message.kind);
      const copy = structuredClone(message, { transfer });
      setTimeout(() => !state.terminated && host(copy));
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      listeners[type].push(listener);
    },
    terminate() {
      state.terminated = true;
    },
  };
  return { worker, state };
}

describe('the bundle worker client', () => {
  it('encodes and decodes off the calling thread, with progress', async () => {
    const a = await installation('a');
    const b = await installation('b');
    for (let i = 0; i < 3; i++) await createCase(a);
    const { worker, state } = inProcessWorker(a.db);
    const codec = createWorkerCodec(() => worker);
    const progress: ExchangeProgress[] = [];
    const { bytes, header } = await exportBundle(a.ctx, { scope: { kind: 'full' }, recipient: to(b), passphrase: PASS, kdfIterations: FAST_KDF, codec, onProgress: (p) => progress.push(p) });
    expect(header.counts.consultation).toBe(3);
    expect(state.received[0]).toBe('encode-start');
    expect(state.received.at(-1)).toBe('encode-end');
    expect(progress.some((p) => p.phase === 'reading')).toBe(true);
    expect(progress.some((p) => p.phase === 'encoding')).toBe(true);

    const decodeProgress: ExchangeProgress[] = [];
    const ready = await previewImport(b.ctx, bytes, PASS, { codec, minIterations: FAST_KDF, onProgress: (p) => decodeProgress.push(p) });
    if (!ready.ok) throw new Error(ready.refusal.code);
    expect(decodeProgress.map((p) => p.phase)).toContain('validating');
    await applyImport(b.ctx, ready);
    expect(await b.db.consultations.count()).toBe(3);

    const refused = await previewImport(b.ctx, bytes, 'väärä', { codec, minIterations: FAST_KDF });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'wrong-passphrase' } });
    codec.dispose();
  });

  it('cancels by terminating the worker; nothing is written and the next job starts a fresh worker', async () => {
    const a = await installation('a');
    const b = await installation('b');
    for (let i = 0; i < 3; i++) await createCase(a);
    const workers: ReturnType<typeof inProcessWorker>[] = [];
    const codec = createWorkerCodec(() => {
      const created = inProcessWorker(a.db);
      workers.push(created);
      return created.worker;
    });
    const before = await snapshot(a.db);
    const controller = new AbortController();
    await expect(
      exportBundle(a.ctx, {
        scope: { kind: 'full' },
        recipient: to(b),
        passphrase: PASS,
        kdfIterations: FAST_KDF,
        codec,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'reading') controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    // The encoder, and the reader of the stored tables if it had started: all stopped.
    const stopped = workers.length;
    expect(stopped).toBeGreaterThanOrEqual(1);
    expect(workers.every((w) => w.state.terminated)).toBe(true);
    expect(await snapshot(a.db)).toEqual(before);

    const again = await exportBundle(a.ctx, { scope: { kind: 'full' }, recipient: to(b), passphrase: PASS, kdfIterations: FAST_KDF, codec });
    expect(again.header.counts.consultation).toBe(3);
    // A fresh encoder and fresh readers.
    expect(workers.slice(stopped).map((w) => [w.state.terminated, w.state.received.includes('read-lines')])).toEqual([
      [false, false],
      [false, true],
      [false, true],
    ]);
    codec.dispose();
  });
});
