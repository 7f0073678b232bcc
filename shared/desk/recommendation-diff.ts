/**
 * What an expert network's draft would change in the recommendation on a case (issue 11): the
 * coordinator sees it before using the draft. Compared part by part — language, the question as the
 * experts understood it, each recommendation, each next step, the follow-up date. Lists are aligned
 * by their longest common run of equal items, so a row inserted at the top shows as one addition
 * rather than every row changed; within a stretch that differs, removed and added rows pair up as
 * changes. Text is compared without its surrounding white space; '' counts as "not given".
 * Pure: no I/O, no clock.
 */

export type ChangeKind = 'added' | 'removed' | 'changed';

/** A recommendation as the comparison needs it; every part optional (a stored draft may be incomplete). */
export interface ComparableRecommendation {
  language?: string;
  questionSummary?: string;
  recommendations?: readonly string[];
  nextSteps?: ReadonlyArray<{ step: string; by: string }>;
  followUpDate?: string;
  /** Per recommended item, the methods it names (issue 21). */
  methods?: ReadonlyArray<readonly string[]>;
}

export interface StepText {
  step: string;
  by: string;
}

interface ListChange<T> {
  kind: ChangeKind;
  /** Position in the case's recommendation (0-based); null for an addition. */
  beforeIndex: number | null;
  /** Position in the draft (0-based); null for a removal. */
  afterIndex: number | null;
  before: T | null;
  after: T | null;
}

export type RecommendationChange =
  | { field: 'language' | 'questionSummary' | 'followUpDate'; kind: ChangeKind; before: string | null; after: string | null }
  /** The methods named anywhere in the recommendation, as space-separated codes in order of first mention. */
  | { field: 'methods'; kind: ChangeKind; before: string | null; after: string | null }
  | ({ field: 'recommendation' } & ListChange<string>)
  | ({ field: 'nextStep' } & ListChange<StepText>);

const norm = (text: string | undefined | null) => (text ?? '').trim();

function scalarChange(field: 'language' | 'questionSummary' | 'followUpDate' | 'methods', before: string | undefined, after: string | undefined): RecommendationChange[] {
  const a = norm(before);
  const b = norm(after);
  if (a === b) return [];
  if (a === '') return [{ field, kind: 'added', before: null, after: b }];
  if (b === '') return [{ field, kind: 'removed', before: a, after: null }];
  return [{ field, kind: 'changed', before: a, after: b }];
}

type Op = { op: 'same'; i: number; j: number } | { op: 'remove'; i: number } | { op: 'add'; j: number };

/** The edit script of two short lists (at most tens of items) by a longest common subsequence. */
function editScript(before: readonly string[], after: readonly string[]): Op[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: the longest common subsequence of before[i..] and after[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) ops.push({ op: 'same', i: i++, j: j++ });
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) ops.push({ op: 'remove', i: i++ });
    else ops.push({ op: 'add', j: j++ });
  }
  while (i < n) ops.push({ op: 'remove', i: i++ });
  while (j < m) ops.push({ op: 'add', j: j++ });
  return ops;
}

/** The changes between two lists; `key` is what counts as equal. */
function listChanges<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): Array<ListChange<T>> {
  const ops = editScript(before.map(key), after.map(key));
  const out: Array<ListChange<T>> = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) out.push({ kind: 'changed', beforeIndex: removed[k]!, afterIndex: added[k]!, before: before[removed[k]!]!, after: after[added[k]!]! });
    for (const i of removed.slice(paired)) out.push({ kind: 'removed', beforeIndex: i, afterIndex: null, before: before[i]!, after: null });
    for (const j of added.slice(paired)) out.push({ kind: 'added', beforeIndex: null, afterIndex: j, before: null, after: after[j]! });
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op.op === 'same') flush();
    else if (op.op === 'remove') removed.push(op.i);
    else added.push(op.j);
  }
  flush();
  return out;
}

/** The methods named, each once, as one comparable text ('' when none). */
const methodText = (r: ComparableRecommendation | null) => [...new Set((r?.methods ?? []).flat())].join(' ');
const items = (r: ComparableRecommendation | null) => (r?.recommendations ?? []).map(norm).filter((text) => text !== '');
const steps = (r: ComparableRecommendation | null): StepText[] =>
  (r?.nextSteps ?? []).map((s) => ({ step: norm(s.step), by: norm(s.by) })).filter((s) => s.step !== '' || s.by !== '');

/**
 * What using `draft` would change in `current` (null: the case has no recommendation yet, so
 * everything the draft holds is an addition), in the order of the recommendation's parts.
 * Empty when they say the same.
 */
export function recommendationChanges(current: ComparableRecommendation | null, draft: ComparableRecommendation): RecommendationChange[] {
  return [
    ...scalarChange('language', current?.language, draft.language),
    ...scalarChange('questionSummary', current?.questionSummary, draft.questionSummary),
    ...listChanges(items(current), items(draft), (text) => text).map((c): RecommendationChange => ({ field: 'recommendation', ...c })),
    ...listChanges(steps(current), steps(draft), (s) => JSON.stringify([s.step, s.by])).map((c): RecommendationChange => ({ field: 'nextStep', ...c })),
    ...scalarChange('methods', methodText(current), methodText(draft)),
    ...scalarChange('followUpDate', current?.followUpDate, draft.followUpDate),
  ];
}

/** Do the two say the same (as recommendationChanges compares them)? */
export function sameRecommendation(current: ComparableRecommendation | null, draft: ComparableRecommendation): boolean {
  return recommendationChanges(current, draft).length === 0;
}
