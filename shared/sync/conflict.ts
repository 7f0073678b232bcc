/**
 * What merging reports instead of dropping: the value that lost. The app keeps these in its
 * conflicts table, flags the case, and the coordinator resolves (keep mine / take theirs / edit).
 */

/**
 * - `concurrent-edit`: both sides changed a free-text field since their last exchange and the
 *   values differ; `losing` is the text with the older stamp.
 * - `edited-after-delete`: a field was written after (or unaware of) the record's deletion; the
 *   deletion wins, and `losing` is the value that the deletion would otherwise have dropped.
 */
export type ConflictKind = 'concurrent-edit' | 'edited-after-delete';

export interface FieldConflict {
  kind: ConflictKind;
  recordId: string;
  field: string;
  /** The value that lost (never dropped silently: it goes to the conflicts table). */
  losing: unknown;
  losingStamp: string;
  /** The stamp of the value that won (for `edited-after-delete`: the deletion's stamp). */
  winningStamp: string;
  /** Which side of this merge held the losing value. */
  losingSide: 'local' | 'incoming';
  /**
   * Deterministic identity `recordId|field|losingStamp`: storing conflicts under this key makes a
   * repeated report (the same bundle imported twice, or the loss seen again via a third
   * installation) a no-op.
   */
  key: string;
}

export function conflictKey(recordId: string, field: string, losingStamp: string): string {
  return `${recordId}|${field}|${losingStamp}`;
}
