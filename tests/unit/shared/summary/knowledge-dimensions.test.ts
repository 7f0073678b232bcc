import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregate } from '../../../../shared/summary/aggregate';
import { NOT_RECORDED } from '../../../../shared/summary/dimensions';
import { cellSlot, columnTotalSlot, rowTotalSlot, totalSlot } from '../../../../shared/summary/layout';
import { COUNT_MEASURES, SUMMARY_DIMENSIONS, type SummaryDimension } from '../../../../shared/summary/spec';
import { summaryTables, type SummaryCell } from '../../../../shared/summary/tables';
import { buildSummary, parseSummaryFile, serializeSummary } from '../../../../shared/summary/output';
import { mergeSummaries } from '../../../../shared/summary/merge';
import { summaryCsv } from '../../../../shared/summary/csv';
import { SHIPPED_METHOD_CODES } from '../../../../shared/reference/methods';
import { derivableHidden } from './exact-audit';
import { generateCase, generateCases, random, withKnowledge } from './fixtures';
import { allCells } from './table-helpers';

/**
 * Issue 21's summary dimensions — recommended method, OT-level criterion (both multi-valued, like
 * themes) and decline reason — under the same disclosure control as every other table: no
 * published count is 1–4 and no hidden count follows exactly from the published ones (checked by
 * the independent exact audit), in a centre's file and after the national merge.
 */

const Q1 = { kind: 'quarter', year: 2026, quarter: 1 } as const;
const months = ['2026-01', '2026-02', '2026-03'];
const rnd = random(5);
const make = (overrides: Parameters<typeof generateCase>[2]) => generateCase(rnd, ['2026-01'], overrides);
const inOneToFour = (cell: SummaryCell) => typeof cell === 'number' && cell >= 1 && cell <= 4;
const producer = { kind: 'centre', area: 'sisa', name: 'OT-keskus – Sisä-Suomi' } as const;
const generatedAt = '2026-04-01T08:00:00.000Z';

