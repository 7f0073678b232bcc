/**
 * An independent exact audit for the tests (it shares no code with the engine): builds the
 * equalities a reader knows between the entries of a published table — every total that is a sum
 * (a row over a single-valued column dimension, and so on) — and finds, by Gauss–Jordan elimination
 * over BigInt fractions, every hidden entry whose unit vector lies in the row space of the system
 * restricted to the hidden entries, i.e. every hidden entry the published ones determine.
 */
import type { SummaryCell, SummaryTable } from '../../../../shared/summary/tables';

/** Dimensions where a case may fall into several categories (their totals are not sums), written out here on purpose. */
const MULTI_COUNTED: ReadonlySet<string> = new Set(['theme', 'method', 'criterion']);

class Fraction {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new Error('division by zero');
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n < 0n ? -n : n, d);
    this.n = g === 0n ? 0n : n / g;
    this.d = g === 0n ? 1n : d / g;
  }
  isZero() {
    return this.n === 0n;
  }
  sub(o: Fraction) {
    return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Fraction) {
    return new Fraction(this.n * o.n, this.d * o.d);
  }
  div(o: Fraction) {
    return new Fraction(this.n * o.d, this.d * o.n);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Which entries of a system of equations (coefficient rows over named unknowns) are determined. */
export function determined(rows: Map<string, number>[], unknowns: readonly string[]): string[] {
  const index = new Map(unknowns.map((u, i) => [u, i]));
  const m = rows
    .map((row) => {
      const out = unknowns.map(() => new Fraction(0n));
      for (const [name, coefficient] of row) if (index.has(name)) out[index.get(name)!] = new Fraction(BigInt(coefficient));
      return out;
    })
    .filter((row) => row.some((f) => !f.isZero()));
  let rank = 0;
  for (let col = 0; col < unknowns.length && rank < m.length; col++) {
    const p = m.findIndex((row, i) => i >= rank && !row[col]!.isZero());
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const pivot = m[rank]!;
    const lead = pivot[col]!;
    for (let j = 0; j < unknowns.length; j++) pivot[j] = pivot[j]!.div(lead);
    for (let i = 0; i < m.length; i++) {
      if (i === rank || m[i]![col]!.isZero()) continue;
      const factor = m[i]![col]!;
      for (let j = 0; j < unknowns.length; j++) m[i]![j] = m[i]![j]!.sub(factor.mul(pivot[j]!));
    }
    rank++;
  }
  return m.filter((row) => row.filter((f) => !f.isZero()).length === 1).map((row) => unknowns[row.findIndex((f) => !f.isZero())]!);
}

export interface Entry {
  name: string;
  cell: SummaryCell;
}

/** The entries of a table by name (`c:r:c`, `r:r`, `k:c`, `t`) and the equalities between them. */
export function tableSystem(table: SummaryTable): { entries: Entry[]; equations: Map<string, number>[] } {
  const R = table.rows?.codes.length ?? 0;
  const C = table.columns?.codes.length ?? 0;
  const rowsSingle = !MULTI_COUNTED.has(table.rows?.dimension ?? '');
  const columnsSingle = !MULTI_COUNTED.has(table.columns?.dimension ?? '');
  const entries: Entry[] = [];
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) entries.push({ name: `c:${r}:${c}`, cell: table.cells[r]![c]! });
  for (let r = 0; r < R; r++) entries.push({ name: `r:${r}`, cell: table.rowTotals[r]! });
  for (let c = 0; c < C; c++) entries.push({ name: `k:${c}`, cell: table.columnTotals[c]! });
  entries.push({ name: 't', cell: table.total });
  const equations: Map<string, number>[] = [];
  const sum = (total: string, parts: string[]) => {
    if (parts.length === 0) return;
    const eq = new Map<string, number>([[total, 1]]);
    for (const p of parts) eq.set(p, -1);
    equations.push(eq);
  };
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  if (C > 0 && columnsSingle) for (const r of range(R)) sum(`r:${r}`, range(C).map((c) => `c:${r}:${c}`));
  if (C > 0 && rowsSingle) for (const c of range(C)) sum(`k:${c}`, range(R).map((r) => `c:${r}:${c}`));
  if (rowsSingle) sum('t', range(R).map((r) => `r:${r}`));
  if (columnsSingle) sum('t', range(C).map((c) => `k:${c}`));
  return { entries, equations };
}

/** Hidden entries of a published table that its published entries determine exactly. */
export function derivableHidden(table: SummaryTable): string[] {
  const { entries, equations } = tableSystem(table);
  const hidden = entries.filter((e) => typeof e.cell !== 'number').map((e) => e.name);
  return determined(equations, hidden);
}
