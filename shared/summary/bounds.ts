import { members, PRIMARY, PUBLISHED, SECONDARY, UNKNOWN, type Constraint, type SuppressionProblem } from './problem';

/**
 * What a reader can tell about hidden counts: each starts from its marker's range ('<5': 1–4;
 * '..' hidden to protect: 5 or more; widened: 1 or more; a combined count: the range its inputs
 * give) and is narrowed through every relation until nothing moves (interval propagation).
 */

/**
 * Hidden counts that may be 1–4 ('<5', or a combined count with such an input) whose range, as a
 * reader can narrow it through every relation, is a single number. A count hidden as '..' only to
 * protect another (5 or more) is not itself sensitive; its narrowed range still counts for the others.
 */
export function pinnedVars(problem: SuppressionProblem, state: Uint8Array, wide: Uint8Array, byVar?: readonly (readonly number[])[]): number[] {
  return pinning(problem, state, wide, byVar).pinned;
}

/** The pinned counts and the bounds (with their reasons) they were found with. */
export function pinning(problem: SuppressionProblem, state: Uint8Array, wide: Uint8Array, byVar?: readonly (readonly number[])[]) {
  const bounds = readerBounds(problem, state, wide, byVar);
  const pinned: number[] = [];
  for (let i = 0; i < state.length; i++) {
    const sensitive = state[i] === PRIMARY || (state[i] === UNKNOWN && (problem.unknownLo?.[i] ?? 0) <= 4);
    if (sensitive && bounds.lo[i]! >= bounds.hi[i]!) pinned.push(i);
  }
  return { pinned, ...bounds };
}

export interface ReaderBounds {
  lo: Float64Array;
  hi: Float64Array;
  /** The relation that last narrowed each bound (-1: none did), to trace a pinned value back. */
  loReason: Int32Array;
  hiReason: Int32Array;
}

/** What a reader can tell about every variable: its published value, or a range narrowed by propagation. */
export function readerBounds(problem: SuppressionProblem, state: Uint8Array, wide: Uint8Array, byVar?: readonly (readonly number[])[]): ReaderBounds {
  const n = state.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const loReason = new Int32Array(n).fill(-1);
  const hiReason = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    switch (state[i]) {
      case PUBLISHED:
        lo[i] = hi[i] = problem.value[i]!;
        break;
      case PRIMARY:
        lo[i] = 1;
        hi[i] = wide[i] ? Infinity : 4;
        break;
      case SECONDARY:
        lo[i] = 5;
        hi[i] = Infinity;
        break;
      default:
        lo[i] = problem.unknownLo?.[i] ?? 0;
        hi[i] = wide[i] ? Infinity : (problem.unknownHi?.[i] ?? Infinity);
    }
  }
  const constraints = problem.constraints;
  const index = byVar ?? indexByVar(constraints, n);
  const queued = new Uint8Array(constraints.length).fill(1);
  const queue: number[] = constraints.map((_, k) => k);
  const maxSteps = 50 * constraints.length + 1000;
  const bounds = { lo, hi, loReason, hiReason };
  const changed: number[] = [];
  for (let head = 0; head < queue.length && head < maxSteps; head++) {
    const k = queue[head]!;
    queued[k] = 0;
    changed.length = 0;
    tighten(constraints[k]!, k, bounds, changed);
    for (const v of changed) {
      for (const other of index[v]!) {
        if (!queued[other]) {
          queued[other] = 1;
          queue.push(other);
        }
      }
    }
  }
  return bounds;
}

function indexByVar(constraints: readonly Constraint[], n: number): number[][] {
  const byVar: number[][] = Array.from({ length: n }, () => []);
  constraints.forEach((c, k) => {
    for (const v of members(c)) byVar[v]!.push(k);
  });
  return byVar;
}

interface Side {
  lo: number;
  hiFinite: number;
  hiInfinite: number;
}

function side(vars: readonly number[], lo: Float64Array, hi: Float64Array): Side {
  const s = { lo: 0, hiFinite: 0, hiInfinite: 0 };
  for (const v of vars) {
    s.lo += lo[v]!;
    if (Number.isFinite(hi[v]!)) s.hiFinite += hi[v]!;
    else s.hiInfinite++;
  }
  return s;
}

/** The sum of the upper bounds of a side without `v`. */
function othersHi(s: Side, v: number, hi: Float64Array): number {
  const own = hi[v]!;
  const infinite = s.hiInfinite - (Number.isFinite(own) ? 0 : 1);
  return infinite > 0 ? Infinity : s.hiFinite - (Number.isFinite(own) ? own : 0);
}

/** Narrows the bounds of the members of relation `k`; pushes the variables whose bounds moved. */
function tighten(c: Constraint, k: number, bounds: ReaderBounds, changed: number[]): void {
  const { lo, hi } = bounds;
  const plus = side(c.plus, lo, hi);
  const minus = side(c.minus, lo, hi);
  const minusHi = minus.hiInfinite > 0 ? Infinity : minus.hiFinite;
  const plusHi = plus.hiInfinite > 0 ? Infinity : plus.hiFinite;
  const raise = (v: number, bound: number) => {
    if (bound > lo[v]!) {
      lo[v] = bound;
      bounds.loReason[v] = k;
      changed.push(v);
    }
  };
  const lower = (v: number, bound: number) => {
    if (bound < hi[v]!) {
      hi[v] = bound;
      bounds.hiReason[v] = k;
      changed.push(v);
    }
  };
  for (const v of c.plus) {
    // Σ plus ≥ Σ minus: v ≥ Σ lo(minus) − Σ hi(other plus).
    raise(v, minus.lo - othersHi(plus, v, hi));
    // Σ plus ≤ Σ minus (equalities): v ≤ Σ hi(minus) − Σ lo(other plus).
    if (c.kind === 'eq') lower(v, minusHi - (plus.lo - lo[v]!));
  }
  for (const v of c.minus) {
    lower(v, plusHi - (minus.lo - lo[v]!));
    if (c.kind === 'eq') raise(v, plus.lo - othersHi(minus, v, hi));
  }
}