describe('the recommended-method, criterion and decline-reason dimensions', () => {
  it('count a case once per method it recommends, once in every total, and as none without a method', () => {
    const cases = [
      make({ methods: ['voimaperheet', 'mdft'], sector: 'health' }),
      make({ methods: ['voimaperheet'], sector: 'health' }),
      make({ methods: [], sector: 'social' }),
      make({ methods: undefined, sector: 'social' }),
    ];
    const { layout, counts } = aggregate(cases, Q1, ['method', 'sector'], false);
    const r = (code: string) => layout.rows!.codes.indexOf(code);
    const c = (code: string) => layout.columns!.codes.indexOf(code);
    expect(layout.multiCounted).toBe(true);
    expect(layout.rows!.codes.slice(0, SHIPPED_METHOD_CODES.length)).toEqual(SHIPPED_METHOD_CODES);
    expect(layout.rows!.codes.at(-1)).toBe(NOT_RECORDED);
    const received = counts.received;
    expect(received[cellSlot(layout, r('voimaperheet'), c('health'))]).toBe(2);
    expect(received[cellSlot(layout, r('mdft'), c('health'))]).toBe(1);
    expect(received[rowTotalSlot(layout, r(NOT_RECORDED))]).toBe(2);
    expect(received[columnTotalSlot(layout, c('health'))]).toBe(2);
    expect(received[totalSlot(layout)]).toBe(4);
  });

  it('list a local method after the shipped ones, and decline reasons × criteria with none for the rest', () => {
    const cases = [
      make({ methods: ['local-0000000abc'] }),
      make({ declined: true, accepted: false, declineReason: 'not-ot-level', criteria: ['other'] }),
      make({ declined: true, accepted: false, declineReason: 'not-ot-level', criteria: [] }),
      make({ declined: false, declineReason: null, criteria: ['multi-professional', 'services-tried'] }),
    ];
    expect(aggregate(cases, Q1, ['method'], false).layout.rows!.codes).toEqual([...SHIPPED_METHOD_CODES, 'local-0000000abc', NOT_RECORDED]);
    const { layout, counts } = aggregate(cases, Q1, ['declineReason', 'criterion'], false);
    const r = (code: string) => layout.rows!.codes.indexOf(code);
    const c = (code: string) => layout.columns!.codes.indexOf(code);
    expect(layout.columns!.codes).toEqual(['multi-professional', 'services-tried', 'rare-or-most-demanding', 'development-safety-risk', 'other', NOT_RECORDED]);
    expect(counts.received[cellSlot(layout, r('not-ot-level'), c('other'))]).toBe(1);
    expect(counts.received[cellSlot(layout, r('not-ot-level'), c(NOT_RECORDED))]).toBe(1);
    expect(counts.received[rowTotalSlot(layout, r('not-ot-level'))]).toBe(2);
    expect(counts.received[cellSlot(layout, r(NOT_RECORDED), c('services-tried'))]).toBe(1);
    expect(counts.received[totalSlot(layout)]).toBe(4);
  });

  it('random case sets, a new dimension with any other: no published count is 1–4 and no hidden count follows exactly', () => {
    const knowledge: SummaryDimension[] = ['method', 'criterion', 'declineReason'];
    const others = SUMMARY_DIMENSIONS.filter((d) => d !== 'region' && d !== 'network' && d !== 'month');
    const dimensions = fc.tuple(fc.constantFrom(...knowledge), fc.option(fc.constantFrom(...others), { nil: undefined }), fc.boolean()).map(([a, b, first]) => {
      const dims = b === undefined || b === a ? [a] : first ? [a, b] : [b, a];
      return dims;
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer(), dimensions, (n, seed, dims) => {
        const cases = withKnowledge(generateCases(n, seed, months), seed);
        const { tables } = summaryTables(cases, { period: Q1, dimensions: dims, measures: [...COUNT_MEASURES] });
        for (const table of tables) {
          expect(allCells(table).filter(inOneToFour)).toEqual([]);
          expect(derivableHidden(table)).toEqual([]);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('a table with counts of 1–4 hides them and what would reveal them (the audit would catch a leak)', () => {
    const cases = withKnowledge(generateCases(90, 3, months), 3);
    const { tables } = summaryTables(cases, { period: Q1, dimensions: ['declineReason', 'criterion'], measures: ['received', 'declined'] });
    const cells = tables.flatMap(allCells);
    expect(cells).toContain('<5');
    expect(cells.some((cell) => cell === '..')).toBe(true);
    for (const table of tables) expect(derivableHidden(table)).toEqual([]);
  });

  it('travel in the JSON file and the CSV, and the national merge keeps them with the suppression applied again', () => {
    const spec = { period: Q1, dimensions: ['criterion', 'method'] as SummaryDimension[], measures: ['received', 'accepted', 'consulted'] as const };
    const centres = (['etela', 'sisa', 'pohjoinen'] as const).map((area, i) =>
      buildSummary(withKnowledge(generateCases(70 + 20 * i, 11 + i, months), 11 + i), { ...spec, measures: [...spec.measures] }, { producer: { kind: 'centre', area, name: `OT-keskus ${area}` }, generatedAt }),
    );
    const reread = centres.map((file) => parseSummaryFile(serializeSummary(file)));
    expect(reread[0]!.specification.dimensions).toEqual(['criterion', 'method']);
    const national = mergeSummaries(reread, generatedAt);
    expect(national.specification.dimensions).toEqual(['criterion', 'method']);
    expect(national.tables[0]!.rows!.codes).toContain('multi-professional');
    expect(national.tables[0]!.columns!.codes).toContain('local-a1b2c3d4e5');
    expect(national.notes).toContain('multi-counted');
    for (const table of national.tables) {
      expect(allCells(table).filter(inOneToFour)).toEqual([]);
      expect(derivableHidden(table)).toEqual([]);
    }
    const csv = summaryCsv(centres[0]!, { language: 'fi', header: (key) => key, label: (dimension, code) => `${dimension}:${code}` });
    expect(csv).toContain('summary.dimension.criterion / summary.dimension.method');
    expect(csv).toContain('method:voimaperheet');
    expect(csv).toContain('criterion:services-tried');
    const single = buildSummary(withKnowledge(generateCases(40, 2, months), 2), { period: Q1, dimensions: ['declineReason'], measures: ['received'] }, { producer, generatedAt });
    expect(single.tables[0]!.rows!.codes).toEqual(['not-ot-level', 'belongs-elsewhere', 'insufficient-information', 'duplicate', 'other', NOT_RECORDED]);
  });
});
