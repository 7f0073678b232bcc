import { liveQuery, type Subscription } from 'dexie';
import type { CaseRow } from '../../../shared/domain/case-row';
import { rowComparator, rowMatcher, searchTextOf, type SortKey, type WorklistFilter } from '../../../shared/worklist/filter';
import type { OtkDatabase } from '../db/schema';
import { COUNTER_REV } from '../db/counters';

/**
 * Rows per read while loading: small enough that no single read (and the decryption of its sealed
 * list fields, about 25–30 µs per row here) blocks the UI for long.
 */
const LOAD_CHUNK = 2000;

/** Newest first, then by id: the order of the `[receivedAt+id]` index, reversed. */
function newestFirst(a: CaseRow, b: CaseRow): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

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

  /**
   * @param visible which rows the acting profile may see (data/row-visibility); null: all. Rows
   * it may not see are never held, and a row that stops being visible (re-routed away) is dropped.
   */
  constructor(
    private readonly db: OtkDatabase,
    private readonly visible: ((row: CaseRow) => boolean) | null = null,
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
   * Reads every row newest first, LOAD_CHUNK rows per read along the `[receivedAt+id]` index, and
   * yields to the event loop between reads: the first page (already on screen) stays responsive
   * while 100 000 rows arrive. The index becomes ready only when it is complete.
   */
  private async load(): Promise<void> {
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
    const [fresh, deleted] = await this.db.transaction('r', [this.db.caseRows, this.db.tombstones], () =>
      Promise.all([this.db.caseRows.where('rev').above(since).toArray(), this.db.tombstones.where('rev').above(since).toArray()]),
    );
    if (fresh.length === 0 && deleted.length === 0) return;
    const changes: Array<{ rev: number; row?: CaseRow; deleted?: string }> = [
      ...fresh.map((row) => ({ rev: row.rev, row })),
      ...deleted.map((tombstone) => ({ rev: tombstone.rev, deleted: tombstone.id })),
    ].toSorted((a, b) => a.rev - b.rev);
    let touched = false;
    for (const change of changes) touched = (change.row ? this.apply(change.row) : this.remove(change.deleted!, change.rev)) || touched;
    if (touched) this.changed();
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
