import type { OtkDatabase } from '../../db/schema';
import type { SyncedConsultation, TombstoneRow } from '../../db/rows/exchange';

/**
 * The ids this installation holds (cases and tombstones), read once per plan as keys only: a page
 * of incoming records then reads only the stored copies that exist — along a key range when they
 * lie close together (one request), else by bulkGet. Importing into an empty database reads nothing.
 */
export class LocalIds {
  private constructor(
    private readonly live: string[],
    private readonly liveSet: Set<string>,
    private readonly dead: Set<string>,
  ) {}

  /** `withoutTombstones`: an expert desk, whose only tombstones mark cases withdrawn from it (not deletions). */
  static async load(db: OtkDatabase, withoutTombstones = false): Promise<LocalIds> {
    const [live, dead] = await Promise.all([db.consultations.toCollection().primaryKeys(), withoutTombstones ? [] : db.tombstones.toCollection().primaryKeys()]);
    return new LocalIds(live as string[], new Set(live as string[]), new Set(dead as string[]));
  }

  /** How many stored case ids lie in [from, to] (the keys come sorted). */
  private countBetween(from: string, to: string): number {
    const at = (key: string, after: boolean) => {
      let lo = 0;
      let hi = this.live.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.live[mid]! < key || (after && this.live[mid] === key)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return at(to, true) - at(from, false);
  }

  async read(db: OtkDatabase, ids: readonly string[]): Promise<Map<string, SyncedConsultation | TombstoneRow>> {
    const stored = new Map<string, SyncedConsultation | TombstoneRow>();
    const live = ids.filter((id) => this.liveSet.has(id)).toSorted();
    const dead = ids.filter((id) => this.dead.has(id));
    if (live.length > 0) {
      const from = live[0]!;
      const to = live[live.length - 1]!;
      if (this.countBetween(from, to) <= live.length * 2) {
        const wanted = new Set(live);
        for (const record of await db.consultations.where(':id').between(from, to, true, true).toArray()) if (wanted.has(record.id)) stored.set(record.id, record);
      } else {
        for (const record of await db.consultations.bulkGet(live)) if (record) stored.set(record.id, record);
      }
    }
    if (dead.length > 0) for (const row of await db.tombstones.bulkGet(dead)) if (row) stored.set(row.id, row);
    return stored;
  }
}
