import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange } from 'fake-indexeddb';
import { writeBackup } from '../../../../../renderer/src/commands/backup/write';
import { readBackupState } from '../../../../../renderer/src/commands/backup/state';
import { createConsultation } from '../../../../../renderer/src/commands/consultations';
import { createBackupWorkerHost } from '../../../../../renderer/src/commands/backup/worker-host';
import { workerBackupWork, type BackupWorkerLike } from '../../../../../renderer/src/commands/backup/worker-client';
import type { FromBackupWorker, ToBackupWorker } from '../../../../../renderer/src/commands/backup/worker-protocol';
import { BackupError, bytesSource, openBackup } from '../../../../../shared/backup';
import { closeInstallations, FOLDER, keyedInstallation, memoryFolderBridge, PASSPHRASE, type KeyedInstallation } from './support';
import { intakeOf } from './history';

/**
 * A backup's spool written and checked by the backup workers (renderer/src/commands/backup/
 * worker-host.ts, the reader and the writer joined by a MessageChannel), run here in-process
 * through the client's worker seam: the same messages, the same host. A failure or a cancel in a
 * worker leaves no file under a backup's name; the check in the worker finds a changed chunk.
 */

afterEach(closeInstallations);

const OPTIONS = { appVersion: '0.1.0' };

interface Stand {
  /** Every worker started, and whether it was terminated. */
  started: Array<{ roles: string[]; terminated: boolean }>;
  createWorker: () => BackupWorkerLike;
}

/**
 * In-process backup workers on `a`'s database. `spy(message, deliver)` may change or hold back a
 * worker's answer (deliver it, or not).
 */
function standIn(a: KeyedInstallation, spy: (message: FromBackupWorker, deliver: (message: FromBackupWorker) => void) => void = (m, d) => d(m)): Stand {
  const started: Stand['started'] = [];
  const createWorker = (): BackupWorkerLike => {
    const state = { roles: [] as string[], terminated: false };
    started.push(state);
    const listeners: Array<(event: { data: FromBackupWorker }) => void> = [];
    const ports: MessagePort[] = [];
    const host = createBackupWorkerHost(
      (message) => {
        if (state.terminated) return;
        // As a worker's message: in a later task, never inside the sender's call.
        setTimeout(() => spy(message, (m) => !state.terminated && listeners.forEach((listener) => listener({ data: m }))), 0);
      },
      () => ({ indexedDB: a.factory, IDBKeyRange }),
    );
    return {
      postMessage(message: ToBackupWorker) {
        if (state.terminated) return;
        state.roles.push(message.kind);
        if ('port' in message) ports.push(message.port);
        host(message);
      },
      addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
        if (type === 'message') listeners.push(listener as (event: { data: FromBackupWorker }) => void);
      },
      terminate() {
        state.terminated = true;
        for (const port of ports) port.close();
      },
    };
  };
  return { started, createWorker };
}

const everyWorkerEnded = (stand: Stand) => stand.started.every((worker) => worker.terminated);

