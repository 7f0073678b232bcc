import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeRecord } from '../../../../shared/sync/merge';
import { initialClock, receive, tick, type ClockState } from '../../../../shared/sync/hlc';
import { isTombstone, type StampedRecord, type Synced } from '../../../../shared/sync/record';
import { tombstoneOf } from '../../../../shared/sync/tombstone';
import { sameValue } from '../../../../shared/sync/value';
import type { FieldConflict } from '../../../../shared/sync/conflict';

/**
 * Model: installations with skewed wall clocks create records, edit fields and delete records,
 * export full bundles (snapshots) to each other, and import them in random order, late and
 * repeatedly. Then everyone exchanges with everyone until nothing changes. The model also keeps,
 * outside the code under test, which edits each installation has seen — the ground truth for
 * "concurrent". Properties:
 *  - all installations end in the identical state (convergence);
 *  - importing a bundle a second time changes nothing, and after settling no bundle ever made
 *    changes anything (idempotence);
 *  - every field of a live record holds the value of its latest-stamped edit (no edit is lost
 *    that was not superseded by a later one);
 *  - every free-text edit that lost to a later edit whose author had not seen it is reported as a
 *    conflict somewhere, with its text; every edit a deletion swallowed without the deleting
 *    installation having seen it is reported too;
 *  - every reported conflict names a real edit, with its real value.
 */

const FIELDS = ['title', 'note', 'meta'] as const;
type Field = (typeof FIELDS)[number];
const FREE_TEXT: readonly string[] = ['note', 'meta'];

interface Rec extends StampedRecord {
  title: string;
  note: string;
  meta: { tags: string[]; text: string };
  stamps: Record<Field, string>;
}

interface Replica {
  peer: string;
  skew: number;
  clock: ClockState;
  store: Map<string, Synced<Rec>>;
  conflicts: FieldConflict[];
  /** Model only: keys `id|field|stamp` of every edit whose value has been on this installation. */
  saw: Set<string>;
}

interface Bundle {
  from: string;
  to: string;
  clockTo: string;
  records: Synced<Rec>[];
}

interface Edit {
  id: string;
  field: Field;
  value: unknown;
  stamp: string;
  /** Model only: what the writing installation had seen when it wrote this. */
  saw: Set<string>;
}

type Op =
  | { kind: 'create'; r: number; values: [string, string, string] }
  | { kind: 'edit'; r: number; pick: number; field: Field; value: string }
  | { kind: 'delete'; r: number; pick: number }
  | { kind: 'export'; r: number; to: number }
  | { kind: 'import'; pick: number; twice: boolean }
  | { kind: 'wait'; ms: number };

const text = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'epsilon', 'ääkkönen', '');
const replica = (n: number) => fc.nat(n - 1);
const edit = (n: number, fields: fc.Arbitrary<Field>) => fc.record({ kind: fc.constant('edit' as const), r: replica(n), pick: fc.nat(), field: fields, value: text });
const exchange = (n: number) => [
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('export' as const), r: replica(n), to: replica(n) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('import' as const), pick: fc.nat(), twice: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 20_000 }) }) },
];
/** Creates, edits and deletions of many records. */
const broadOp = (n: number): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), r: replica(n), values: fc.tuple(text, text, text) }) },
    { weight: 6, arbitrary: edit(n, fc.constantFrom(...FIELDS)) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), r: replica(n), pick: fc.nat() }) },
    ...exchange(n),
  );
/** Many edits of one record's free text: concurrency is the rule, not the exception. */
const focusedOp = (n: number): fc.Arbitrary<Op> =>
  fc.oneof({ weight: 5, arbitrary: edit(n, fc.constantFrom<Field>('note', 'note', 'meta', 'title')) }, { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), r: replica(n), pick: fc.constant(0) }) }, ...exchange(n));

const T0 = Date.UTC(2026, 8, 1, 8);
const valueOf = (field: Field, raw: string): unknown => (field === 'meta' ? { tags: raw ? [raw] : [], text: raw } : raw);
const key = (id: string, field: string, stamp: string) => `${id}|${field}|${stamp}`;

class World {
  now = T0;
  replicas: Replica[];
  bundles: Bundle[] = [];
  edits: Edit[] = [];
  deletions: Array<{ id: string; stamp: string; saw: Set<string> }> = [];
  nextId = 0;

  constructor(skews: number[]) {
    this.replicas = skews.map((skew, i) => {
      const peer = `peer-${'abcde'[i]}`;
      return { peer, skew, clock: initialClock(peer), store: new Map(), conflicts: [], saw: new Set() };
    });
  }

