import { isTombstone } from '../../../../shared/sync/record';
import type { OtkDatabase } from '../../db/schema';
import { sealAhead } from '../../db/encryption-middleware';
import { SEALED_PROPERTY } from '../../db/sealed-fields';
import type { ProgressListener } from '../../../../shared/sync/wire/types';
import type { ConsultationWrite } from './plan';
import { nextTask } from '../../db/next-task';

type Row = Record<string, unknown>;

/**
 * The import's cryptography before its transaction: every case it writes and its list row sealed
 * ahead (renderer/src/db/encryption-middleware.ts `sealAhead`: the middleware's own fields, keys and
 * shape), so that the applying transaction only writes. Slices of SEAL_SLICE cases, one task each
 * (JSON, padding, AES-GCM, base64: ≈ 0.1 ms a case and its row on an idle 2-core machine, several
 * times that when the machine is busy — 64 a slice ran 50–130 ms there), so the page stays responsive.
 *
 * A sealed copy belongs to one planned write object: a write re-planned in the transaction (the
 * database changed since the preview) or changed there (an admitted request) is a different
 * object or holds a different record, and is sealed by the middleware on put, as before.
 */
export const SEAL_SLICE = 16;

export interface SealedCase {
  /** The planned record and row this copy was sealed from (identity: the copy is used only for them). */
  from: ConsultationWrite['record'];
  fromRow: ConsultationWrite['row'];
  /** The record as storedConsultation would store it, sealed, without `rev` and the arrival mark. */
  record: Row;
  /** The list row, sealed, without `rev`. */
  row: Row;
}

export type SealedCases = WeakMap<ConsultationWrite, SealedCase>;

/** The record as stored minus its local revision and arrival mark (./delta-marks storedConsultation adds them). */
function storable(write: ConsultationWrite): Row {
  const { arrivedFrom: _old, ...record } = write.record as Row;
  return record;
}

/**
 * Slices sealed at once. AES-GCM runs off this thread and each result comes back in a task of its
 * own: awaiting every slice before starting the next left this thread idle for that round trip,
 * so a few slices are under way while the next is prepared.
 */
export const SEALS_IN_FLIGHT = 4;

export async function sealCases(db: OtkDatabase, writes: readonly ConsultationWrite[], options: { onProgress?: ProgressListener; signal?: AbortSignal } = {}): Promise<SealedCases> {
  const sealed: SealedCases = new WeakMap();
  const live = writes.filter((write) => !isTombstone(write.record) && write.row !== null && write.admit !== true);
  const byId = (row: Row) => row.id;
  const inFlight: Array<Promise<boolean>> = [];
  let done = 0;
  /** Seals one slice; false when there is no key (the middleware decides on put). */
  const sealSlice = (slice: ConsultationWrite[]): Promise<boolean> =>
    Promise.all([sealAhead(db.keyring, 'consultations', slice.map(storable), byId), sealAhead(db.keyring, 'caseRows', slice.map((write) => write.row as unknown as Row), byId)]).then(([records, rows]) => {
      if (records === null || rows === null) return false;
      slice.forEach((write, i) => sealed.set(write, { from: write.record, fromRow: write.row, record: records[i]!, row: rows[i]! }));
      done += slice.length;
      options.onProgress?.({ phase: 'sealing', done, total: live.length });
      return true;
    });
  try {
    for (let start = 0; start < live.length; start += SEAL_SLICE) {
      options.signal?.throwIfAborted();
      const sealing = sealSlice(live.slice(start, start + SEAL_SLICE));
      sealing.catch(() => undefined); // awaited below
      inFlight.push(sealing);
      if (inFlight.length >= SEALS_IN_FLIGHT && !(await inFlight.shift())) return sealed;
      // WebCrypto may settle a slice's promises without leaving the task: yield between slices.
      await nextTask();
    }
    for (const sealing of inFlight.splice(0)) if (!(await sealing)) return sealed;
  } finally {
    // Cancelled or failed: the slices still under way settle unobserved (their result is dropped).
    for (const sealing of inFlight) sealing.catch(() => undefined);
  }
  return sealed;
}

/** The sealed copy of this write, when it still holds the record and row it was sealed from. */
export function sealedCopy(sealed: SealedCases | undefined, write: ConsultationWrite): SealedCase | undefined {
  const copy = sealed?.get(write);
  return copy && copy.from === write.record && copy.fromRow === write.row ? copy : undefined;
}

/**
 * A sealed copy completed as the middleware would have stored it: the plain members, then `rev`
 * and the extra members (the arrival mark), then the sealed value last — the same members in the
 * same order as sealing `{ ...record, rev, ...extra }` on put.
 */
export function withRevision(copy: Row, rev: number, extra: Row = {}): Row {
  const { [SEALED_PROPERTY]: value, ...plain } = copy;
  return value === undefined ? { ...plain, rev, ...extra } : { ...plain, rev, ...extra, [SEALED_PROPERTY]: value };
}