describe('a backup written by the backup workers', () => {
  it('the reader and the writer make a file that opens with the passphrase, checked in the writer; both end with the backup', async () => {
    const a = await keyedInstallation();
    for (const n of ['1', '2', '3']) await createConsultation(a.ctx, intakeOf(n));
    const stand = standIn(a);
    const { bridge, saved } = memoryFolderBridge();
    const phases = new Set<string>();
    const outcome = await writeBackup(a.ctx, bridge, { kind: 'download' }, { ...OPTIONS, work: () => workerBackupWork(stand.createWorker), onProgress: (p) => phases.add(p.phase) });
    expect(outcome.status).toBe('written');
    expect([...phases]).toEqual(['writing', 'verifying', 'saving']);
    expect(stand.started.map((worker) => worker.roles)).toEqual([['read'], ['write', 'check', 'bytes']]);
    expect(everyWorkerEnded(stand)).toBe(true);
    const opened = await openBackup(bytesSource(saved[0]!), PASSPHRASE, { supportedDatabaseVersion: a.db.verno });
    const scanned = await opened.scan();
    expect(scanned.counts.consultations).toBe(3);
    if (outcome.status === 'written') expect(scanned.digest).toBe(outcome.record.digest);
  });

  it('to a folder: the spool from the workers is copied and checked from the disk', async () => {
    const a = await keyedInstallation();
    await createConsultation(a.ctx, intakeOf('1'));
    const stand = standIn(a);
    const { bridge, files } = memoryFolderBridge();
    const outcome = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, { ...OPTIONS, work: () => workerBackupWork(stand.createWorker) });
    expect(outcome.status).toBe('written');
    expect(files.size).toBe(1);
    expect(stand.started.map((worker) => worker.roles)).toEqual([['read'], ['write']]);
    expect(everyWorkerEnded(stand)).toBe(true);
  });

  it('a chunk changed in the spool is found by the check in the worker: refused, audited, nothing saved', async () => {
    const a = await keyedInstallation();
    await createConsultation(a.ctx, intakeOf('1'));
    const stand = standIn(a, (message, deliver) => {
      if (message.kind !== 'spooled') return deliver(message);
      // One bit of the last chunk flipped between writing and reading back.
      void message.blob.arrayBuffer().then((buffer) => {
        const bytes = new Uint8Array(buffer);
        bytes[bytes.length - 30]! ^= 0x01;
        deliver({ ...message, blob: new Blob([bytes]) });
      });
    });
    const { bridge, saved } = memoryFolderBridge();
    const error = await writeBackup(a.ctx, bridge, { kind: 'download' }, { ...OPTIONS, work: () => workerBackupWork(stand.createWorker) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('verify-mismatch');
    expect(saved).toHaveLength(0);
    expect((await readBackupState(a.db)).last).toBeNull();
    expect((await a.db.audit.toArray()).filter((e) => e.action === 'backup.failed').map((e) => e.details)).toEqual([{ stage: 'verify', code: 'tampered', where: 'download' }]);
    expect(everyWorkerEnded(stand)).toBe(true);
  });

  it('a worker that fails while writing leaves no file in the folder; the failure is recorded in its words', async () => {
    const a = await keyedInstallation();
    await createConsultation(a.ctx, intakeOf('1'));
    const stand = standIn(a, (message, deliver) => {
      // The writer runs out of memory for the spool.
      if (message.kind === 'spooled') deliver({ kind: 'failed', id: message.id, error: { name: 'QuotaExceededError', message: 'no room for the spool' } });
      else deliver(message);
    });
    const { bridge, files } = memoryFolderBridge();
    const error = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, { ...OPTIONS, work: () => workerBackupWork(stand.createWorker) }).catch((e: unknown) => e);
    expect((error as BackupError).code).toBe('storage-full');
    expect(files.size).toBe(0);
    expect((await readBackupState(a.db)).failure).toMatchObject({ code: 'storage-full', stage: 'write' });
    expect(everyWorkerEnded(stand)).toBe(true);
  });

  it('cancelled while the reader reads: both workers end at once, no file, nothing recorded', async () => {
    const a = await keyedInstallation();
    for (const n of ['1', '2']) await createConsultation(a.ctx, intakeOf(n));
    const stand = standIn(a);
    const { bridge, files } = memoryFolderBridge();
    const controller = new AbortController();
    const outcome = await writeBackup(a.ctx, bridge, { kind: 'folder', folder: FOLDER }, {
      ...OPTIONS,
      signal: controller.signal,
      work: () => workerBackupWork(stand.createWorker),
      onProgress: (p) => p.phase === 'writing' && controller.abort(),
    });
    expect(outcome.status).toBe('cancelled');
    expect(files.size).toBe(0);
    expect(everyWorkerEnded(stand)).toBe(true);
    const state = await readBackupState(a.db);
    expect(state.last).toBeNull();
    expect(state.failure).toBeNull();
  });
});
