import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AreaCode } from '../../../../shared/reference/regions';
import { aggregate } from '../../../../shared/summary/aggregate';
import { isSummaryError, type SummaryError } from '../../../../shared/summary/errors';
import { mergeSummaries, mergeSummaryFiles } from '../../../../shared/summary/merge';
import { buildSummary, serializeSummary, type SummaryFile } from '../../../../shared/summary/output';
import type { SummaryRequestInput } from '../../../../shared/summary/spec';
import type { SummaryCase } from '../../../../shared/summary/input';
import { derivableHidden } from './exact-audit';
import { generateCases } from './fixtures';
import { allCells } from './table-helpers';

const Q1 = { kind: 'quarter', year: 2026, quarter: 1 } as const;
const months = ['2026-01', '2026-02', '2026-03'];
const at = '2026-04-03T09:00:00Z';
const centre = (area: AreaCode, cases: SummaryCase[], request: SummaryRequestInput) =>
  buildSummary(cases, request, { producer: { kind: 'centre', area, name: `OT-keskus ${area}` }, generatedAt: '2026-04-02T08:00:00Z' });

function refusal(run: () => unknown): SummaryError {
  try {
    run();
  } catch (error) {
    if (isSummaryError(error)) return error;
    throw error;
  }
  throw new Error('accepted');
}

const request: SummaryRequestInput = { period: Q1, dimensions: ['network', 'sector'], measures: ['received', 'accepted', 'consulted', 'medianDaysToConsultation'] };

