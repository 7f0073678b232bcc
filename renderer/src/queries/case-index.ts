import { liveQuery, type Subscription } from 'dexie';
import type { CaseRow } from '../../../shared/domain/case-row';
import { rowComparator, rowMatcher, searchTextOf, type SortKey, type WorklistFilter } from '../../../shared/worklist/filter';
import type { OtkDatabase } from '../db/schema';
import { COUNTER_REV } from '../db/counters';
import { writeIndexSnapshot } from '../db/index-snapshot';
import { loadFromSnapshot, newestFirst } from './index-from-snapshot';

/**
 * Rows per read while loading: small enough that no single read (and the decryption of its sealed
 * list fields, about 25–30 µs per row here) blocks the UI for long.
 */
const LOAD_CHUNK = 2000;

/**
 * The sealed snapshot (renderer/src/db/index-snapshot.ts) is rebuilt lazily, from memory, not in
 * every writing transaction: sealing it is work in proportion to every row (too much for a save of
 * one case), while the revision feed makes a snapshot of any age exact at load. It is rewritten
 * SNAPSHOT_DELAY ms after the index is ready when there was none (or it was not trusted) or the
 * catch-up over it was longer than REBUILD_AFTER changes, after REBUILD_AFTER changes in a session,
 * and after any deletion (a purge or an imported deletion clears it in its own transaction).
 */
const SNAPSHOT_DELAY = 1500;
const REBUILD_AFTER = 1000;

