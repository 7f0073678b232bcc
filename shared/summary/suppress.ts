import { pinnedVars, pinning } from './bounds';
import { determinedUnknowns } from './linear';
import { members, PRIMARY, PUBLISHED, SECONDARY, UNKNOWN, type Constraint, type SuppressionProblem, type SuppressionResult } from './problem';

export { hiddenMarker, PRIMARY, PUBLISHED, SECONDARY, UNKNOWN, type Constraint, type SuppressionProblem, type SuppressionResult } from './problem';
export { pinnedVars, readerBounds } from './bounds';

/**
 * Disclosure control over a set of published counts (one or more tables) and the relations between
 * them that a reader knows.
 *
 * 1. Primary: every count 1–4 is hidden and shown as '<5'. Zero is shown.
 * 2. Lines: every row and column (and each margin line) with a hidden member has at least two
 *    hidden members — two cells, or a cell and the line's total.
 * 3. Interval audit: what a reader knows about hidden values ('<5' is 1–4; a '..' hidden to
 *    protect another count is taken as at least 5 — the pessimistic reading, since only counts of 5
 *    or more are picked) is propagated through every relation, equalities and inequalities alike.
 *    A count 1–4 pinned to a single number is protected by hiding a count in a relation that
 *    narrowed it; when none is left to hide, a '<5' there (a total first) is widened to '..',
 *    whose range is then 1 or more.
 * 4. Exact audit: no hidden value may follow from the published values and the equalities — Gauss–
 *    Jordan elimination without rounding (./linear), so a hidden cell that only a combination of
 *    several rows and columns reveals is caught too; one more count is hidden for each.
 * Steps 2–4 repeat until nothing changes. Secondary hiding picks cells before totals, the smallest
 * count of 8 or more first (beside a '<5' it leaves the reader the whole range 1–4), then 5–7;
 * never a zero.
 *
 * Theme breakdowns: a case with several themes counts under each, so theme totals are case counts,
 * not sums of theme cells. Those lines are inequalities (every theme cell ≤ its total; the cells add
 * up to at least it): the line rule treats them as lines all the same and the interval audit uses
 * them; the exact audit uses only true equalities. Relations between measures (received ≥ accepted
 * + declined, accepted ≥ consulted ≥ closed) are inequalities too.
 *
 * The interval audit is sound (never narrower than a reader can get) but not a complete integer
 * programming audit. If anything were still determined when nothing more could be hidden, every
 * non-zero count would be hidden (a guard; never reached in the tests).
 */

