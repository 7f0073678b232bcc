import type { FieldConflict } from './conflict';
import { mergeRecord, type MergeOptions } from './merge';
import { checkClocks, type QuarantinedStamp } from './quarantine';
import type { StampedRecord, Synced } from './record';

/**
 * The import preview for one record type: what merging a bundle's records would do, before
 * anything is written. Records must already have passed the schema. A record with a clock too far
 * ahead is quarantined whole (not applied); everything else is merged against what is stored (or
 * against an earlier record of the same bundle with the same id).
 */

export interface PreviewCounts {
  new: number;
  updated: number;
  unchanged: number;
  /** Records with at least one conflict (counted here, not under new/updated/unchanged). */
  conflicts: number;
  quarantined: number;
}

export interface MergePlan<R extends StampedRecord> {
  counts: PreviewCounts;
  /** The merged records to store (new, changed, or with grown knowledge), one per id. */
  writes: Synced<R>[];
  conflicts: FieldConflict[];
  quarantined: Array<{ record: Synced<R>; stamps: QuarantinedStamp[] }>;
}

export function planMerge<R extends StampedRecord>(
  incoming: Iterable<Synced<R>>,
  lookup: (id: string) => Synced<R> | undefined,
  options: MergeOptions<R> & { nowMs: number },
): MergePlan<R> {
  const counts: PreviewCounts = { new: 0, updated: 0, unchanged: 0, conflicts: 0, quarantined: 0 };
  const pending = new Map<string, Synced<R>>();
  const conflicts: FieldConflict[] = [];
  const quarantined: MergePlan<R>['quarantined'] = [];
  for (const record of incoming) {
    // `seen` is checked too: a far-future entry there would hide that peer's later edits from conflict detection.
    const seenStamps = Object.fromEntries(Object.entries(record.seen ?? {}).map(([peer, stamp]) => [`seen.${peer}`, stamp]));
    const check = checkClocks({ ...record.stamps, ...seenStamps }, options.nowMs);
    if (check.malformed.length > 0) throw new TypeError(`planMerge: record ${record.id} has malformed stamps (validate records first)`);
    if (check.quarantined.length > 0) {
      counts.quarantined++;
      quarantined.push({ record, stamps: check.quarantined });
      continue;
    }
    const local = pending.get(record.id) ?? lookup(record.id);
    const result = mergeRecord(local, record, options);
    if (result.conflicts.length > 0) {
      counts.conflicts++;
      conflicts.push(...result.conflicts);
    } else counts[result.outcome]++;
    if (result.write) pending.set(record.id, result.record);
  }
  return { counts, writes: [...pending.values()], conflicts, quarantined };
}
