import seed from './seed.mjs';
import rawBaselines from './raw-baselines.mjs';
import caseSave from './case-save.mjs';
import coldStartBreakdown from './cold-start-breakdown.mjs';
import plan from './plan.mjs';
import coldStart from './cold-start.mjs';
import heap from './heap.mjs';
import listFilter from './list-filter.mjs';
import listCount from './list-count.mjs';
import listScrollDeep from './list-scroll-deep.mjs';
import caseOpen from './case-open.mjs';
import summary from './summary.mjs';
import summaryScreen from './summary-screen.mjs';
import similar from './similar.mjs';
import exportBundle from './export.mjs';
import importBundle from './import.mjs';
import backup from './backup.mjs';
import restore from './restore.mjs';
import kdf from './kdf.mjs';
import unlock from './unlock.mjs';
import blankPage from './blank-page.mjs';
import typing from './typing.mjs';

/**
 * The operations, in the order they run. Each is `{ id, run(bench) → results[] }`, or
 * `{ id, pending: 'not built yet: …' }` until the feature exists (drop `pending`, add `run`).
 * Order matters: the seed (its harness page sets up the benchmark's profile first, so everything is
 * sealed at rest) fills the database; the command-level operations use the harness page; `plan`
 * closes it; then the app pages run, each unlocked through the lock screen (cold start and heap in
 * fresh tabs first, then the list).
 */
export const OPERATIONS = [
  seed,
  rawBaselines,
  caseSave,
  summary,
  similar,
  coldStartBreakdown,
  unlock,
  plan,
  blankPage,
  coldStart,
  heap,
  listFilter,
  listCount,
  listScrollDeep,
  caseOpen,
  summaryScreen,
  typing,
  exportBundle,
  importBundle,
  backup,
  restore,
  kdf,
];
