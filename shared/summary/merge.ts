import { AREA_CODES, type AreaCode } from '../reference/regions';
import { orderedCodes } from './dimensions';
import { SummaryError } from './errors';
import { cellSlot, columnTotalSlot, rowTotalSlot, tableLayout, totalSlot, type Axis, type TableLayout } from './layout';
import { assemble, parseSummaryFile, type SummaryFile } from './output';
import { periodMonths, samePeriod } from './period';
import { isCountMeasure, sameSpec, type CountMeasure, type SummaryRequestInput } from './spec';
import { suppress } from './suppress';
import { countCells, countProblem, shapeTable, type SummaryCell, type SummaryNote } from './tables';

/**
 * The national view: several `otk-summary/1` files (one per centre, or combined files of disjoint
 * areas) for the same period and specification, combined into one `otk-summary/1` file.
 *
 * Counts. A combined count is the sum of the centres' counts; a category a file does not list
 * (a network of another centre) counts as 0 there. Where every input is published the sum is known
 * (and, as a sum of zeros and counts of 5 or more, never 1–4). Where any input is hidden the sum is
 * unknown and is never published: it is shown as '<5' only when that is certain (one '<5' input and
 * zeros elsewhere), otherwise as '..'. Suppression then runs again over the combined tables, with
 * the ranges the inputs give for the unknown sums ('<5' adds 1–4, '..' adds 1 or more), so that no
 * combined value reveals a hidden one through totals, siblings or relations between measures.
 * Nothing published is more than a sum of published input values, so no input value that was
 * hidden can be recovered from the combined file, alone or together with the inputs.
 *
 * Medians, percentiles and shares cannot be combined from per-centre figures (a median of medians
 * is not a median): in the combined file those tables are all '..' and the note
 * 'stats-not-combined' says so.
 */

/** The combined axis: every code any input lists, in reference order. */
function unionAxis(axes: readonly (Axis | null)[], months: readonly string[]): Axis | null {
  const first = axes[0];
  if (!first) return null;
  return { dimension: first.dimension, codes: orderedCodes(first.dimension, months, axes.flatMap((a) => a?.codes ?? [])) };
}

/** The slot in `from` of a slot of `to` (same dimensions), or -1 when `from` does not list its categories. */
function slotMap(to: TableLayout, from: TableLayout): Int32Array {
  const map = new Int32Array(to.size).fill(-1);
  const index = (a: Axis | null) => new Map(a?.codes.map((code, i) => [code, i]));
  const rows = index(from.rows);
  const cols = index(from.columns);
  const r = (i: number) => rows.get(to.rows!.codes[i]!) ?? -1;
  const c = (j: number) => cols.get(to.columns!.codes[j]!) ?? -1;
  for (let i = 0; i < to.R; i++) {
    const fi = r(i);
    if (fi >= 0) map[rowTotalSlot(to, i)] = rowTotalSlot(from, fi);
    for (let j = 0; j < to.C; j++) {
      const fj = c(j);
      if (fi >= 0 && fj >= 0) map[cellSlot(to, i, j)] = cellSlot(from, fi, fj);
    }
  }
  for (let j = 0; j < to.C; j++) {
    const fj = c(j);
    if (fj >= 0) map[columnTotalSlot(to, j)] = columnTotalSlot(from, fj);
  }
  map[totalSlot(to)] = totalSlot(from);
  return map;
}

function flat(table: SummaryFile['tables'][number]): SummaryCell[] {
  return [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total];
}

function areasOf(file: SummaryFile): AreaCode[] {
  return file.producer.kind === 'centre' ? [file.producer.area] : file.producer.areas;
}

