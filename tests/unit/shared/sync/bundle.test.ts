import { describe, expect, it } from 'vitest';
import {
  BundleError,
  collectEntries,
  decodeBundle,
  deriveBundleKey,
  encodeBundle,
  encodeEntryLines,
  readBundleHeader,
  type BundleErrorCode,
  type BundleInput,
} from '../../../../shared/sync/bundle';
import { sealBundle } from '../../../../shared/sync/bundle/encode';
import { formatStamp } from '../../../../shared/sync/hlc';
import { SYNC_SCHEMA_VERSION } from '../../../../shared/sync/schema-version';

// Synthetic installations, passphrase and records only.
const SENDER = { installationId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', name: 'OT-keskus Testi, koordinaattori' };
const RECIPIENT = '0190a1b2-c3d4-7e5f-8a6b-000000000002';
const PASS = 'korrehtuuri-lumihiutale-42';
/** Test-only fast key derivation, allowed explicitly on both sides. Real bundles use 600 000. */
const FAST = { iterations: 1000, minIterations: 1000, now: new Date('2026-11-23T10:00:00Z') } as const;
const EXPECT = { installationId: RECIPIENT, supportedSchemaVersion: SYNC_SCHEMA_VERSION, minIterations: 1000 } as const;
const T0 = Date.UTC(2026, 0, 12, 8, 0, 0);
const stampAt = (step: number, peer: string) => formatStamp({ wall: T0 + step * 1000, counter: step % 7, peer });

/** A consultation-shaped synthetic record of ~1.2 KB. */
function syntheticCase(i: number): Record<string, unknown> {
  const stamp = stampAt(i, SENDER.installationId);
  return {
    id: `0190a1b2-0000-7000-8000-${String(i).padStart(12, '0')}`,
    caseCode: `OTK-2026-${String(i).padStart(4, '0')}`,
    received: { date: '2026-01-12', time: '09:15', channel: 'phone' },
    requester: { name: `Testi Pyytäjä ${i}`, title: 'sosiaalityöntekijä', organisation: 'Esimerkkikunta', sector: 'social', region: 'FI-18', phone: '', email: `pyytaja${i}@example.invalid`, language: 'fi' },
    subject: { ageBand: '7-12', themes: ['neuro'], serviceLevel: 'basic', servicesTried: ['family-work'], servicesTriedNote: '', serviceLanguage: 'fi', interpreterNeeded: false },
    question: `Synteettinen kysymys ${i}: miten tukea perhettä arjessa, kun koulunkäynti on katkennut? `.repeat(6),
    hopedOutcome: 'guidance',
    hopedOutcomeNote: '',
    urgency: i % 5 === 0 ? 'urgent' : 'normal',
    status: 'received',
    routing: [],
    stamps: { received: stamp, requester: stamp, subject: stamp, question: stamp, hopedOutcome: stamp, hopedOutcomeNote: stamp, urgency: stamp, status: stamp, routing: stamp },
  };
}

function input(entries: BundleInput['entries'], overrides: Partial<BundleInput> = {}): BundleInput {
  return {
    schemaVersion: SYNC_SCHEMA_VERSION,
    sender: SENDER,
    recipient: { kind: 'installation', installationId: RECIPIENT },
    scope: { kind: 'full' },
    clock: { from: null, to: stampAt(5, SENDER.installationId) },
    acknowledged: { [RECIPIENT]: stampAt(1, RECIPIENT) },
    entries,
    ...overrides,
  };
}

const cases = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'consultation', record: syntheticCase(i) }));

async function refusal(promise: Promise<unknown>): Promise<BundleErrorCode> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    return (error as BundleError).code;
  }
  throw new Error('expected a refusal');
}

/** Decodes and reads every entry (a refusal may come from either step). */
const openAll = async (bytes: Uint8Array, secret = PASS as string, expect_ = EXPECT as Parameters<typeof decodeBundle>[2]) =>
  collectEntries(await decodeBundle(bytes, secret, expect_));

/** Splits a bundle into its prefix+header+tag and its chunk frames. */
function frames(bytes: Uint8Array): { head: Uint8Array; frames: Uint8Array[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 10 + view.getUint32(6) + 16;
  const head = bytes.slice(0, offset);
  const out: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    out.push(bytes.slice(offset, offset + 4 + length));
    offset += 4 + length;
  }
  return { head, frames: out };
}

const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