  stamp(r: Replica): string {
    this.now += 1;
    const next = tick(r.clock, this.now + r.skew);
    r.clock = next.state;
    return next.stamp;
  }

  liveIds(r: Replica): string[] {
    return [...r.store.values()].filter((rec) => !isTombstone(rec)).map((rec) => rec.id).sort();
  }

  write(r: Replica, id: string, field: Field, value: unknown, stamp: string): void {
    this.edits.push({ id, field, value, stamp, saw: new Set(r.saw) });
    r.saw.add(key(id, field, stamp));
  }

  apply(o: Op): void {
    if (o.kind === 'wait') {
      this.now += o.ms;
      return;
    }
    if (o.kind === 'import') {
      if (this.bundles.length === 0) return;
      const bundle = this.bundles[o.pick % this.bundles.length]!;
      this.importBundle(bundle);
      if (o.twice) {
        const target = this.replicas.find((r) => r.peer === bundle.to)!;
        const before = snapshot(target);
        expect(this.importBundle(bundle)).toBe(false);
        expect(snapshot(target)).toEqual(before);
      }
      return;
    }
    const r = this.replicas[o.r]!;
    if (o.kind === 'create') {
      const id = `rec-${this.nextId++}`;
      const s = this.stamp(r);
      const rec: Rec = { id, title: o.values[0], note: o.values[1], meta: valueOf('meta', o.values[2]) as Rec['meta'], stamps: { title: s, note: s, meta: s } };
      r.store.set(id, rec);
      for (const field of FIELDS) this.write(r, id, field, rec[field], s);
    } else if (o.kind === 'edit') {
      const ids = this.liveIds(r);
      if (ids.length === 0) return;
      const rec = r.store.get(ids[o.pick % ids.length]!) as Rec;
      const s = this.stamp(r);
      const value = valueOf(o.field, o.value);
      r.store.set(rec.id, { ...rec, [o.field]: value, stamps: { ...rec.stamps, [o.field]: s } });
      this.write(r, rec.id, o.field, value, s);
    } else if (o.kind === 'delete') {
      const ids = this.liveIds(r);
      if (ids.length === 0) return;
      const id = ids[o.pick % ids.length]!;
      const s = this.stamp(r);
      r.store.set(id, tombstoneOf(r.store.get(id)!, s));
      this.deletions.push({ id, stamp: s, saw: new Set(r.saw) });
    } else if (o.kind === 'export') {
      const to = this.replicas[o.to]!;
      if (to !== r) this.exportBundle(r, to);
    }
  }

  exportBundle(from: Replica, to: Replica): Bundle {
    const bundle = { from: from.peer, to: to.peer, clockTo: this.stamp(from), records: [...from.store.values()] };
    this.bundles.push(bundle);
    return bundle;
  }

  /** Imports a bundle at its recipient; returns whether anything was written. */
  importBundle(bundle: Bundle): boolean {
    const r = this.replicas.find((x) => x.peer === bundle.to)!;
    this.now += 1;
    r.clock = receive(r.clock, bundle.clockTo, this.now + r.skew);
    let changed = false;
    for (const incoming of bundle.records) {
      if (!isTombstone(incoming)) for (const field of FIELDS) r.saw.add(key(incoming.id, field, (incoming as Rec).stamps[field]));
      const result = mergeRecord(r.store.get(incoming.id), incoming, { freeTextFields: FREE_TEXT });
      r.conflicts.push(...result.conflicts);
      if (result.write) {
        r.store.set(incoming.id, result.record);
        changed = true;
      }
    }
    return changed;
  }

  /** Everyone sends everyone a full bundle and imports it, until a round changes nothing. */
  settle(): void {
    for (let round = 0; round < 6; round++) {
      let changed = false;
      for (const from of this.replicas) for (const to of this.replicas) if (from !== to) changed = this.importBundle(this.exportBundle(from, to)) || changed;
      if (!changed) return;
    }
    throw new Error('did not settle');
  }
}

