import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BackupError, bytesSource, createBackupWriter, keySlotsOf, openBackup, type BackupErrorCode } from '../../../../shared/backup';
import { createKeyEnvelope } from '../../../../shared/protection/keys';
import { concatBytes } from '../../../../shared/sync/bundle/bytes';

/**
 * Fuzz: damage a real backup (flip bytes, cut it anywhere, insert bytes, drop, swap or repeat
 * chunks) and open it the way a restore does (open, scan, read every row). Every outcome is a
 * refusal with a fitting code — never rows, never another exception type, never the reader's
 * last-resort "could not be read" net.
 */

const NOW = new Date('2026-11-23T10:00:00Z');
const PASS = 'koordinaattorin pitkä tunnuslause';
const OPEN = { supportedDatabaseVersion: 6, minIterations: 1000 } as const;
const ALLOWED: ReadonlySet<BackupErrorCode> = new Set(['not-a-backup', 'exchange-file', 'newer-format', 'wrong-key', 'tampered', 'truncated', 'invalid-header', 'weak-kdf', 'older-database']);

async function readAll(file: Uint8Array): Promise<number> {
  const opened = await openBackup(bytesSource(file), PASS, OPEN);
  await opened.scan();
  let rows = 0;
  for await (const batch of opened.entries()) rows += batch.records.length;
  return rows;
}

async function refusalOf(file: Uint8Array): Promise<BackupErrorCode> {
  try {
    await readAll(file);
  } catch (error) {
    if (!(error instanceof BackupError)) throw new Error(`not a BackupError: ${String(error)}`, { cause: error });
    if (error.message === 'the backup could not be read') throw new Error(`fell through to the safety net: ${String(error.cause)}`, { cause: error });
    if (!ALLOWED.has(error.code)) throw new Error(`unexpected code ${error.code}`, { cause: error });
    return error.code;
  }
  throw new Error('a damaged backup was accepted');
}

describe.each(['none', 'deflate-raw'] as const)('damaged backups are refused (payload %s)', (compression) => {
  let bytes: Uint8Array;
  let frames: Array<[number, number]>;

  beforeAll(async () => {
    const { envelope, dataKey } = await createKeyEnvelope(PASS, { iterations: 1000, minIterations: 1000 });
    const parts: Uint8Array[] = [];
    const rows = Array.from({ length: 60 }, (_, i) => ({ id: `row-${i}`, text: `Synteettinen sisältö ${i} `.repeat(1 + (i % 11)) }));
    const writer = await createBackupWriter(
      { sender: { installationId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', name: 'Fuzz' }, app: { version: '0.1.0' }, databaseVersion: 6, counts: { consultations: 60 }, slots: keySlotsOf([{ id: 'p1', role: 'coordinator', envelope }]), installationKey: dataKey, now: NOW, chunkBytes: 128, compression },
      { write: async (b) => void parts.push(b.slice()) },
    );
    await writer.add('consultations', rows);
    await writer.finish();
    bytes = concatBytes(parts);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    frames = [];
    for (let at = 10 + view.getUint32(6) + 16; at < bytes.length; at += 4 + view.getUint32(at)) frames.push([at, at + 4 + view.getUint32(at)]);
    expect(frames.length).toBeGreaterThan(3);
    expect(await readAll(bytes)).toBe(60);
    expect(new TextDecoder().decode(bytes.subarray(0, frames[0]![0]))).toContain(`"compression":"${compression}"`);
  });

  const frameList = () => frames.map(([a, b]) => bytes.slice(a, b));
  const headOnly = () => bytes.slice(0, frames[0]![0]);

  it('any flipped byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const damaged = bytes.slice();
        damaged[at % damaged.length]! ^= mask;
        await refusalOf(damaged);
      }),
      { numRuns: 150 },
    );
  });

  it('cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (at) => {
        const code = await refusalOf(bytes.slice(0, at % bytes.length));
        if (at % bytes.length >= frames[0]![0]) expect(['truncated']).toContain(code);
      }),
      { numRuns: 80 },
    );
  });

  it('bytes inserted or appended', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 40 }), async (at, extra) => {
        const cut = at % (bytes.length + 1);
        await refusalOf(concatBytes([bytes.subarray(0, cut), extra, bytes.subarray(cut)]));
      }),
      { numRuns: 80 },
    );
  });

  it('a chunk dropped, repeated or two swapped', async () => {
    const list = frameList();
    for (let i = 0; i < list.length; i++) {
      expect(await refusalOf(concatBytes([headOnly(), ...list.filter((_, j) => j !== i)]))).toMatch(/tampered|truncated/);
      expect(await refusalOf(concatBytes([headOnly(), ...list.slice(0, i + 1), list[i]!, ...list.slice(i + 1)]))).toMatch(/tampered|truncated/);
      if (i + 1 < list.length) {
        const swapped = list.slice();
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        expect(await refusalOf(concatBytes([headOnly(), ...swapped]))).toBe('tampered');
      }
    }
  });
});