/** Where `row` belongs in an array kept in `newestFirst` order (binary search). */
function insertionPoint(rows: CaseRow[], row: CaseRow): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst(rows[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface QueryResult {
  rows: readonly CaseRow[];
  /** Increases whenever the underlying rows change; lets views memoise. */
  version: number;
}

/**
 * The work list's in-memory index: the slim rows of every case, newest first, loaded once from the
 * `caseRows` table and then kept current through the `rev` change feed (only rows written since the
 * last revision are read). Deletions follow the same feed: a purged case, or one deleted by an
 * imported tombstone, leaves a tombstone with the revision of its deletion, so the rows and the
 * tombstones above the last revision seen (both indexed by `rev`) are all a catch-up reads. Any combination of filters, search and sort is answered from memory in
 * milliseconds at 100 000 cases — IndexedDB indexes cannot serve arbitrary combinations, counts and
 * sorts that fast (see the handbook's performance design and the benchmark results).
 */
export class CaseIndex {
  private byId = new Map<string, CaseRow>();
  private ordered: CaseRow[] = [];
  private searchText = new Map<string, string>();
  private rev = 0;
  private version = 0;
  private loading: Promise<void> | null = null;
  private subscription: Subscription | null = null;
  private listeners = new Set<() => void>();
  private cache: { key: string; version: number; rows: CaseRow[] } | null = null;
  /** Whether the sealed snapshot should be rewritten, changes applied since the last one, and the pending timer. */
  private snapshotWanted = false;
  private changesSinceSnapshot = 0;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** Where the last load came from (for tests and the benchmark). */
  loadedFrom: 'snapshot' | 'rows' | null = null;

  /**
   * @param visible which rows the acting profile may see (data/row-visibility); null: all. Rows
   * it may not see are never held, and a row that stops being visible (re-routed away) is dropped.
   */
  constructor(
    private readonly db: OtkDatabase,
    private readonly visible: ((row: CaseRow) => boolean) | null = null,
    /** `snapshot: false` loads from the rows and never writes a snapshot (tests, the benchmark). */
    private readonly options: { snapshot?: boolean } = {},
  ) {}

  get ready(): boolean {
    return this.loading !== null && this.version > 0;
  }

  /** Loads every row once, then follows the change feed. Safe to call more than once. */
  start(): Promise<void> {
    if (!this.loading) {
      this.loading = this.load().then(() => {
        this.subscription = liveQuery(() => this.db.counters.get(COUNTER_REV)).subscribe({
          next: (row) => {
            if ((row?.value ?? 0) > this.rev) void this.catchUp();
          },
          error: (error: unknown) => console.error('case index change feed failed', error),
        });
      });
    }
    return this.loading;
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.stopped = true;
    if (this.snapshotTimer !== null) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.snapshotWanted = false;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getVersion(): number {
    return this.version;
  }

  /** Every row, newest first (read-only; for one-pass views such as the home screen's lists). */
  rows(): readonly CaseRow[] {
    return this.ordered;
  }

  /** One case's row by id (undefined until the index has loaded it). */
  row(id: string): CaseRow | undefined {
    return this.byId.get(id);
  }

  /**
   * From the sealed snapshot and the changes since (./index-from-snapshot) when there is one to
   * trust; otherwise from the rows themselves. Only an unfiltered index (a coordinator's) writes
   * snapshots; a filtered one reads the whole snapshot and keeps what its profile may see.
   */
  private async load(): Promise<void> {
    const keyring = this.db.keyring;
    const start = keyring?.unlocked && this.options.snapshot !== false ? await loadFromSnapshot(this.db, keyring.dataKey()).catch(() => null) : null;
    if (!start) {
      await this.loadRows();
      this.loadedFrom = 'rows';
      this.wantSnapshot();
      return;
    }
    if (this.visible) {
      const rows = start.rows.filter(this.visible);
      for (const row of rows) this.byId.set(row.id, row);
      this.ordered = rows;
    } else {
      this.byId = start.byId;
      this.ordered = start.rows;
    }
    this.rev = start.rev;
    this.loadedFrom = 'snapshot';
    this.changesSinceSnapshot = start.changes;
    if (start.changes > REBUILD_AFTER) this.wantSnapshot();
    this.changed();
  }

  /**
   * Reads every row newest first, LOAD_CHUNK rows per read along the `[receivedAt+id]` index, and
   * yields to the event loop between reads: the first page (already on screen) stays responsive
   * while 100 000 rows arrive. The index becomes ready only when it is complete.
   */
  private async loadRows(): Promise<void> {
    // Rows written while the chunks are read may land in a range already passed: remember the
    // revision at the start, and let the change feed re-read everything written after it.
    const startRev = (await this.db.counters.get(COUNTER_REV))?.value ?? 0;
    const rows: CaseRow[] = [];
    let after: [string, string] | null = null;
    for (;;) {
      const chunk: CaseRow[] = await (after === null
        ? this.db.caseRows.orderBy('[receivedAt+id]')
        : this.db.caseRows.where('[receivedAt+id]').below(after)
      )
        .reverse()
        .limit(LOAD_CHUNK)
        .toArray();
      for (const row of chunk) if (!this.visible || this.visible(row)) rows.push(row);
      if (chunk.length < LOAD_CHUNK) break;
      const last: CaseRow = chunk.at(-1)!;
      after = [last.receivedAt, last.id];
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    for (const row of rows) this.byId.set(row.id, row);
    // A row moved by an edit during the load may have been read twice: keep one copy.
    this.ordered = rows.length === this.byId.size ? rows : rows.filter((row) => this.byId.get(row.id) === row);
    this.rev = startRev;
    this.changed();
  }

  /**
   * Reads the rows written and the cases deleted since the last revision seen (one read of each,
   * in one read transaction so both come from the same moment) and patches the index in place, in
   * revision order. O(changes), never O(all rows).
   */
  async catchUp(): Promise<void> {
    const since = this.rev;
    const [fresh, deleted, current] = await this.db.transaction('r', [this.db.caseRows, this.db.tombstones, this.db.counters], () =>
      Promise.all([this.db.caseRows.where('rev').above(since).toArray(), this.db.tombstones.where('rev').above(since).toArray(), this.db.counters.get(COUNTER_REV)]),
    );
    // Everything up to the revision read in the same transaction is now seen (a revision may also
    // number something that is no list row): the snapshot writer compares against it.
    const seen = Math.max(this.rev, current?.value ?? 0);
    if (fresh.length === 0 && deleted.length === 0) {
      this.rev = seen;
      if (this.snapshotWanted) this.scheduleSnapshot();
      return;
    }
    const changes: Array<{ rev: number; row?: CaseRow; deleted?: string }> = [
      ...fresh.map((row) => ({ rev: row.rev, row })),
      ...deleted.map((tombstone) => ({ rev: tombstone.rev, deleted: tombstone.id })),
    ].toSorted((a, b) => a.rev - b.rev);
    let touched = false;
    for (const change of changes) touched = (change.row ? this.apply(change.row) : this.remove(change.deleted!, change.rev)) || touched;
    this.rev = Math.max(this.rev, seen);
    this.changesSinceSnapshot += changes.length;
    if (deleted.length > 0 || this.changesSinceSnapshot > REBUILD_AFTER) this.wantSnapshot();
    else if (this.snapshotWanted) this.scheduleSnapshot();
    if (touched) this.changed();
  }

  private wantSnapshot(): void {
    if (this.visible || this.options.snapshot === false) return;
    this.snapshotWanted = true;
    this.scheduleSnapshot();
  }

  private scheduleSnapshot(): void {
    if (this.snapshotTimer !== null || this.stopped) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.saveSnapshot().catch((error: unknown) => console.error('case index snapshot not written', error));
    }, SNAPSHOT_DELAY);
  }

  /**
   * Seals the index's rows as the snapshot now, if it is unfiltered and unlocked; false when not
   * written (filtered, locked, or the list changed meanwhile: the next change feed tries again).
   */
  async saveSnapshot(): Promise<boolean> {
    const keyring = this.db.keyring;
    if (this.visible || !keyring?.unlocked) return false;
    const rev = this.rev;
    const written = await writeIndexSnapshot(this.db, keyring.dataKey(), this.ordered.slice(), rev);
    if (written && this.rev === rev) {
      this.snapshotWanted = false;
      this.changesSinceSnapshot = 0;
    }
    return written;
  }

  /** Puts a newer row in place; false when the index already holds this revision or a later one. */
  private apply(row: CaseRow): boolean {
    if (row.rev > this.rev) this.rev = row.rev;
    const previous = this.byId.get(row.id);
    if (previous && previous.rev >= row.rev) return false;
    if (this.visible && !this.visible(row)) return previous ? this.remove(row.id, row.rev) : false;
    if (previous) this.ordered.splice(insertionPoint(this.ordered, previous), 1);
    this.ordered.splice(insertionPoint(this.ordered, row), 0, row);
    this.byId.set(row.id, row);
    this.searchText.delete(row.id);
    return true;
  }

  /** Drops the row of a case deleted at revision `rev`; false when there is none (or it is newer). */
  private remove(id: string, rev: number): boolean {
    if (rev > this.rev) this.rev = rev;
    const previous = this.byId.get(id);
    if (!previous || previous.rev >= rev) return false;
    this.ordered.splice(insertionPoint(this.ordered, previous), 1);
    this.byId.delete(id);
    this.searchText.delete(id);
    return true;
  }

  private changed(): void {
    this.version += 1;
    this.cache = null;
    for (const listener of this.listeners) listener();
  }

  private search = (row: CaseRow): string => {
    let text = this.searchText.get(row.id);
    if (text === undefined) {
      text = searchTextOf(row);
      this.searchText.set(row.id, text);
    }
    return text;
  };

  /** The rows matching the filter, in the filter's order. Memoised until the rows change. */
  query(filter: WorklistFilter, today: string, rank: (column: SortKey, code: string) => number, rankKey: string): QueryResult {
    const key = `${JSON.stringify(filter)}|${today}|${rankKey}`;
    if (this.cache && this.cache.key === key && this.cache.version === this.version) {
      return { rows: this.cache.rows, version: this.version };
    }
    const matched = this.ordered.filter(rowMatcher(filter, today, this.search));
    const sort = filter.sort ?? 'receivedAt';
    const dir = filter.dir ?? 'desc';
    const matches = sort !== 'receivedAt' ? matched.toSorted(rowComparator(sort, dir, rank)) : dir === 'asc' ? matched.toReversed() : matched;
    this.cache = { key, version: this.version, rows: matches };
    return { rows: matches, version: this.version };
  }

  get size(): number {
    return this.ordered.length;
  }
}
