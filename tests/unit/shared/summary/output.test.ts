import { describe, expect, it } from 'vitest';
import { buildSummary, parseSummaryFile, serializeSummary, summaryFileSchema, SUMMARY_FORMAT } from '../../../../shared/summary/output';
import { isSummaryError, type SummaryError } from '../../../../shared/summary/errors';
import { generateCases } from './fixtures';

const Q1 = { kind: 'quarter', year: 2026, quarter: 1 } as const;
const months = ['2026-01', '2026-02', '2026-03'];
const file = buildSummary(
  generateCases(500, 3, months),
  { period: Q1, dimensions: ['network', 'theme'], measures: ['received', 'consulted', 'medianDaysToConsultation', 'targetMetShare'] },
  { producer: { kind: 'centre', area: 'pohjoinen', name: 'Pohjois-Suomen OT-keskus' }, generatedAt: '2026-04-02T08:00:00Z' },
);

function refusal(input: Uint8Array | string): SummaryError {
  try {
    parseSummaryFile(input, 3);
  } catch (error) {
    if (isSummaryError(error)) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('otk-summary/1 files', () => {
  it('hold the producer, period, specification, tables and generation time — nothing else', () => {
    expect(Object.keys(file).sort()).toEqual(['format', 'generatedAt', 'notes', 'period', 'producer', 'specification', 'tables']);
    expect(file.format).toBe(SUMMARY_FORMAT);
    expect(file.notes).toEqual(['multi-counted']);
    expect(file.tables.map((t) => [t.measure, t.multiCounted, t.rows?.dimension, t.columns?.dimension])).toEqual([
      ['received', true, 'network', 'theme'],
      ['consulted', true, 'network', 'theme'],
      ['medianDaysToConsultation', true, 'network', 'theme'],
      ['targetMetShare', true, 'network', 'theme'],
    ]);
    const text = serializeSummary(file);
    // The only full date is the file's own timestamp; no case field, no free text.
    expect(text.match(/\d{4}-\d{2}-\d{2}/g)).toEqual(['2026-04-02']);
    expect(text).not.toMatch(/"(id|caseCode|question|requester|receivedAt|note)"/);
  });

  it('read back what they write, from text or bytes with a byte-order mark', () => {
    const text = serializeSummary(file);
    expect(parseSummaryFile(text)).toEqual(file);
    expect(parseSummaryFile(new TextEncoder().encode(`\uFEFF${text}`))).toEqual(file);
  });

  it('refuse what is not JSON', () => {
    expect(refusal('{"format":')).toMatchObject({ code: 'not-json', fileIndex: 3 });
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0x41])).code).toBe('not-json');
    expect(refusal('').messageKey).toBe('summary.error.not-json');
  });

  it('refuse an encrypted .otk bundle and a case-level file as the wrong format', () => {
    const bundle = new Uint8Array([0x4f, 0x54, 0x4b, 0x42, 0, 1, 0, 0, 0, 2, 123, 125]);
    expect(refusal(bundle)).toMatchObject({ code: 'wrong-format', details: { detail: 'encrypted-bundle' }, messageKey: 'summary.error.wrong-format' });
    expect(refusal('[{"id":"0190f1c2-0000-7000-8000-000000000001","caseCode":"OTK-2026-0001","question":"…"}]')).toMatchObject({ code: 'wrong-format', details: { detail: 'case-level' } });
    expect(refusal('{"format":"otk-export/1","records":[]}')).toMatchObject({ code: 'wrong-format', details: { detail: 'case-level' } });
    expect(refusal('{"hello":"world"}')).toMatchObject({ code: 'wrong-format', details: { detail: 'invalid' } });
  });

  it('refuse a newer format version', () => {
    expect(refusal(JSON.stringify({ ...file, format: 'otk-summary/2' })).code).toBe('newer-version');
  });

  it('refuse a file with a published 1–4, an extra field or tables that do not match the specification', () => {
    const tampered = structuredClone(file);
    tampered.tables[0]!.total = 3;
    expect(refusal(JSON.stringify(tampered)).code).toBe('wrong-format');
    expect(refusal(JSON.stringify({ ...file, comment: 'free text' })).code).toBe('wrong-format');
    const withId = structuredClone(file) as unknown as { tables: Record<string, unknown>[] };
    withId.tables[0]!.id = 'x';
    expect(refusal(JSON.stringify(withId)).code).toBe('wrong-format');
    expect(refusal(JSON.stringify({ ...file, tables: file.tables.slice(1) })).code).toBe('wrong-format');
    const wrongShape = structuredClone(file);
    wrongShape.tables[1]!.cells.pop();
    expect(refusal(JSON.stringify(wrongShape)).code).toBe('wrong-format');
    expect(summaryFileSchema.safeParse({ ...file, generatedAt: '2026-04-02' }).success).toBe(false);
  });
});