function snapshot(r: Replica): Array<Synced<Rec>> {
  return [...r.store.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function checkWorld(world: World): void {
  world.settle();

  // convergence
  const states = world.replicas.map(snapshot);
  for (const state of states.slice(1)) expect(state).toEqual(states[0]);

  // idempotence: every bundle ever made, imported again, changes nothing
  for (const bundle of [...world.bundles]) expect(world.importBundle(bundle)).toBe(false);

  const final = new Map(states[0]!.map((rec) => [rec.id, rec]));
  const conflicts = world.replicas.flatMap((r) => r.conflicts);
  const reported = new Set(conflicts.map((c) => c.key));
  for (const e of world.edits) {
    const rec = final.get(e.id)!;
    const later = world.edits.filter((w) => w.id === e.id && w.field === e.field && w.stamp > e.stamp);
    // superseded knowingly: a later edit's author had seen it, or wrote the same value
    const superseded = later.some((w) => w.saw.has(key(e.id, e.field, e.stamp)) || sameValue(w.value, e.value));
    if (isTombstone(rec)) {
      // a deletion must not swallow an edit it never saw, unless the edit had already lost by the
      // ordinary rules (any later edit for plain fields; a knowing one for free text)
      const swallowedUnseen = !world.deletions.some((d) => d.id === e.id && d.saw.has(key(e.id, e.field, e.stamp)));
      const lostBefore = FREE_TEXT.includes(e.field) ? superseded : later.length > 0;
      if (swallowedUnseen && !lostBefore) expect(reported.has(key(e.id, e.field, e.stamp))).toBe(true);
      continue;
    }
    if (later.length === 0) {
      expect(rec.stamps[e.field]).toBe(e.stamp);
      expect(rec[e.field]).toEqual(e.value);
    } else {
      expect(rec.stamps[e.field] > e.stamp).toBe(true);
      if (FREE_TEXT.includes(e.field) && !superseded) expect(reported.has(key(e.id, e.field, e.stamp))).toBe(true);
    }
  }

  // every report is a real edit with its real value
  for (const c of conflicts) {
    const e = world.edits.find((x) => x.id === c.recordId && x.field === c.field && x.stamp === c.losingStamp);
    expect(e).toBeDefined();
    expect(c.losing).toEqual(e!.value);
    if (c.kind === 'concurrent-edit') {
      expect(FREE_TEXT).toContain(c.field);
      expect(c.losingStamp < c.winningStamp).toBe(true);
    } else {
      expect(world.deletions.some((d) => d.id === c.recordId && d.stamp === c.winningStamp)).toBe(true);
    }
  }
}

const skews = fc.array(fc.integer({ min: -60_000, max: 60_000 }), { minLength: 3, maxLength: 3 });

describe('merge properties (3 installations)', () => {
  it('many records: converge, re-import is a no-op, nothing lost unless superseded, every silent loss reported', () => {
    fc.assert(
      fc.property(skews, fc.array(broadOp(3), { minLength: 5, maxLength: 100 }), (s, ops) => {
        const world = new World(s);
        for (const o of ops) world.apply(o);
        checkWorld(world);
      }),
      { numRuns: 250 },
    );
  });

  it('one record edited concurrently everywhere: the same, under heavy conflict', () => {
    fc.assert(
      fc.property(skews, fc.array(focusedOp(3), { minLength: 5, maxLength: 60 }), (s, ops) => {
        const world = new World(s);
        world.apply({ kind: 'create', r: 0, values: ['otsikko', 'muistiinpano', 'meta'] });
        world.settle();
        for (const o of ops) world.apply(o);
        checkWorld(world);
      }),
      { numRuns: 250 },
    );
  });
});

describe('merge properties (2 installations)', () => {
  it('both sides report the losing text when both changed a free-text field since their last exchange', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 2, maxLength: 2 }),
        fc.array(broadOp(2), { maxLength: 30 }),
        text,
        text,
        fc.constantFrom<Field>('note', 'meta'),
        fc.boolean(),
        (s, ops, mine, theirs, field, aFirst) => {
          fc.pre(mine !== theirs);
          const world = new World(s);
          world.apply({ kind: 'create', r: 0, values: ['otsikko', 'muistiinpano', 'meta'] });
          for (const o of ops) world.apply(o);
          world.settle(); // the last exchange
          const [a, b] = world.replicas as [Replica, Replica];
          const id = 'rec-0';
          if (isTombstone(a.store.get(id)!)) return;
          a.conflicts = [];
          b.conflicts = [];
          for (const r of aFirst ? [0, 1] : [1, 0]) world.apply({ kind: 'edit', r, pick: world.liveIds(world.replicas[r]!).indexOf(id), field, value: r === 0 ? mine : theirs });
          const [first, second] = [world.edits.at(-2)!, world.edits.at(-1)!];
          const loser = first.stamp < second.stamp ? first : second;
          const toB = world.exportBundle(a, b);
          const toA = world.exportBundle(b, a);
          world.importBundle(toB);
          world.importBundle(toA);
          for (const r of [a, b]) {
            expect(r.conflicts).toEqual([expect.objectContaining({ kind: 'concurrent-edit', recordId: id, field, losing: loser.value, losingStamp: loser.stamp })]);
          }
          expect(snapshot(a)).toEqual(snapshot(b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
