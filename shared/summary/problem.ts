/**
 * The shape of a disclosure-control problem: the counts (variables), what a reader knows relates
 * them, and the state each count ends up published in.
 */

export interface Constraint {
  /** Σ plus − Σ minus = 0 ('eq') or ≥ 0 ('ge'); the entries are variable indices. */
  readonly plus: readonly number[];
  readonly minus: readonly number[];
  readonly kind: 'eq' | 'ge';
  /** A table line (a row, a column or a margin) to which the two-hidden-members rule applies. */
  readonly line: boolean;
}

export interface SuppressionProblem {
  /** True value of each variable; NaN where it is not known (a combined cell with a hidden input). */
  readonly value: Float64Array;
  /** Totals are hidden only when no cell will do. */
  readonly isTotal: Uint8Array;
  readonly constraints: readonly Constraint[];
  /** For unknown variables: the range the inputs give (a reader of the inputs knows it). */
  readonly unknownLo?: Float64Array;
  readonly unknownHi?: Float64Array;
}

export const PUBLISHED = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;
export const UNKNOWN = 3;

export interface SuppressionResult {
  /** PUBLISHED, PRIMARY, SECONDARY or UNKNOWN per variable. */
  readonly state: Uint8Array;
  /** 1 where a hidden value's range was widened to "1 or more" (shown as '..', never '<5'). */
  readonly wide: Uint8Array;
  /**
   * Variables that were still determined when nothing more could be hidden; then every non-zero
   * count was hidden as '..' instead. Empty in every case seen so far.
   */
  readonly unresolved: readonly number[];
}

/** The marker a hidden variable is shown with. */
export function hiddenMarker(result: SuppressionResult, problem: SuppressionProblem, i: number): '<5' | '..' {
  const state = result.state[i];
  if (result.wide[i]) return '..';
  if (state === PRIMARY) return '<5';
  if (state === UNKNOWN && (problem.unknownHi?.[i] ?? Infinity) <= 4) return '<5';
  return '..';
}

/** Every variable of a relation. */
export const members = (c: Constraint) => [...c.plus, ...c.minus];
