import { z } from 'zod';
import { MSG } from '../domain/validation';
import { AREA_CODES, areaCode } from '../reference/regions';
import { CATEGORY_CODE, isMultiValued } from './dimensions';
import { SummaryError } from './errors';
import type { SummaryCase } from './input';
import { MONTH, periodMonths, periodSchema } from './period';
import { isCountMeasure, summarySpecSchema, SUMMARY_DIMENSIONS, SUMMARY_MEASURES, type SummaryRequestInput } from './spec';
import { summaryTablesSteps, SUMMARY_NOTES, type SummaryNote, type SummaryTable } from './tables';
import { finish, type Steps } from '../steps';

/**
 * `otk-summary/1`: the anonymised activity summary that may leave the machine. It holds the
 * producer (a centre, or the areas of a combined national view), the period, the specification,
 * the suppressed tables and the generation time — never a record id, free text or a date finer
 * than a month (the generation time is the file's own timestamp, not a case's).
 * Every object is strict: an unknown field is refused rather than carried along.
 */
export const SUMMARY_FORMAT = 'otk-summary/1';
const FORMAT_PATTERN = /^otk-summary\/(\d+)$/;

const producerName = z
  .string({ error: MSG.required })
  .trim()
  .min(1, MSG.required)
  .max(120, MSG.tooLong)
  .refine((name) => !/\p{Cc}/u.test(name), MSG.invalid);

export const summaryProducerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('centre'), area: areaCode, name: producerName }),
  z.strictObject({
    kind: z.literal('national'),
    areas: z
      .array(areaCode)
      .min(1)
      .refine((areas) => areas.every((a, i) => i === 0 || AREA_CODES.indexOf(areas[i - 1]!) < AREA_CODES.indexOf(a)), MSG.invalid),
  }),
]);
export type SummaryProducer = z.output<typeof summaryProducerSchema>;

const cell = z.union([z.number().finite().min(0), z.literal('<5'), z.literal('..')]);
const axis = z.strictObject({
  dimension: z.enum(SUMMARY_DIMENSIONS),
  codes: z.array(z.string().regex(CATEGORY_CODE)).min(1).refine((codes) => new Set(codes).size === codes.length, MSG.invalid),
});

const tableSchema = z.strictObject({
  measure: z.enum(SUMMARY_MEASURES),
  rows: axis.nullable(),
  columns: axis.nullable(),
  multiCounted: z.boolean(),
  cells: z.array(z.array(cell)),
  rowTotals: z.array(cell),
  columnTotals: z.array(cell),
  total: cell,
});

export const summaryFileSchema = z
  .strictObject({
    format: z.literal(SUMMARY_FORMAT),
    producer: summaryProducerSchema,
    period: periodSchema,
    specification: summarySpecSchema,
    generatedAt: z.iso.datetime(),
    notes: z.array(z.enum(SUMMARY_NOTES)).refine((notes) => new Set(notes).size === notes.length, MSG.invalid),
    tables: z.array(tableSchema),
  })
  .superRefine((file, ctx) => {
    const issue = (path: (string | number)[], message = MSG.invalid) => ctx.addIssue({ code: 'custom', path, message });
    const { dimensions, measures } = file.specification;
    if (file.tables.length !== measures.length) return issue(['tables']);
    const months = periodMonths(file.period);
    const multi = dimensions.some(isMultiValued);
    if (multi !== file.notes.includes('multi-counted')) issue(['notes']);
    const first = file.tables[0];
    file.tables.forEach((table, t) => {
      const at = (...path: (string | number)[]) => ['tables', t, ...path];
      if (table.measure !== measures[t]) issue(at('measure'));
      if (table.multiCounted !== multi) issue(at('multiCounted'));
      const axes = [table.rows, table.columns] as const;
      axes.forEach((a, i) => {
        const name = i === 0 ? 'rows' : 'columns';
        if ((a?.dimension ?? null) !== (dimensions[i] ?? null)) return issue(at(name));
        if (a && JSON.stringify(a.codes) !== JSON.stringify([first?.rows, first?.columns][i]?.codes)) issue(at(name, 'codes'));
        if (a?.dimension === 'month' && (a.codes.length !== months.length || a.codes.some((m, k) => m !== months[k] || !MONTH.test(m)))) issue(at(name, 'codes'));
      });
      const R = table.rows?.codes.length ?? 0;
      const C = table.columns?.codes.length ?? 0;
      if (table.cells.length !== (C === 0 ? 0 : R) || table.cells.some((row) => row.length !== C)) issue(at('cells'));
      if (table.rowTotals.length !== R) issue(at('rowTotals'));
      if (table.columnTotals.length !== C) issue(at('columnTotals'));
      const values = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total];
      if (isCountMeasure(table.measure)) {
        // A published count is a whole number, and never 1–4.
        if (values.some((v) => typeof v === 'number' && (!Number.isInteger(v) || (v >= 1 && v <= 4)))) issue(at('cells'));
      } else if (values.includes('<5')) issue(at('cells'));
    });
  });
