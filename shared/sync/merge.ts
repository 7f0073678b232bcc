import { conflictKey, type FieldConflict } from './conflict';
import { covers, joinKnowledge, knowledgeOf, sameKnowledge } from './knowledge';
import { isTombstone, type Knowledge, type StampedRecord, type Synced, type Tombstone } from './record';
import { canonicalJson, sameValue } from './value';

/**
 * Per-field merge of one record (last writer wins by `(clock, peer)`), as in Actual Budget's CRDT.
 *
 * - Every field named in `stamps` merges on its own: the higher stamp wins. Equal stamps with
 *   different values (only possible with corrupt data) are settled by the canonical JSON of the
 *   values, so every installation still picks the same one.
 * - Fields without a stamp are not synced: an existing record keeps its own (local revision,
 *   case code, creator); a new record takes the incoming ones; `derive` recomputes derived ones.
 * - `seen` (./knowledge) is joined. A free-text value that loses to a different value whose side
 *   had not seen it — both sides changed the field since they last heard from each other — is a
 *   conflict: the losing text is reported. A value the other side had seen and then changed is a
 *   plain update.
 * - Deletion wins over every edit (./record); field values the deleting side had not seen are
 *   reported, whatever their stamps, so a deletion never silently swallows a concurrent edit.
 *
 * Order-independent, idempotent and convergent (fields, `seen` and tombstones form a join
 * semilattice). A loss is reported where it is first decided; the report's key is deterministic, so
 * a repeat is harmless. Inputs are never mutated.
 */

export interface MergeOptions<R extends StampedRecord> {
  /** Fields whose concurrent changes are reported as conflicts (top-level names; e.g. 'question'). */
  freeTextFields?: readonly string[];
  /** Recomputes unstamped derived fields (e.g. receivedAt, region) of a new or changed record. */
  derive?: (record: R) => R;
}

export type MergeOutcome = 'new' | 'updated' | 'unchanged';

export interface MergeResult<R extends StampedRecord> {
  /** The merged record (`local` itself when `write` is false). */
  record: Synced<R>;
  /** Fields whose value and stamp were taken from `incoming` ('deleted' for a deletion). */
  changedFields: string[];
  conflicts: FieldConflict[];
  /** 'unchanged' when no field changed (the record may still gain knowledge: see `write`). */
  outcome: MergeOutcome;
  /** True when `record` must be stored (new, changed, or only its `seen` grew). */
  write: boolean;
}

type Loose = Record<string, unknown>;

export function mergeRecord<R extends StampedRecord>(
  local: Synced<R> | undefined,
  incoming: Synced<R>,
  options: MergeOptions<R> = {},
): MergeResult<R> {
  if (local !== undefined && local.id !== incoming.id) {
    throw new Error(`mergeRecord: ids differ (${local.id} / ${incoming.id})`);
  }
  if (local === undefined) return mergeNew(incoming, options);
  if (isTombstone(local) && isTombstone(incoming)) return mergeTombstones(local, incoming);
  if (isTombstone(incoming)) return deleteLocal(local as R, incoming);
  if (isTombstone(local)) return keepDeleted(local, incoming as R);
  return mergeFields(local as R, incoming as R, options);
}

function mergeNew<R extends StampedRecord>(incoming: Synced<R>, options: MergeOptions<R>): MergeResult<R> {
  const seen = knowledgeOf(incoming);
  if (isTombstone(incoming)) {
    return { record: { ...incoming, stamps: { ...incoming.stamps }, seen }, changedFields: ['deleted'], conflicts: [], outcome: 'new', write: true };
  }
  const copy = { ...incoming, stamps: { ...incoming.stamps }, seen } as R;
  return { record: options.derive ? options.derive(copy) : copy, changedFields: Object.keys(incoming.stamps).sort(), conflicts: [], outcome: 'new', write: true };
}

function mergeTombstones<R extends StampedRecord>(local: Tombstone, incoming: Tombstone): MergeResult<R> {
  const seen = joinKnowledge(knowledgeOf(local), knowledgeOf(incoming));
  const later = incoming.stamps.deleted > local.stamps.deleted;
  if (!later && sameKnowledge(local.seen, seen)) return { record: local, changedFields: [], conflicts: [], outcome: 'unchanged', write: false };
  const deleted = later ? incoming.stamps.deleted : local.stamps.deleted;
  return { record: { id: local.id, deleted: true, stamps: { deleted }, seen }, changedFields: later ? ['deleted'] : [], conflicts: [], outcome: later ? 'updated' : 'unchanged', write: true };
}

