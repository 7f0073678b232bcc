import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BundleError, collectEntries, decodeBundle, deriveBundleKey, encodeBundle, type BundleErrorCode, type BundleKey } from '../../../../shared/sync/bundle';
import { formatStamp } from '../../../../shared/sync/hlc';
import { SYNC_SCHEMA_VERSION } from '../../../../shared/sync/schema-version';

/**
 * Fuzz: damage a real bundle (flip a byte, truncate, swap / drop / duplicate chunks, insert bytes)
 * and open it. Every outcome must be a BundleError with a fitting code — never records, never
 * another exception type, never the codec's last-resort "could not be read" net.
 */

const SENDER = { installationId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', name: 'OT-keskus Fuzz' };
const RECIPIENT = '0190a1b2-c3d4-7e5f-8a6b-000000000002';
const PASS = 'fuzz-passphrase-only-for-tests';
const FAST = { iterations: 1000, minIterations: 1000, now: new Date('2026-11-23T10:00:00Z') } as const;
const EXPECT = { installationId: RECIPIENT, supportedSchemaVersion: SYNC_SCHEMA_VERSION, minIterations: 1000 } as const;
const stamp = (i: number) => formatStamp({ wall: Date.UTC(2026, 1, 2) + i, counter: 0, peer: SENDER.installationId });

let bytes: Uint8Array;
let key: BundleKey;
let framesAt: number;
let frameBounds: Array<[number, number]>;

beforeAll(async () => {
  key = await deriveBundleKey(PASS, FAST);
  const entries = Array.from({ length: 40 }, (_, i) => ({
    type: i % 4 === 0 ? 'audit' : 'consultation',
    record: { id: `rec-${i}`, question: `Synteettinen teksti ${i} `.repeat(1 + (i % 9)), stamps: { question: stamp(i) } },
  }));
  ({ bytes } = await encodeBundle(
    {
      schemaVersion: SYNC_SCHEMA_VERSION,
      sender: SENDER,
      recipient: { kind: 'installation', installationId: RECIPIENT },
      scope: { kind: 'delta', since: stamp(0) },
      clock: { from: stamp(0), to: stamp(99) },
      entries,
    },
    key,
    { ...FAST, chunkBytes: 128 },
  ));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  framesAt = 10 + view.getUint32(6) + 16;
  frameBounds = [];
  for (let at = framesAt; at < bytes.length; at += 4 + view.getUint32(at)) frameBounds.push([at, at + 4 + view.getUint32(at)]);
  // the undamaged bundle opens, with either secret
  expect(Object.values(await collectEntries(await decodeBundle(bytes, PASS, EXPECT))).flat()).toHaveLength(40);
  expect(frameBounds.length).toBeGreaterThan(4);
});

async function refusalOf(damaged: Uint8Array, secret: string | BundleKey): Promise<BundleErrorCode> {
  try {
    await collectEntries(await decodeBundle(damaged, secret, EXPECT));
  } catch (error) {
    if (!(error instanceof BundleError)) throw new Error(`not a BundleError: ${String(error)}`, { cause: error });
    if (error.message === 'the bundle could not be read') throw new Error(`fell through to the safety net: ${String(error.cause)}`, { cause: error });
    return error.code;
  }
  throw new Error('damaged bundle was accepted');
}

const frameList = () => frameBounds.map(([from, to]) => bytes.subarray(from, to));
const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('bundle fuzz', () => {
  it('a flipped byte anywhere is always refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (pos, xor, usePassphrase) => {
        const index = pos % bytes.length;
        const damaged = bytes.slice();
        damaged[index]! ^= xor;
        const code = await refusalOf(damaged, usePassphrase ? PASS : key);
        if (index >= framesAt) expect(['tampered', 'truncated']).toContain(code);
        if (index < 4) expect(code).toBe('not-a-bundle');
      }),
      { numRuns: 400 },
    );
  });

  it('every truncation is refused as truncated (or not a bundle when even the magic is cut)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (pos) => {
        const length = pos % bytes.length;
        const code = await refusalOf(bytes.slice(0, length), key);
        expect(code).toBe(length < 4 ? 'not-a-bundle' : 'truncated');
      }),
      { numRuns: 300 },
    );
    // and every chunk boundary exactly
    for (const [from] of frameBounds) expect(await refusalOf(bytes.slice(0, from), key)).toBe('truncated');
  });

  it('swapped, dropped, duplicated chunks and inserted bytes are refused', async () => {
    const head = bytes.subarray(0, framesAt);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
          fc.record({ op: fc.constant('drop' as const), a: fc.nat(), b: fc.constant(0) }),
          fc.record({ op: fc.constant('dup' as const), a: fc.nat(), b: fc.nat() }),
          fc.record({ op: fc.constant('insert' as const), a: fc.nat(), b: fc.integer({ min: 0, max: 255 }) }),
        ),
        async ({ op, a, b }) => {
          const list = frameList();
          const n = list.length;
          let damaged: Uint8Array;
          if (op === 'swap') {
            const i = a % n;
            const j = b % n === i ? (i + 1) % n : b % n;
            const copy = [...list];
            [copy[i], copy[j]] = [copy[j]!, copy[i]!];
            damaged = join([head, ...copy]);
          } else if (op === 'drop') {
            damaged = join([head, ...list.filter((_, i) => i !== a % n)]);
          } else if (op === 'dup') {
            const copy = [...list];
            copy.splice(b % (n + 1), 0, list[a % n]!);
            damaged = join([head, ...copy]);
          } else {
            const at = a % (bytes.length + 1);
            damaged = join([bytes.subarray(0, at), new Uint8Array([b]), bytes.subarray(at)]);
          }
          const code = await refusalOf(damaged, key);
          if (op === 'drop') expect(code).toBe(a % n === n - 1 ? 'truncated' : 'tampered');
          if (op === 'swap' || op === 'dup') expect(code).toBe('tampered');
        },
      ),
      { numRuns: 300 },
    );
  });
});
