import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fieldAad,
  isSealed,
  openRecordFields,
  openBytes,
  openValue,
  plaintextFields,
  sealBytes,
  sealRecordFields,
  sealValue,
  type SealedValue,
} from '../../../../shared/protection/field-crypto';
import { createDataKey } from '../../../../shared/protection/keys';
import { fromBase64, toBase64 } from '../../../../shared/sync/bundle/bytes';
import { rejectionCode } from './helpers';

let key: CryptoKey;
let otherKey: CryptoKey;
beforeAll(async () => {
  key = await createDataKey();
  otherKey = await createDataKey();
});

const ID_A = '0190a1b2-0000-7000-8000-00000000000a';
const ID_B = '0190a1b2-0000-7000-8000-00000000000b';
const AAD = fieldAad(ID_A, 'question');

const SENSITIVE = ['question', 'requester.name', 'requester.phone', 'consent.details', 'notes'] as const;

function caseRecord(id = ID_A) {
  return {
    id,
    caseCode: 'OTK-2026-0042',
    status: 'received',
    receivedAt: '2026-04-01T08:15:00.000Z',
    question: 'Miten tukea 12-vuotiasta, jolla on vaikea koulukieltäytyminen?',
    requester: { name: 'Sari Sosiaalityöntekijä', organisation: 'Pohjois-Savon hyvinvointialue', phone: '+358 40 123 4567' },
    consent: { mode: 'consented', details: { who: 'huoltaja', scope: 'koko asia' } },
    notes: ['ensimmäinen muistiinpano', 'toinen'],
    stamps: { question: '000001775031700000:0000:peer-a' },
  };
}

function flipBase64Bit(text: string, byteIndex: number): string {
  const bytes = fromBase64(text);
  const i = byteIndex % bytes.length;
  bytes[i] = bytes[i]! ^ 0x01;
  return toBase64(bytes);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('sealValue / openValue', () => {
  it('property: any JSON value round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const sealed = await sealValue(value, key, AAD);
        expect(isSealed(sealed)).toBe(true);
        expect(await openValue(sealed, key, AAD)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 200 },
    );
  });

  it('draws a fresh 96-bit IV every time', async () => {
    const a = await sealValue('sama teksti', key, AAD);
    const b = await sealValue('sama teksti', key, AAD);
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(Object.keys(a).sort()).toEqual(['ct', 'iv', 'v']);
    expect(a.v).toBe(1);
  });

  it('pads to 32-byte blocks, so short texts of different lengths look alike', async () => {
    const one = await sealValue('a', key, AAD);
    const twenty = await sealValue('a'.repeat(20), key, AAD);
    expect(fromBase64(one.ct)).toHaveLength(32 + 16);
    expect(fromBase64(twenty.ct)).toHaveLength(32 + 16);
    expect(fromBase64((await sealValue('a'.repeat(40), key, AAD)).ct)).toHaveLength(64 + 16);
  });

  it('property: no plaintext substring appears in the sealed output', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 8, maxLength: 200 }), async (text) => {
        const stored = JSON.stringify(await sealValue(text, key, AAD));
        expect(stored.includes(text)).toBe(false);
        expect(stored.includes(JSON.stringify(text).slice(1, -1))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('property: a change to any one bit of the IV or ciphertext is detected', async () => {
    const sealed = await sealValue({ question: 'arkaluonteinen' }, key, AAD);
    const ctLength = fromBase64(sealed.ct).length;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat({ max: ctLength - 1 }), async (inIv, at) => {
        const tampered: SealedValue = inIv ? { ...sealed, iv: flipBase64Bit(sealed.iv, at) } : { ...sealed, ct: flipBase64Bit(sealed.ct, at) };
        expect(await rejectionCode(openValue(tampered, key, AAD))).toBe('tampered');
      }),
      { numRuns: 100 },
    );
  });

  it('a ciphertext moved to another record or field, or opened with another key, does not open', async () => {
    const sealed = await sealValue('kysymys', key, AAD);
    expect(await rejectionCode(openValue(sealed, key, fieldAad(ID_B, 'question')))).toBe('tampered');
    expect(await rejectionCode(openValue(sealed, key, fieldAad(ID_A, 'notes')))).toBe('tampered');
    expect(await rejectionCode(openValue(sealed, otherKey, AAD))).toBe('tampered');
    // The aad cannot be shifted between id and field.
    expect(fieldAad('a.b', 'c')).not.toBe(fieldAad('a', 'b.c'));
  });

  it('refuses what is not a sealed value, and only JSON can be sealed', async () => {
    for (const bad of [null, 'text', { v: 2, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA' }, { v: 1, iv: 'short', ct: 'AAAA' }, { v: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA' }]) {
      expect(isSealed(bad)).toBe(false);
      expect(await rejectionCode(openValue(bad, key, AAD))).toBe('invalid-sealed-value');
    }
    const sealed = await sealValue(1, key, AAD);
    expect(isSealed({ ...sealed, extra: true })).toBe(false);
    await expect(sealValue(undefined, key, AAD)).rejects.toThrow(TypeError);
  });
});

