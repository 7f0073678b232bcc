import { canonicalJson } from './value';

/**
 * Audit events are append-only and never edited, so they merge as a set keyed by id: union, and
 * nothing is ever removed. Two events with one id but different content should not exist (an id
 * is a UUID v7 written once); if they do, both installations keep the same one (the greater
 * canonical JSON) and the difference is reported, so that it can be looked into.
 */

export interface AuditLike {
  id: string;
  clock: string;
}

export interface AuditMergeResult<E extends AuditLike> {
  event: E;
  outcome: 'new' | 'unchanged' | 'updated';
  /** Set when local and incoming differ under one id: the event that was not kept. */
  mismatch?: E;
}

/** Merges one incoming event into what is stored under its id. */
export function mergeAuditEvent<E extends AuditLike>(local: E | undefined, incoming: E): AuditMergeResult<E> {
  if (local === undefined) return { event: incoming, outcome: 'new' };
  if (local.id !== incoming.id) throw new Error(`mergeAuditEvent: ids differ (${local.id} / ${incoming.id})`);
  const localJson = canonicalJson(local);
  const incomingJson = canonicalJson(incoming);
  if (localJson === incomingJson) return { event: local, outcome: 'unchanged' };
  return incomingJson > localJson
    ? { event: incoming, outcome: 'updated', mismatch: local }
    : { event: local, outcome: 'unchanged', mismatch: incoming };
}

export interface AuditSetMerge<E extends AuditLike> {
  /** The union, ordered by (clock, id). */
  events: E[];
  /** Incoming events that were not held locally. */
  added: E[];
  /** Ids whose local and incoming content differ (kept: the greater canonical JSON). */
  mismatched: string[];
}

/** Union of two audit logs by id. Neither input is changed. */
export function mergeAuditSets<E extends AuditLike>(local: readonly E[], incoming: readonly E[]): AuditSetMerge<E> {
  const byId = new Map<string, E>();
  for (const event of local) byId.set(event.id, mergeAuditEvent(byId.get(event.id), event).event);
  const added: E[] = [];
  const mismatched = new Set<string>();
  for (const event of incoming) {
    const result = mergeAuditEvent(byId.get(event.id), event);
    if (result.outcome === 'new') added.push(event);
    if (result.mismatch) mismatched.add(event.id);
    byId.set(event.id, result.event);
  }
  const events = [...byId.values()].sort((a, b) => (a.clock === b.clock ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.clock < b.clock ? -1 : 1));
  return { events, added, mismatched: [...mismatched].sort() };
}