export type SummaryFile = z.output<typeof summaryFileSchema>;

/** Computes the suppressed summary of the cases for a request (pure; `generatedAt` comes from the caller). */
export function buildSummary(
  cases: readonly SummaryCase[],
  request: SummaryRequestInput,
  options: { producer: SummaryProducer; generatedAt: string },
): SummaryFile {
  return finish(buildSummarySteps(cases, request, options));
}

/** `buildSummary` as steps (shared/steps.ts). */
export function* buildSummarySteps(
  cases: readonly SummaryCase[],
  request: SummaryRequestInput,
  options: { producer: SummaryProducer; generatedAt: string },
): Steps<SummaryFile> {
  const { tables, notes } = yield* summaryTablesSteps(cases, request);
  yield;
  return assemble(options.producer, request, tables, notes, options.generatedAt);
}

export function assemble(producer: SummaryProducer, request: SummaryRequestInput, tables: SummaryTable[], notes: SummaryNote[], generatedAt: string): SummaryFile {
  return summaryFileSchema.parse({
    format: SUMMARY_FORMAT,
    producer,
    period: request.period,
    specification: { dimensions: [...request.dimensions], measures: [...request.measures] },
    generatedAt,
    notes,
    tables,
  });
}

const BUNDLE_MAGIC = [0x4f, 0x54, 0x4b, 0x42]; // "OTKB", see shared/sync/bundle/format.ts

function looksCaseLevel(json: unknown): boolean {
  if (Array.isArray(json)) return true;
  if (typeof json !== 'object' || json === null) return false;
  return ['id', 'caseCode', 'consultations', 'records', 'question', 'requester'].some((key) => key in json);
}

/**
 * Reads an `otk-summary/1` file (bytes or text). Refuses, with a SummaryError: 'not-json',
 * 'wrong-format' (detail: an encrypted .otk bundle, a case-level file, anything else) and
 * 'newer-version'.
 */
export function parseSummaryFile(input: Uint8Array | string, fileIndex?: number): SummaryFile {
  const fail = (code: 'not-json' | 'wrong-format' | 'newer-version', message: string, detail?: 'encrypted-bundle' | 'case-level' | 'invalid', cause?: unknown): never => {
    throw new SummaryError(code, message, { fileIndex, detail, cause });
  };
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (input.length >= 4 && BUNDLE_MAGIC.every((byte, i) => input[i] === byte)) fail('wrong-format', 'an encrypted .otk bundle, not a summary', 'encrypted-bundle');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch (error) {
      return fail('not-json', 'not UTF-8 text', undefined, error);
    }
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.startsWith('OTKB')) fail('wrong-format', 'an encrypted .otk bundle, not a summary', 'encrypted-bundle');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('not-json', 'not JSON', undefined, error);
  }
  const format = typeof json === 'object' && json !== null && 'format' in json ? (json as { format: unknown }).format : undefined;
  const version = typeof format === 'string' ? FORMAT_PATTERN.exec(format) : null;
  if (version && Number(version[1]) > 1) fail('newer-version', `${String(format)} is newer than ${SUMMARY_FORMAT}`);
  const parsed = summaryFileSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).slice(0, 5).join(', ');
    return fail('wrong-format', `not an ${SUMMARY_FORMAT} file (${where})`, version ? 'invalid' : looksCaseLevel(json) ? 'case-level' : 'invalid', parsed.error);
  }
  return parsed.data;
}

/** The file as JSON text, ready to save. */
export function serializeSummary(file: SummaryFile): string {
  return `${JSON.stringify(summaryFileSchema.parse(file), null, 2)}\n`;
}
