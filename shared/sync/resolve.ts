import type { FieldConflict } from './conflict';
import type { StampedRecord } from './record';

/**
 * The coordinator's answer to a concurrent-edit conflict, as a local write:
 * - `keep-current`: the value the record holds now stays; nothing is written;
 * - `restore-losing`: the text that lost is written again, with a fresh stamp, so it wins everywhere;
 * - `edit`: a new text (e.g. the two merged by hand) is written with a fresh stamp.
 * The record's knowledge already includes the losing stamp, so the new write is a plain update on
 * every installation, not a new conflict. The app stores the result, marks the conflict resolved
 * and writes the audit event in the same transaction.
 */
export type Resolution = { kind: 'keep-current' } | { kind: 'restore-losing' } | { kind: 'edit'; value: unknown };

export function resolveConflict<R extends StampedRecord>(record: R, conflict: FieldConflict, resolution: Resolution, stamp: string): { record: R; written: boolean } {
  if (conflict.kind !== 'concurrent-edit') throw new Error('resolveConflict: only concurrent edits can be resolved into the record');
  if (conflict.recordId !== record.id) throw new Error('resolveConflict: the conflict belongs to another record');
  if (resolution.kind === 'keep-current') return { record, written: false };
  const value = resolution.kind === 'restore-losing' ? conflict.losing : resolution.value;
  const current = record.stamps[conflict.field];
  if (current !== undefined && stamp <= current) throw new Error('resolveConflict: the stamp must be newer than the field\'s');
  return { record: { ...record, [conflict.field]: value, stamps: { ...record.stamps, [conflict.field]: stamp } }, written: true };
}