describe('sealBytes / openBytes (the same sealing, kept as bytes)', () => {
  it('property: any JSON value round-trips; the stored bytes hold no plaintext', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const sealed = await sealBytes(value, key, AAD);
        expect(sealed.iv).toBeInstanceOf(Uint8Array);
        expect(sealed.ct.byteLength % 32).toBe(16);
        expect(await openBytes(sealed, key, AAD)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 50 },
    );
    const sealed = await sealBytes({ name: 'Sari Sosiaalityöntekijä' }, key, AAD);
    expect(new TextDecoder().decode(sealed.ct)).not.toContain('Sari');
  });

  it('a flipped bit, another aad or another key does not open; other shapes are refused', async () => {
    const sealed = await sealBytes({ rows: [1, 2, 3] }, key, AAD);
    for (const at of [0, 17, sealed.ct.byteLength - 1]) {
      const ct = sealed.ct.slice(0);
      new Uint8Array(ct)[at]! ^= 0x01;
      expect(await rejectionCode(openBytes({ ...sealed, ct }, key, AAD))).toBe('tampered');
    }
    const iv = sealed.iv.slice();
    iv[3]! ^= 0x80;
    expect(await rejectionCode(openBytes({ ...sealed, iv }, key, AAD))).toBe('tampered');
    expect(await rejectionCode(openBytes(sealed, key, fieldAad(ID_B, 'question')))).toBe('tampered');
    expect(await rejectionCode(openBytes(sealed, otherKey, AAD))).toBe('tampered');
    const text = await sealValue({ rows: [1, 2, 3] }, key, AAD);
    for (const bad of [null, text, { ...sealed, v: 2 }, { ...sealed, iv: sealed.iv.slice(0, 8) }, { ...sealed, ct: new ArrayBuffer(8) }, { ...sealed, extra: 1 }]) {
      expect(await rejectionCode(openBytes(bad, key, AAD))).toBe('invalid-sealed-value');
    }
  });
});

