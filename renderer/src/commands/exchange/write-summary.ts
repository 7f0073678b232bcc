import { isTombstone } from '../../../../shared/sync/record';
import { caseSequenceCounter, COUNTER_TOTAL, statusCounter } from '../../db/counters';
import type { ConsultationWrite } from './plan';

/**
 * What the counters and the case-code sequences take from the cases an import writes, worked out
 * in one pass over the writes. At 100 000 cases that pass (a regular expression per case code) is
 * tens of milliseconds: applyImport (./apply) runs it before its transaction, in slices
 * (`pause`, db/next-task timeSlicer), so that nothing inside the transaction walks all the writes
 * in one task. The requests admitted inside the transaction (their record changes there) are
 * summed there, on their own (a handful).
 */
export interface WriteSummary {
  /** Counter changes: total and per status, as a case appears, changes status or is deleted (zero entries dropped). */
  deltas: Record<string, number>;
  /** Per case-code sequence counter of this installation's prefix: the highest number among the new cases. */
  highest: Map<string, number>;
}

export function emptySummary(): WriteSummary {
  return { deltas: {}, highest: new Map() };
}

/** Adds one write to `summary` (`code` matches this installation's case codes). */
function addWrite(summary: WriteSummary, { record, before }: ConsultationWrite, code: RegExp, prefix: string): void {
  const { deltas } = summary;
  const add = (key: string, n: number) => (deltas[key] = (deltas[key] ?? 0) + n);
  const wasLive = before !== null && before !== 'deleted';
  if (isTombstone(record)) {
    if (wasLive) {
      add(COUNTER_TOTAL, -1);
      add(statusCounter(before), -1);
    }
    return;
  }
  if (!wasLive) add(COUNTER_TOTAL, 1);
  else add(statusCounter(before), -1);
  add(statusCounter(record.status), 1);
  if (before !== null) return;
  const match = code.exec(record.caseCode);
  if (!match) return;
  const key = caseSequenceCounter(prefix, Number(match[1]));
  summary.highest.set(key, Math.max(summary.highest.get(key) ?? 0, Number(match[2])));
}

const codePattern = (prefix: string) => new RegExp(`^${prefix}-(\\d{4})-(\\d{4,})$`);

/** The summary of `writes`, at once (a few writes, or inside a transaction where nothing may yield). */
export function summariseWrites(writes: readonly ConsultationWrite[], prefix: string, into: WriteSummary = emptySummary()): WriteSummary {
  const code = codePattern(prefix);
  for (const write of writes) addWrite(into, write, code, prefix);
  return into;
}

/** The summary of `writes`, yielding whenever `pause` says a slice is used up (never inside a transaction). */
export async function summariseWritesInSlices(writes: readonly ConsultationWrite[], prefix: string, pause: () => Promise<void> | null): Promise<WriteSummary> {
  const summary = emptySummary();
  const code = codePattern(prefix);
  for (const write of writes) {
    const paused = pause();
    if (paused) await paused;
    addWrite(summary, write, code, prefix);
  }
  return summary;
}

/** `a` and `b` together (a new summary); counter changes that cancel out are dropped. */
export function mergeSummaries(a: WriteSummary, b: WriteSummary): WriteSummary {
  const deltas: Record<string, number> = { ...a.deltas };
  for (const [key, n] of Object.entries(b.deltas)) deltas[key] = (deltas[key] ?? 0) + n;
  const highest = new Map(a.highest);
  for (const [key, n] of b.highest) highest.set(key, Math.max(highest.get(key) ?? 0, n));
  return { deltas: Object.fromEntries(Object.entries(deltas).filter(([, n]) => n !== 0)), highest };
}