export function suppress(problem: SuppressionProblem): SuppressionResult {
  const n = problem.value.length;
  const { value, isTotal, constraints } = problem;
  const state = new Uint8Array(n);
  const wide = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = value[i]!;
    if (Number.isNaN(v)) state[i] = UNKNOWN;
    else if (v >= 1 && v <= 4) state[i] = PRIMARY;
  }
  const byVar: number[][] = Array.from({ length: n }, () => []);
  constraints.forEach((c, k) => {
    for (const v of members(c)) byVar[v]!.push(k);
  });
  const hidden = (i: number) => state[i] !== PUBLISHED;
  // Cells before totals; counts of 8 or more first, smallest first: hidden beside a '<5', such a
  // count leaves the reader the whole range 1–4 (with 5–7 the range shrinks), then 5–7.
  const cost = (i: number) => (isTotal[i] ? 1e12 : 0) + (value[i]! >= 8 ? value[i]! : value[i]! + 1e6);

  /** The cheapest published count of 5 or more among `vars`, or -1. */
  const cheapest = (vars: Iterable<number>) => {
    let best = -1;
    for (const i of vars) {
      if (state[i] !== PUBLISHED || !(value[i]! >= 5)) continue;
      if (best < 0 || cost(i) < cost(best) || (cost(i) === cost(best) && i < best)) best = i;
    }
    return best;
  };

  /** A count to hide so that `v` is no longer determined: in its own relations, else further along hidden ones. */
  const candidateFor = (v: number) => {
    const seenVars = new Set<number>([v]);
    const seenConstraints = new Set<number>();
    let frontier = [v];
    while (frontier.length > 0) {
      const layer = new Set<number>();
      for (const u of frontier) {
        for (const k of byVar[u]!) {
          if (seenConstraints.has(k)) continue;
          seenConstraints.add(k);
          for (const w of members(constraints[k]!)) layer.add(w);
        }
      }
      const found = cheapest(layer);
      if (found >= 0) return found;
      frontier = [...layer].filter((w) => hidden(w) && !seenVars.has(w));
      for (const w of frontier) seenVars.add(w);
    }
    return -1;
  };

  const lineRule = () => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const c of constraints) {
        if (!c.line) continue;
        const all = members(c);
        if (all.filter(hidden).length !== 1) continue;
        const pick = cheapest(all);
        if (pick >= 0) {
          state[pick] = SECONDARY;
          changed = true;
        }
      }
    }
  };

  /** Relations that got a new hidden member in this round: what they protect is audited again next round. */
  const touched = new Set<number>();
  const isTouched = (ks: readonly number[]) => ks.some((k) => touched.has(k));
  const mark = (i: number) => {
    for (const k of byVar[i]!) touched.add(k);
  };
  const hideVar = (i: number) => {
    state[i] = SECONDARY;
    mark(i);
  };

  /** Hides a count for each of `vars` whose relations this round has not changed yet. */
  const hideFor = (vars: readonly number[]) => {
    touched.clear();
    let changed = false;
    for (const v of vars) {
      if (isTouched(byVar[v]!)) continue;
      const pick = candidateFor(v);
      if (pick >= 0) {
        hideVar(pick);
        changed = true;
      }
    }
    return changed;
  };

  /**
   * Protects each pinned count: follows the relations that narrowed its bounds (and, through hidden
   * members, the ones that narrowed theirs) and hides the cheapest published count in the nearest
   * of them; with none, widens a '<5' there (a total first) to '..'.
   */
  const unpin = (pins: ReturnType<typeof pinning>) => {
    const narrow = (i: number) => !wide[i] && (state[i] === PRIMARY || (state[i] === UNKNOWN && Number.isFinite(problem.unknownHi?.[i] ?? Infinity)));
    touched.clear();
    let changed = false;
    pinned: for (const v of pins.pinned) {
      const seen = new Set<number>();
      const reasonsOf = (w: number) => [pins.loReason[w]!, pins.hiReason[w]!].filter((k) => k >= 0 && !seen.has(k));
      let layer = reasonsOf(v);
      if (isTouched(layer) || isTouched(byVar[v]!)) continue;
      const narrowSeen: number[] = narrow(v) ? [v] : [];
      while (layer.length > 0) {
        for (const k of layer) seen.add(k);
        const vars = [...new Set(layer.flatMap((k) => members(constraints[k]!)))];
        const pick = cheapest(vars);
        if (pick >= 0) {
          hideVar(pick);
          changed = true;
          continue pinned;
        }
        narrowSeen.push(...vars.filter(narrow));
        layer = [...new Set(vars.filter(hidden).flatMap(reasonsOf))];
      }
      const target = narrowSeen.find((i) => isTotal[i]) ?? narrowSeen[0];
      if (target !== undefined) {
        wide[target] = 1;
        mark(target);
        changed = true;
        continue;
      }
      const further = candidateFor(v);
      if (further >= 0) {
        hideVar(further);
        changed = true;
      }
    }
    return changed;
  };

  // The interval audit is cheap and finds most; the exact linear audit runs once it is satisfied.
  const limit = 3 * n + 10;
  let unresolved: number[] | null = null;
  for (let round = 0; round < limit && unresolved === null; round++) {
    lineRule();
    const pins = pinning(problem, state, wide, byVar);
    if (pins.pinned.length > 0 && unpin(pins)) continue;
    const derivable = derivableVars(problem, state);
    if (derivable.length > 0 && hideFor(derivable)) continue;
    unresolved = [...new Set([...pins.pinned, ...derivable])].sort((a, b) => a - b);
  }
  unresolved ??= [...new Set([...derivableVars(problem, state), ...pinnedVars(problem, state, wide, byVar)])].sort((a, b) => a - b);
  if (unresolved.length > 0) {
    // A guard, not a path the tests have ever seen: hide every non-zero count as '..'. With only
    // zeros published nothing hidden can be derived.
    for (let i = 0; i < n; i++) {
      if (state[i] === PUBLISHED && value[i]! > 0) state[i] = SECONDARY;
      else if (state[i] !== PUBLISHED) wide[i] = 1;
    }
  }
  return { state, wide, unresolved };
}

/** Hidden variables that the equalities and the published values determine exactly. */
export function derivableVars(problem: SuppressionProblem, state: Uint8Array): number[] {
  const n = state.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const equations = problem.constraints.filter((c) => c.kind === 'eq' && members(c).some((v) => state[v] !== PUBLISHED));
  for (const c of equations) {
    const vars = members(c).filter((v) => state[v] !== PUBLISHED);
    for (const v of vars) parent[find(v)] = find(vars[0]!);
  }
  const groups = new Map<number, Constraint[]>();
  for (const c of equations) {
    const root = find(members(c).find((v) => state[v] !== PUBLISHED)!);
    const list = groups.get(root);
    if (list) list.push(c);
    else groups.set(root, [c]);
  }
  const found: number[] = [];
  for (const group of groups.values()) {
    const column = new Map<number, number>();
    for (const c of group) for (const v of members(c)) if (state[v] !== PUBLISHED && !column.has(v)) column.set(v, column.size);
    const matrix = group.map((c) => {
      const row = new Array<number>(column.size).fill(0);
      for (const v of c.plus) if (column.has(v)) row[column.get(v)!]! += 1;
      for (const v of c.minus) if (column.has(v)) row[column.get(v)!]! -= 1;
      return row;
    });
    const vars = [...column.keys()];
    for (const j of determinedUnknowns(matrix, column.size)) found.push(vars[j]!);
  }
  return found.sort((a, b) => a - b);
}