describe('sealRecordFields / openRecordFields', () => {
  it('seals exactly the listed (dotted) fields and leaves the rest, without changing the input', async () => {
    const record = deepFreeze(caseRecord());
    const stored = await sealRecordFields(record, SENSITIVE, key);
    for (const path of SENSITIVE) {
      const [head, tail] = path.split('.') as [string, string | undefined];
      const value = tail === undefined ? stored[head] : (stored[head] as Record<string, unknown>)[tail];
      expect(isSealed(value), path).toBe(true);
    }
    expect(stored).toMatchObject({ id: ID_A, caseCode: 'OTK-2026-0042', status: 'received', receivedAt: record.receivedAt, stamps: record.stamps });
    expect((stored.requester as Record<string, unknown>).organisation).toBe('Pohjois-Savon hyvinvointialue');
    expect((stored.consent as Record<string, unknown>).mode).toBe('consented');
    expect(await openRecordFields(stored, SENSITIVE, key)).toEqual(record);
    expect(record.question).toContain('koulukieltäytyminen');
  });

  it('no case text is left in the stored JSON', async () => {
    const json = JSON.stringify(await sealRecordFields(caseRecord(), SENSITIVE, key));
    for (const text of ['koulukieltäytyminen', 'Sari', '123 4567', 'huoltaja', 'muistiinpano']) expect(json).not.toContain(text);
  });

  it('is idempotent and resumable: sealed fields are skipped, plaintext ones reported', async () => {
    const record = caseRecord();
    expect(plaintextFields(record, SENSITIVE)).toEqual([...SENSITIVE]);
    const half = await sealRecordFields(record, ['question', 'notes'], key);
    expect(plaintextFields(half, SENSITIVE)).toEqual(['requester.name', 'requester.phone', 'consent.details']);
    const full = await sealRecordFields(half, SENSITIVE, key);
    expect(full.question).toBe(half.question);
    expect(plaintextFields(full, SENSITIVE)).toEqual([]);
    expect(await sealRecordFields(full, SENSITIVE, key)).toEqual(full);
    expect(await openRecordFields(full, SENSITIVE, key)).toEqual(record);
    // Opening leaves plaintext (not yet migrated) fields as they are.
    expect(await openRecordFields(half, SENSITIVE, key)).toEqual(record);
  });

  it('missing fields stay missing; null is sealed like any value', async () => {
    const record = { id: ID_A, question: null, requester: { organisation: 'X' } };
    const stored = await sealRecordFields(record, SENSITIVE, key);
    expect(isSealed(stored.question)).toBe(true);
    expect(stored.requester).toEqual({ organisation: 'X' });
    expect('notes' in stored).toBe(false);
    expect(await openRecordFields(stored, SENSITIVE, key)).toEqual(record);
  });

  it('a sealed field copied into another record, or swapped with another field, does not open', async () => {
    const a = await sealRecordFields(caseRecord(ID_A), SENSITIVE, key);
    const b = await sealRecordFields(caseRecord(ID_B), SENSITIVE, key);
    expect(await rejectionCode(openRecordFields({ ...b, question: a.question }, SENSITIVE, key))).toBe('tampered');
    expect(await rejectionCode(openRecordFields({ ...a, question: a.notes, notes: a.question }, SENSITIVE, key))).toBe('tampered');
    // A record moved under another id does not open either.
    expect(await rejectionCode(openRecordFields({ ...a, id: ID_B }, SENSITIVE, key))).toBe('tampered');
  });

  it('uses the given id field', async () => {
    const row = { key: 'requester-1', name: 'Sari' };
    const stored = await sealRecordFields(row, ['name'], key, 'key');
    expect(await openValue(stored.name, key, fieldAad('requester-1', 'name'))).toBe('Sari');
    expect(await openRecordFields(stored, ['name'], key, 'key')).toEqual(row);
  });

  it('refuses records without an id, overlapping paths and paths into the prototype', async () => {
    await expect(sealRecordFields({ question: 'x' }, ['question'], key)).rejects.toThrow(TypeError);
    await expect(sealRecordFields({ id: '' }, ['question'], key)).rejects.toThrow(TypeError);
    await expect(sealRecordFields(caseRecord(), ['requester', 'requester.name'], key)).rejects.toThrow(/overlap/);
    await expect(sealRecordFields(caseRecord(), ['__proto__.polluted'], key)).rejects.toThrow(TypeError);
    await expect(sealRecordFields(caseRecord(), ['requester..name'], key)).rejects.toThrow(TypeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('property: random records round-trip and keep no listed text in the clear', async () => {
    const text = fc.string({ minLength: 8, maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(fc.record({ question: text, name: text, org: text }), async ({ question, name, org }) => {
        fc.pre(!org.includes(question) && !org.includes(name) && !question.includes(name) && !name.includes(question));
        const record = { id: ID_A, question, requester: { name, organisation: org } };
        const stored = await sealRecordFields(record, ['question', 'requester.name'], key);
        const json = JSON.stringify(stored);
        expect(json.includes(JSON.stringify(question).slice(1, -1))).toBe(false);
        expect(json.includes(JSON.stringify(name).slice(1, -1))).toBe(false);
        expect((stored.requester as { organisation: string }).organisation).toBe(org);
        expect(await openRecordFields(stored, ['question', 'requester.name'], key)).toEqual(record);
      }),
      { numRuns: 100 },
    );
  });
});