/** Checks that the files can be combined; throws SummaryError otherwise. */
function checkCompatible(files: readonly SummaryFile[]): void {
  if (files.length === 0) throw new SummaryError('no-input', 'no summary to combine');
  const first = files[0]!;
  const seen = new Map<AreaCode, number>();
  files.forEach((file, i) => {
    if (!samePeriod(file.period, first.period)) throw new SummaryError('period-mismatch', `file ${i + 1} covers another period`, { fileIndex: i });
    for (const area of areasOf(file)) {
      const earlier = seen.get(area);
      if (earlier !== undefined) throw new SummaryError('duplicate-centre', `files ${earlier + 1} and ${i + 1} both cover ${area}`, { fileIndex: i });
      seen.set(area, i);
    }
    if (!sameSpec(file.specification, first.specification)) throw new SummaryError('spec-mismatch', `file ${i + 1} has another breakdown`, { fileIndex: i });
  });
}

/** Combines summaries (see above). `generatedAt` is the combined file's own timestamp. */
export function mergeSummaries(files: readonly SummaryFile[], generatedAt: string): SummaryFile {
  checkCompatible(files);
  const first = files[0]!;
  const months = periodMonths(first.period);
  const { dimensions, measures } = first.specification;
  const layoutOf = (file: SummaryFile) => tableLayout(file.tables[0]?.rows ?? null, file.tables[0]?.columns ?? null);
  const inputs = files.map(layoutOf);
  const layout = tableLayout(
    unionAxis(files.map((f) => f.tables[0]?.rows ?? null), months),
    unionAxis(files.map((f) => f.tables[0]?.columns ?? null), months),
  );
  const maps = inputs.map((input) => slotMap(layout, input));
  const counts = measures.filter(isCountMeasure);
  const combined = new Map<CountMeasure, { value: Float64Array; lo: Float64Array; hi: Float64Array }>();
  for (const measure of counts) {
    const t = measures.indexOf(measure);
    const value = new Float64Array(layout.size);
    const lo = new Float64Array(layout.size);
    const hi = new Float64Array(layout.size);
    files.forEach((file, f) => {
      const cells = flat(file.tables[t]!);
      const map = maps[f]!;
      for (let slot = 0; slot < layout.size; slot++) {
        const from = map[slot]!;
        const v = from < 0 ? 0 : cells[from]!;
        if (typeof v === 'number') {
          value[slot] = value[slot]! + v;
          lo[slot] = lo[slot]! + v;
          hi[slot] = hi[slot]! + v;
        } else {
          value[slot] = Number.NaN;
          lo[slot] = lo[slot]! + 1;
          hi[slot] = hi[slot]! + (v === '<5' ? 4 : Infinity);
        }
      }
    });
    combined.set(measure, { value, lo, hi });
  }
  const get = (m: CountMeasure) => combined.get(m)!;
  const { problem, offsets } = countProblem(layout, counts, (m, slot) => get(m).value[slot]!, {
    unknownLo: (m, slot) => get(m).lo[slot]!,
    unknownHi: (m, slot) => get(m).hi[slot]!,
  });
  const published = countCells(problem, suppress(problem));
  const tables = measures.map((measure) =>
    isCountMeasure(measure) ? shapeTable(layout, measure, (slot) => published[offsets[measure]! + slot]!) : shapeTable(layout, measure, () => '..'),
  );
  const notes: SummaryNote[] = [];
  if (layout.multiCounted) notes.push('multi-counted');
  if (measures.some((m) => !isCountMeasure(m))) notes.push('stats-not-combined');
  const areas = AREA_CODES.filter((a) => files.some((file) => areasOf(file).includes(a)));
  const request: SummaryRequestInput = { period: first.period, dimensions, measures };
  return assemble({ kind: 'national', areas }, request, tables, notes, generatedAt);
}

/** Reads every file (bytes or text) and combines them; a refusal names the file (`fileIndex`). */
export function mergeSummaryFiles(inputs: readonly (Uint8Array | string)[], generatedAt: string): SummaryFile {
  return mergeSummaries(
    inputs.map((input, i) => parseSummaryFile(input, i)),
    generatedAt,
  );
}