/**
 * Field values of `record` the deletion's side had not seen. A tombstone without `seen` (made by
 * other code) knows only its own stamp, so then everything stamped after the deletion counts.
 */
function unseenByDeletion(record: StampedRecord, deletion: Tombstone, side: 'local' | 'incoming'): FieldConflict[] {
  const known: Knowledge | undefined = deletion.seen ? knowledgeOf(deletion) : undefined;
  const unseen = (stamp: string) => (known ? !covers(known, stamp) : stamp > deletion.stamps.deleted);
  return Object.keys(record.stamps)
    .sort()
    .filter((field) => unseen(record.stamps[field]!))
    .map((field) => {
      const stamp = record.stamps[field]!;
      return {
        kind: 'edited-after-delete' as const,
        recordId: record.id,
        field,
        losing: (record as unknown as Loose)[field],
        losingStamp: stamp,
        winningStamp: deletion.stamps.deleted,
        losingSide: side,
        key: conflictKey(record.id, field, stamp),
      };
    });
}

function deleteLocal<R extends StampedRecord>(local: R, incoming: Tombstone): MergeResult<R> {
  return {
    record: { id: incoming.id, deleted: true, stamps: { ...incoming.stamps }, seen: joinKnowledge(knowledgeOf(incoming), knowledgeOf(local)) },
    changedFields: ['deleted'],
    conflicts: unseenByDeletion(local, incoming, 'local'),
    outcome: 'updated',
    write: true,
  };
}

function keepDeleted<R extends StampedRecord>(local: Tombstone, incoming: R): MergeResult<R> {
  const conflicts = unseenByDeletion(incoming, local, 'incoming');
  const seen = joinKnowledge(knowledgeOf(local), knowledgeOf(incoming));
  if (sameKnowledge(local.seen, seen)) return { record: local, changedFields: [], conflicts, outcome: 'unchanged', write: false };
  return { record: { ...local, stamps: { ...local.stamps }, seen }, changedFields: [], conflicts, outcome: 'unchanged', write: true };
}

function mergeFields<R extends StampedRecord>(local: R, incoming: R, options: MergeOptions<R>): MergeResult<R> {
  const freeText = new Set(options.freeTextFields ?? []);
  const localValues = local as unknown as Loose;
  const incomingValues = incoming as unknown as Loose;
  const localKnows = knowledgeOf(local);
  const incomingKnows = knowledgeOf(incoming);
  const changedFields: string[] = [];
  const conflicts: FieldConflict[] = [];

  for (const field of Object.keys(incoming.stamps).sort()) {
    const incomingStamp = incoming.stamps[field]!;
    const localStamp = local.stamps[field];
    if (localStamp === undefined) {
      changedFields.push(field);
      continue;
    }
    const same = sameValue(localValues[field], incomingValues[field]);
    const incomingWins =
      incomingStamp !== localStamp ? incomingStamp > localStamp : !same && canonicalJson(incomingValues[field]) > canonicalJson(localValues[field]);
    if (incomingWins) changedFields.push(field);
    if (localStamp === incomingStamp || same || !freeText.has(field)) continue;
    const [losingStamp, winnerKnows] = incomingWins ? [localStamp, incomingKnows] : [incomingStamp, localKnows];
    if (covers(winnerKnows, losingStamp)) continue; // the winning side saw it: a deliberate change
    conflicts.push({
      kind: 'concurrent-edit',
      recordId: local.id,
      field,
      losing: incomingWins ? localValues[field] : incomingValues[field],
      losingStamp,
      winningStamp: incomingWins ? incomingStamp : localStamp,
      losingSide: incomingWins ? 'local' : 'incoming',
      key: conflictKey(local.id, field, losingStamp),
    });
  }

  const seen = joinKnowledge(localKnows, incomingKnows);
  if (changedFields.length === 0) {
    if (sameKnowledge(local.seen, seen)) return { record: local, changedFields, conflicts, outcome: 'unchanged', write: false };
    return { record: { ...local, seen } as R, changedFields, conflicts, outcome: 'unchanged', write: true };
  }

  const merged: Loose = { ...localValues, stamps: { ...local.stamps }, seen };
  const stamps = merged.stamps as Record<string, string>;
  for (const field of changedFields) {
    if (Object.prototype.hasOwnProperty.call(incomingValues, field)) merged[field] = incomingValues[field];
    else delete merged[field];
    stamps[field] = incoming.stamps[field]!;
  }
  const record = merged as unknown as R;
  return { record: options.derive ? options.derive(record) : record, changedFields, conflicts, outcome: 'updated', write: true };
}