describe('bundle codec: round trip', () => {
  it('returns exactly what went in, with an authenticated header', async () => {
    const records = [syntheticCase(0), syntheticCase(1), { id: 'x', deleted: true, stamps: { deleted: stampAt(3, SENDER.installationId) } }];
    const audit = [{ id: 'a1', clock: stampAt(2, SENDER.installationId), action: 'consultation.create', fields: ['question'] }];
    const { bytes, header } = await encodeBundle(input([...records.map((record) => ({ type: 'consultation', record })), [{ type: 'audit', record: audit[0] }]]), PASS, FAST);
    expect(header.counts).toEqual({ consultation: 3, audit: 1 });
    expect(header.kdf).toMatchObject({ id: 'PBKDF2-SHA-256', iterations: 1000 });
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('OTKB');
    expect(readBundleHeader(bytes)).toEqual(header);
    const decoded = await decodeBundle(bytes, PASS, EXPECT);
    expect(decoded.header).toEqual(header);
    expect(await collectEntries(decoded)).toEqual({ consultation: records, audit });
    expect(await collectEntries(decoded)).toEqual({ consultation: records, audit }); // readable again
  });

  it('defaults to 600 000 PBKDF2 iterations', async () => {
    const key = await deriveBundleKey(PASS);
    expect(key.kdf.iterations).toBe(600_000);
  });

  it('keeps no personal data in the readable header', async () => {
    const { bytes } = await encodeBundle(input(cases(3)), PASS, FAST);
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toContain('Pyytäjä');
    expect(text).not.toContain('Synteettinen');
  });

  it('writes an empty bundle as one empty chunk', async () => {
    const { bytes } = await encodeBundle(input([]), PASS, FAST);
    expect(frames(bytes).frames).toHaveLength(1);
    expect(await openAll(bytes)).toEqual({});
  });

  it('accepts async sources in batches and a key derived once', async () => {
    async function* source() {
      for (let i = 0; i < 50; i += 10) yield cases(60).slice(i, i + 10);
    }
    const key = await deriveBundleKey(PASS, FAST);
    const { bytes } = await encodeBundle(input(source()), key, { ...FAST, chunkBytes: 512 });
    expect(frames(bytes).frames.length).toBeGreaterThan(3);
    expect((await collectEntries(await decodeBundle(bytes, key, EXPECT))).consultation).toHaveLength(50);
    expect((await openAll(bytes)).consultation).toHaveLength(50);
  });

  it('takes entries already serialised as lines (the export reader\'s) in their place, counted, the same payload', async () => {
    const all = cases(30);
    const tombstones = [{ type: 'tombstone', record: { id: 't-1', deleted: true } }];
    const mixed = [all.slice(0, 10), encodeEntryLines(all.slice(10, 25)), tombstones, encodeEntryLines(all.slice(25))];
    const plain = [all.slice(0, 10), all.slice(10, 25), tombstones, all.slice(25)];
    const fixed = { ...FAST, bundleId: '0190a1b2-c3d4-7e5f-8a6b-00000000abcd' };
    const viaLines = await encodeBundle(input(mixed), PASS, fixed);
    const viaEntries = await encodeBundle(input(plain), PASS, fixed);
    expect(viaLines.header.counts).toEqual({ consultation: 30, tombstone: 1 });
    expect(viaLines.header.counts).toEqual(viaEntries.header.counts);
    const records = await collectEntries(await decodeBundle(viaLines.bytes, PASS, EXPECT));
    expect(records.consultation).toEqual(all.map((entry) => entry.record));
    expect(records.tombstone).toEqual([tombstones[0]!.record]);
    // Lines with a type the format does not allow are refused before anything is written.
    await expect(encodeBundle(input([{ kind: 'encoded-entries', counts: { 'Bad Type': 1 }, bytes: new Uint8Array(0) }]), PASS, FAST)).rejects.toThrow(TypeError);
  });

  it('treats the passphrase in Unicode NFC (ä precomposed or decomposed)', async () => {
    const { bytes } = await encodeBundle(input([]), 'sal\u00e4inen lause', FAST);
    await expect(decodeBundle(bytes, 'sala\u0308inen lause', EXPECT)).resolves.toBeDefined();
  });

  it('accepts a named recipient unless told not to', async () => {
    const { bytes } = await encodeBundle(input(cases(1), { recipient: { kind: 'named', name: 'Verkosto Itä' } }), PASS, FAST);
    await expect(openAll(bytes)).resolves.toBeDefined();
    expect(await refusal(openAll(bytes, PASS, { ...EXPECT, acceptNamedRecipient: false }))).toBe('wrong-recipient');
  });

  it('round-trips 20 000 records in many chunks', { timeout: 180_000 }, async () => {
    const N = 20_000;
    async function* source() {
      for (let start = 0; start < N; start += 1000) {
        yield Array.from({ length: Math.min(1000, N - start) }, (_, i) => ({ type: 'consultation', record: syntheticCase(start + i) }));
      }
    }
    const key = await deriveBundleKey(PASS, FAST);
    const t0 = performance.now();
    const { bytes, header } = await encodeBundle(input(source()), key, { ...FAST, chunkBytes: 256 * 1024 });
    const t1 = performance.now();
    const decoded = await decodeBundle(bytes, key, EXPECT);
    let count = 0;
    let last: unknown;
    for await (const entry of decoded.entries()) {
      count++;
      last = entry.record;
    }
    const t2 = performance.now();
    expect(header.counts).toEqual({ consultation: N });
    expect(count).toBe(N);
    expect(last).toEqual(syntheticCase(N - 1));
    console.info(`20 000 records: ${bytes.length} bytes in ${frames(bytes).frames.length} chunks; encode ${(t1 - t0).toFixed(0)} ms, decode ${(t2 - t1).toFixed(0)} ms`);
  });
});

