import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  bytesSource,
  DEFAULT_BACKUP_COMPRESSION,
  createBackupWriter,
  keySlotsOf,
  openBackup,
  readBackupHeader,
  type BackupCompression,
  type BackupErrorCode,
  type BackupSink,
  type KeySlot,
} from '../../../../shared/backup';
import { createKeyEnvelope } from '../../../../shared/protection/keys';
import { concatBytes } from '../../../../shared/sync/bundle/bytes';
import { encodeBundle } from '../../../../shared/sync/bundle';
import { SYNC_SCHEMA_VERSION } from '../../../../shared/sync/schema-version';

/**
 * The backup codec on its own: a backup written as a stream reads back row for row, opens with the
 * recovery key or a coordinator's passphrase (never an expert's), and is refused in words for every
 * other file: an exchange bundle, a newer format or database, a wrong key, a typo in the recovery key.
 */

const NOW = new Date('2026-11-23T10:00:00Z');
const PASS = 'koordinaattorin pitkä tunnuslause';
/** The passphrase of tests/fixtures/backup/deflate-raw-2026-11.otk (1 000 PBKDF2 iterations). */
const OLD_PASS = 'vanhan varmuuskopion tunnuslause';
const EXPERT_PASS = 'asiantuntijan oma pitkä lause';
const FAST = { iterations: 1000, minIterations: 1000 } as const;
const OPEN = { supportedDatabaseVersion: 6, minIterations: 1000 } as const;
const SENDER = { installationId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', name: 'Synteettinen OT-keskus' };

let installationKey: CryptoKey;
let recoveryKey: string;
let slots: KeySlot[];

function memorySink(): BackupSink & { bytes(): Uint8Array } {
  const parts: Uint8Array[] = [];
  return { write: async (bytes) => void parts.push(bytes.slice()), bytes: () => concatBytes(parts) };
}

const rowsOf = (n: number, table: string) => Array.from({ length: n }, (_, i) => ({ id: `${table}-${String(i).padStart(5, '0')}`, text: `Synteettinen rivi ${i} `.repeat(1 + (i % 7)), n: i }));

async function write(tables: Record<string, unknown[]>, options: { chunkBytes?: number; databaseVersion?: number; compression?: BackupCompression } = {}) {
  const sink = memorySink();
  const counts = Object.fromEntries(Object.entries(tables).map(([type, rows]) => [type, rows.length]));
  const writer = await createBackupWriter(
    { sender: SENDER, app: { version: '0.1.0' }, databaseVersion: options.databaseVersion ?? 6, counts, slots, installationKey, now: NOW, chunkBytes: options.chunkBytes ?? 256, compression: options.compression },
    sink,
  );
  for (const [type, rows] of Object.entries(tables)) for (let i = 0; i < rows.length; i += 7) await writer.add(type, rows.slice(i, i + 7));
  const written = await writer.finish();
  return { written, bytes: sink.bytes() };
}

async function refusal(promise: Promise<unknown>): Promise<BackupErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError) return error.code;
    throw error;
  }
  throw new Error('accepted');
}

beforeAll(async () => {
  const coordinator = await createKeyEnvelope(PASS, FAST);
  installationKey = coordinator.dataKey;
  recoveryKey = coordinator.recoveryKey!;
  // A second coordinator and an expert: same data key, own passphrases (as addProfile makes them).
  const { changePassphrase } = await import('../../../../shared/protection/keys');
  const expertEnvelope = { ...(await changePassphrase(coordinator.envelope, { passphrase: PASS }, EXPERT_PASS, FAST)), recovery: null };
  slots = keySlotsOf([
    { id: 'p-coordinator', role: 'coordinator', envelope: coordinator.envelope },
    { id: 'p-expert', role: 'expert', envelope: expertEnvelope },
  ]);
});