describe('mergeSummaries (the national view)', () => {
  const a = generateCases(300, 1, months).map((c) => ({ ...c, networkId: c.networkId && `a-${c.networkId.slice(-2)}` }));
  const b = generateCases(120, 2, months).map((c) => ({ ...c, networkId: c.networkId && `b-${c.networkId.slice(-2)}` }));
  const files = [centre('etela', a, request), centre('ita', b, request)];
  const merged = mergeSummaries(files, at);

  it('sums published counts over the union of categories and never publishes a sum with a hidden input', () => {
    expect(merged.producer).toEqual({ kind: 'national', areas: ['etela', 'ita'] });
    expect(merged.generatedAt).toBe(at);
    const truth = aggregate([...a, ...b], Q1, request.dimensions, false);
    const table = merged.tables[0]!;
    expect(table.rows!.codes).toEqual(truth.layout.rows!.codes);
    const flat = allCells(table);
    const inputs = files.map((f) => {
      const t = f.tables[0]!;
      const index = new Map(t.rows!.codes.map((code, i) => [code, i]));
      return { t, index };
    });
    table.rows!.codes.forEach((code, r) => {
      const published = table.rowTotals[r];
      const parts = inputs.map(({ t, index }) => (index.has(code) ? t.rowTotals[index.get(code)!] : 0));
      if (typeof published === 'number') {
        expect(parts.every((p) => typeof p === 'number')).toBe(true);
        expect(published).toBe(parts.reduce<number>((s, p) => s + (p as number), 0));
      }
    });
    expect(table.total).toBe(420);
    expect(flat.filter((c) => typeof c === 'number' && c >= 1 && c <= 4)).toEqual([]);
    for (const t of merged.tables.slice(0, 3)) expect(derivableHidden(t)).toEqual([]);
  });

  it('cannot combine medians: those tables are hidden and the file says why', () => {
    expect(allCells(merged.tables[3]!).every((c) => c === '..')).toBe(true);
    expect(merged.notes).toEqual(['stats-not-combined']);
  });

  it("shows a combined count as '<5' only when that is certain", () => {
    const spec: SummaryRequestInput = { period: Q1, dimensions: [], measures: ['received'] };
    const three = generateCases(3, 5, months);
    const none: SummaryCase[] = [];
    expect(mergeSummaries([centre('etela', three, spec), centre('ita', none, spec)], at).tables[0]!.total).toBe('<5');
    expect(mergeSummaries([centre('etela', three, spec), centre('ita', generateCases(2, 6, months), spec)], at).tables[0]!.total).toBe('..');
    expect(mergeSummaries([centre('etela', three, spec), centre('ita', generateCases(40, 6, months), spec)], at).tables[0]!.total).toBe('..');
    expect(mergeSummaries([centre('etela', generateCases(9, 5, months), spec), centre('ita', generateCases(40, 6, months), spec)], at).tables[0]!.total).toBe(49);
  });

  it('combines combined files of other areas, and reads files from bytes', () => {
    const c = centre('pohjoinen', generateCases(80, 9, months), request);
    const national = mergeSummaryFiles([serializeSummary(merged), new TextEncoder().encode(serializeSummary(c))], at);
    expect(national.producer).toEqual({ kind: 'national', areas: ['etela', 'ita', 'pohjoinen'] });
  });

  it('refuses duplicates, other periods, other breakdowns, nothing at all — naming the file', () => {
    expect(refusal(() => mergeSummaries([files[0]!, files[1]!, files[0]!], at))).toMatchObject({ code: 'duplicate-centre', fileIndex: 2 });
    expect(refusal(() => mergeSummaries([merged, files[1]!], at))).toMatchObject({ code: 'duplicate-centre', fileIndex: 1 });
    const march = centre('lansi', a, { ...request, period: { kind: 'month', month: '2026-03' } });
    expect(refusal(() => mergeSummaries([files[0]!, march], at))).toMatchObject({ code: 'period-mismatch', fileIndex: 1, messageKey: 'summary.error.period-mismatch' });
    const bySector = centre('lansi', a, { ...request, dimensions: ['sector'] });
    expect(refusal(() => mergeSummaries([files[0]!, bySector], at))).toMatchObject({ code: 'spec-mismatch', fileIndex: 1 });
    expect(refusal(() => mergeSummaries([], at)).code).toBe('no-input');
    expect(refusal(() => mergeSummaryFiles([serializeSummary(files[0]!), 'not json'], at))).toMatchObject({ code: 'not-json', fileIndex: 1 });
    expect(refusal(() => mergeSummaryFiles([new Uint8Array([0x4f, 0x54, 0x4b, 0x42, 0, 1])], at))).toMatchObject({ code: 'wrong-format', fileIndex: 0 });
    const quarterAsRange = centre('lansi', a, { ...request, period: { kind: 'range', from: '2026-01', to: '2026-03' } });
    expect(mergeSummaries([files[0]!, quarterAsRange], at).producer).toEqual({ kind: 'national', areas: ['etela', 'lansi'] });
  });

  it('random centres: the combination publishes no 1–4, nothing derivable, and only sums of published inputs', () => {
    const areas: AreaCode[] = ['etela', 'ita', 'sisa', 'lansi', 'pohjoinen'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer()), { minLength: 1, maxLength: 5 }), fc.constantFrom<SummaryRequestInput['dimensions']>([], ['sector'], ['theme'], ['ageBand', 'consentMode'], ['theme', 'serviceLevel']), (centres, dims) => {
        const spec: SummaryRequestInput = { period: Q1, dimensions: dims, measures: ['received', 'accepted', 'declined', 'consulted', 'closed'] };
        const inputs: SummaryFile[] = centres.map(([n, seed], i) => centre(areas[i]!, generateCases(n, seed, months), spec));
        const out = mergeSummaries(inputs, at);
        out.tables.forEach((table, t) => {
          const flat = allCells(table);
          expect(flat.filter((c) => typeof c === 'number' && c >= 1 && c <= 4)).toEqual([]);
          expect(derivableHidden(table)).toEqual([]);
          const inputFlats = inputs.map((f) => allCells(f.tables[t]!));
          flat.forEach((cell, i) => {
            if (typeof cell !== 'number') return;
            expect(inputFlats.every((f) => typeof f[i] === 'number')).toBe(true);
            expect(cell).toBe(inputFlats.reduce((s, f) => s + (f[i] as number), 0));
          });
        });
      }),
      { numRuns: 60 },
    );
  });
});