describe('bundle codec: every refusal has its code', () => {
  it('not-a-bundle: anything without the magic bytes', async () => {
    expect(await refusal(openAll(new Uint8Array(0)))).toBe('not-a-bundle');
    expect(await refusal(openAll(new TextEncoder().encode('PK\u0003\u0004 a zip file')))).toBe('not-a-bundle');
    expect(() => readBundleHeader(new TextEncoder().encode('{"format":1}'))).toThrow(BundleError);
  });

  it('newer-format: a newer format version, or a newer record schema', async () => {
    const { bytes } = await encodeBundle(input(cases(1)), PASS, FAST);
    const newer = bytes.slice();
    newer[5] = 3;
    expect(await refusal(openAll(newer))).toBe('newer-format');
    const { bytes: newerSchema } = await encodeBundle(input(cases(1), { schemaVersion: SYNC_SCHEMA_VERSION + 1 }), PASS, FAST);
    expect(await refusal(openAll(newerSchema))).toBe('newer-format');
  });

  it('backup-file: an installation backup (format version 2) is not opened as an exchange file', async () => {
    const { bytes } = await encodeBundle(input(cases(1)), PASS, FAST);
    const backup = bytes.slice();
    backup[5] = 2;
    expect(await refusal(openAll(backup))).toBe('backup-file');
  });

  it('wrong-passphrase: another or an empty passphrase, or a key derived for another bundle', async () => {
    const { bytes } = await encodeBundle(input(cases(2)), PASS, FAST);
    expect(await refusal(openAll(bytes, 'korrehtuuri-lumihiutale-43'))).toBe('wrong-passphrase');
    expect(await refusal(openAll(bytes, ''))).toBe('wrong-passphrase');
    const otherSalt = await deriveBundleKey(PASS, FAST);
    expect(await refusal(decodeBundle(bytes, otherSalt, EXPECT))).toBe('wrong-passphrase');
  });

  it('tampered: a changed header value, a changed chunk byte, reordered, duplicated or appended data', async () => {
    const { bytes } = await encodeBundle(input(cases(30)), PASS, { ...FAST, chunkBytes: 256 });
    const text = new TextDecoder().decode(bytes.subarray(0, 2000));
    const at = text.indexOf('koordinaattori'); // in the header (ASCII, so char index = byte index)
    const renamed = bytes.slice();
    renamed[at] = 'K'.charCodeAt(0);
    expect(await refusal(openAll(renamed))).toBe('tampered');

    const flipped = bytes.slice();
    flipped[bytes.length - 40]! ^= 0x01;
    expect(await refusal(openAll(flipped))).toBe('tampered');

    const { head, frames: list } = frames(bytes);
    expect(list.length).toBeGreaterThan(3);
    expect(await refusal(openAll(join([head, list[1]!, list[0]!, ...list.slice(2)])))).toBe('tampered');
    expect(await refusal(openAll(join([head, list[0]!, ...list])))).toBe('tampered');
    expect(await refusal(openAll(join([head, list[0]!, ...list.slice(2)])))).toBe('tampered');
    expect(await refusal(openAll(join([bytes, new Uint8Array([0, 0, 0, 0])])))).toBe('tampered');
    expect(await refusal(openAll(join([bytes, list.at(-1)!])))).toBe('tampered');
  });

  it('truncated: cut inside the header, inside a chunk, or at a chunk boundary', async () => {
    const { bytes } = await encodeBundle(input(cases(30)), PASS, { ...FAST, chunkBytes: 256 });
    const { head, frames: list } = frames(bytes);
    expect(await refusal(openAll(bytes.slice(0, 8)))).toBe('truncated');
    expect(await refusal(openAll(bytes.slice(0, 200)))).toBe('truncated');
    expect(await refusal(openAll(head))).toBe('truncated');
    expect(await refusal(openAll(bytes.slice(0, bytes.length - 1)))).toBe('truncated');
    expect(await refusal(openAll(join([head, ...list.slice(0, -1)])))).toBe('truncated');
    expect(await refusal(openAll(join([head, list[0]!])))).toBe('truncated');
  });

  it('wrong-recipient: addressed to another installation', async () => {
    const { bytes } = await encodeBundle(input(cases(1)), PASS, FAST);
    expect(await refusal(openAll(bytes, PASS, { ...EXPECT, installationId: '0190a1b2-c3d4-7e5f-8a6b-000000000099' }))).toBe('wrong-recipient');
  });

  it('weak-kdf: fewer iterations than the app accepts, on decode and on encode', async () => {
    const { bytes } = await encodeBundle(input(cases(1)), PASS, FAST);
    expect(await refusal(openAll(bytes, PASS, { installationId: RECIPIENT, supportedSchemaVersion: SYNC_SCHEMA_VERSION }))).toBe('weak-kdf');
    expect(await refusal(encodeBundle(input([]), PASS, { iterations: 1000, now: FAST.now }))).toBe('weak-kdf');
    const weakKey = await deriveBundleKey(PASS, FAST);
    expect(await refusal(encodeBundle(input([]), weakKey, { now: FAST.now }))).toBe('weak-kdf');
  });

  it('invalid-header: unreadable JSON, impossible lengths, unknown algorithms, version disagreement', async () => {
    const { bytes } = await encodeBundle(input(cases(1)), PASS, FAST);
    const broken = bytes.slice();
    broken[10] = 'x'.charCodeAt(0); // the header's opening brace
    expect(await refusal(openAll(broken))).toBe('invalid-header');
    const zeroLength = bytes.slice();
    zeroLength.set([0, 0, 0, 0], 6);
    expect(await refusal(openAll(zeroLength))).toBe('invalid-header');
    const huge = bytes.slice();
    huge.set([0x7f, 0, 0, 0], 6);
    expect(await refusal(openAll(huge))).toBe('invalid-header');
    const text = new TextDecoder().decode(bytes.subarray(0, 3000));
    const swapped = bytes.slice();
    swapped.set(new TextEncoder().encode('PBKDF2-SHA-512'), text.indexOf('PBKDF2-SHA-256'));
    expect(await refusal(openAll(swapped))).toBe('invalid-header');
    const versionZero = bytes.slice();
    versionZero[5] = 0;
    expect(await refusal(openAll(versionZero))).toBe('invalid-header');
  });

  it('invalid-payload: authentic bundles whose payload is broken (a sender bug)', async () => {
    const key = await deriveBundleKey(PASS, FAST);
    const fields = { ...input([]), counts: { consultation: 1 } };
    const deflate = async (text: string) => new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    const good = await deflate('{"type":"consultation","record":{"id":"a"}}\n');
    const cases_: Array<[string, Uint8Array, Record<string, number>]> = [
      ['not deflate', new TextEncoder().encode('plain text, not compressed'), { consultation: 1 }],
      ['not JSON', await deflate('{"type":"consultation",\n'), { consultation: 1 }],
      ['no final newline', await deflate('{"type":"consultation","record":{"id":"a"}}'), { consultation: 1 }],
      ['not an entry', await deflate('[1,2,3]\n'), { consultation: 1 }],
      ['counts disagree', good, { consultation: 2 }],
      ['unannounced type', good, {}],
    ];
    for (const [, payload, counts] of cases_) {
      const { bytes } = await sealBundle({ ...fields, counts }, [payload], key, { chunkBytes: 1024, now: FAST.now });
      const decoded = await decodeBundle(bytes, key, EXPECT);
      expect(await refusal(collectEntries(decoded))).toBe('invalid-payload');
    }
  });
});