describe('backup codec', () => {
  it('gives keys to coordinators and the recovery key only', () => {
    expect(slots.map((s) => `${s.kind}:${s.profileId}`)).toEqual(['passphrase:p-coordinator', 'recovery:p-coordinator']);
  });

  it.each(['none', 'deflate-raw'] as const)('reads back every row in order, with counts and the digest the writer computed (%s)', async (compression) => {
    const tables = { consultations: rowsOf(50, 'c'), 'case-rows': rowsOf(50, 'r'), meta: rowsOf(3, 'm'), profiles: [] };
    const { written, bytes } = await write(tables, { compression });
    expect(written.header.payload.compression).toBe(compression);
    expect(written.bytes).toBe(bytes.length);
    expect(written.counts).toEqual({ consultations: 50, 'case-rows': 50, meta: 3 });

    const opened = await openBackup(bytesSource(bytes), PASS, OPEN);
    expect(opened.opener).toEqual({ method: 'passphrase', profileId: 'p-coordinator' });
    expect(opened.header.sender).toEqual(SENDER);
    const scanned = await opened.scan();
    expect(scanned).toEqual({ counts: { consultations: 50, 'case-rows': 50, meta: 3 }, digest: written.digest });

    const back: Record<string, unknown[]> = {};
    const sizes: number[] = [];
    for await (const batch of opened.entries({ batch: 9 })) {
      sizes.push(batch.records.length);
      (back[batch.type] ??= []).push(...batch.records);
    }
    expect(back).toEqual({ consultations: tables.consultations, 'case-rows': tables['case-rows'], meta: tables.meta });
    // Never more than asked for at a time (a restore writes each batch in one task), however many lines a decompressed piece holds.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(9);
  });

  it('deflates unless told `none`, and `none` really is the lines as they are', async () => {
    const tables = { consultations: rowsOf(30, 'c') };
    const deflated = await write(tables);
    expect(deflated.written.header.payload.compression).toBe(DEFAULT_BACKUP_COMPRESSION);
    expect(DEFAULT_BACKUP_COMPRESSION).toBe('deflate-raw');
    const plain = await write(tables, { compression: 'none', chunkBytes: 1024 * 1024 });
    const lines = tables.consultations.map((row) => `{"type":"consultations","record":${JSON.stringify(row)}}\n`).join('');
    // Header, one frame: its 4-byte length, the ciphertext of the lines and the 16-byte tag.
    const framesAt = 10 + new DataView(plain.bytes.buffer).getUint32(6) + 16;
    expect(plain.bytes.length - framesAt).toBe(4 + new TextEncoder().encode(lines).length + 16);
    expect(plain.bytes.length).toBeGreaterThan(deflated.bytes.length * 2);
  });

  it('reads a backup written by the code before `none` existed (a committed file: deflate-raw)', async () => {
    const file = new Uint8Array(readFileSync(new URL('../../../fixtures/backup/deflate-raw-2026-11.otk', import.meta.url)));
    const opened = await openBackup(bytesSource(file), OLD_PASS, OPEN);
    expect(opened.header.payload).toEqual({ encoding: 'json-lines', compression: 'deflate-raw', cipher: 'AES-256-GCM', chunkBytes: 512 });
    expect(await opened.scan()).toEqual({ counts: { consultations: 40, 'case-rows': 40, meta: 3 }, digest: 'bc0b650ea275c992ffbda959d6b19132485d728d943d21e4002f27faf3325dec' });
    const back: Record<string, unknown[]> = {};
    for await (const batch of opened.entries()) (back[batch.type] ??= []).push(...batch.records);
    const rows = (n: number, table: string) => Array.from({ length: n }, (_, i) => ({ id: `${table}-${String(i).padStart(3, '0')}`, text: `Synteettinen rivi ${i} `.repeat(1 + (i % 5)), n: i }));
    expect(back).toEqual({ consultations: rows(40, 'c'), 'case-rows': rows(40, 'r'), meta: rows(3, 'm') });
    // Tampered in its deflated payload, it is still refused.
    const damaged = file.slice();
    damaged[damaged.length - 20]! ^= 0x40;
    expect(await refusal((async () => (await openBackup(bytesSource(damaged), OLD_PASS, OPEN)).scan())())).toBe('tampered');
  });

  it('refuses a payload packed in a way it does not know, before asking for a key', async () => {
    const { bytes } = await write({ meta: rowsOf(2, 'm') }, { compression: 'none' });
    const text = new TextDecoder().decode(bytes.subarray(0, 2000));
    const at = text.indexOf('"compression":"none"');
    expect(at).toBeGreaterThan(0);
    const other = bytes.slice();
    other.set(new TextEncoder().encode('"compression":"zstd"'), at);
    expect(await refusal(readBackupHeader(bytesSource(other)))).toBe('invalid-header');
    expect(await refusal(openBackup(bytesSource(other), 'not even a key', OPEN))).toBe('invalid-header');
  });

  it('opens with the recovery key, typed in any case with spaces, and with the installation key itself', async () => {
    const { bytes, written } = await write({ meta: rowsOf(2, 'm') });
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ');
    expect((await openBackup(bytesSource(bytes), typed, OPEN)).opener).toEqual({ method: 'recovery-key', profileId: 'p-coordinator' });
    const own = await openBackup(bytesSource(bytes), { installationKey }, OPEN);
    expect((await own.scan()).digest).toBe(written.digest);
  });

  it('refuses an expert passphrase, a wrong passphrase, a wrong recovery key and names a typo', async () => {
    const { bytes } = await write({ meta: rowsOf(2, 'm') });
    const source = bytesSource(bytes);
    expect(await refusal(openBackup(source, EXPERT_PASS, OPEN))).toBe('wrong-key');
    expect(await refusal(openBackup(source, 'väärä tunnuslause tähän', OPEN))).toBe('wrong-key');
    const other = (await createKeyEnvelope('toinen asennus ja lause', FAST)).recoveryKey!;
    expect(await refusal(openBackup(source, other, OPEN))).toBe('wrong-key');
    const groups = recoveryKey.split('-');
    groups[2] = groups[2]!.slice(0, 4) + (groups[2]!.endsWith('0') ? '1' : '0');
    const typo = await openBackup(source, groups.join('-'), OPEN).catch((e: unknown) => e);
    expect(typo).toBeInstanceOf(BackupError);
    expect((typo as BackupError).code).toBe('recovery-key-typo');
    expect((typo as BackupError).params.group).toBe(3);
  });

  it('refuses an exchange bundle, a newer format, a newer database and a file that is no .otk at all', async () => {
    const { bytes } = await write({ meta: rowsOf(2, 'm') }, { databaseVersion: 7 });
    expect(await refusal(openBackup(bytesSource(bytes), PASS, OPEN))).toBe('newer-format');
    const newer = bytes.slice();
    newer[5] = 3;
    expect(await refusal(readBackupHeader(bytesSource(newer)))).toBe('newer-format');
    const exchange = await encodeBundle(
      { schemaVersion: SYNC_SCHEMA_VERSION, sender: SENDER, recipient: { kind: 'named', name: 'Joku' }, scope: { kind: 'full' }, clock: { from: null, to: `${'1'.repeat(15)}:0000:${SENDER.installationId}` }, entries: [] },
      'vaihtotiedoston tunnuslause',
      { ...FAST, now: NOW },
    );
    expect(await refusal(openBackup(bytesSource(exchange.bytes), PASS, OPEN))).toBe('exchange-file');
    expect(await refusal(openBackup(bytesSource(new TextEncoder().encode('id;nimi\n1;testi\n')), PASS, OPEN))).toBe('not-a-backup');
    expect(await refusal(openBackup(bytesSource(bytes.subarray(0, 30)), PASS, OPEN))).toBe('truncated');
  });

  it('refuses an older database than it restores verbatim', async () => {
    const { bytes } = await write({ meta: rowsOf(2, 'm') }, { databaseVersion: 5 });
    expect(await refusal(openBackup(bytesSource(bytes), PASS, { ...OPEN, minDatabaseVersion: 6 }))).toBe('older-database');
  });

  it('never finishes a backup whose rows disagree with its header', async () => {
    const writer = await createBackupWriter({ sender: SENDER, app: { version: '0.1.0' }, databaseVersion: 6, counts: { meta: 3 }, slots, installationKey, now: NOW }, memorySink());
    await writer.add('meta', rowsOf(2, 'm'));
    expect(await refusal(writer.finish())).toBe('invalid-payload');
  });
});
