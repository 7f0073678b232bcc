import { z } from 'zod';
import { stampSchema } from './stamp';
import type { StampedRecord } from './record';
import type { StampedField } from '../domain/consultation';

/**
 * What a bundle carries (need-to-know):
 * - `full`: everything this installation holds;
 * - `delta`: records written or merged here since the last full/delta bundle the recipient
 *   acknowledged (`since` is that bundle's `clock.to`; see ./exchange), so a lost bundle is not
 *   skipped. Select by the local revision (`rev`) recorded at that export, not by field stamps:
 *   a value relayed from a third installation can carry an older stamp than `since` and would be
 *   left out.
 * - `network`: only the cases currently routed to one expert network, only NETWORK_FIELDS;
 * - `requester`: only one requester's cases, only REQUESTER_FIELDS (status, meeting and recommendation included).
 *
 * The scope is written in the bundle header, which is readable without the passphrase: it holds
 * ids only. A requester is named by `requesterScopeId` (a hash), never by name or e-mail.
 */
export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full') }),
  z.object({ kind: z.literal('delta'), since: stampSchema }),
  z.object({ kind: z.literal('network'), networkId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }),
  z.object({ kind: z.literal('requester'), requesterId: z.string().regex(/^[0-9a-f]{64}$/) }),
]);
export type Scope = z.output<typeof scopeSchema>;

/**
 * Consultation fields an expert network receives. The requester's contact details stay with the
 * centre, which coordinates the meeting. Whole top-level fields only: a field is one stamped
 * unit, and a partial value sent back with a newer stamp would overwrite the full one.
 */
export const NETWORK_FIELDS = ['received', 'subject', 'question', 'hopedOutcome', 'hopedOutcomeNote', 'urgency', 'consent', 'status', 'routing', 'booking', 'recommendation'] as const satisfies readonly StampedField[];
/** Unstamped consultation fields a network receives: identity and what its list shows. */
export const NETWORK_UNSTAMPED = ['id', 'caseCode', 'receivedAt', 'targetDate', 'region', 'area'] as const;

/**
 * Consultation fields a requester receives: their own request and its status, not the routing
 * notes. `transitions` goes as the requester's view of the history (requesterTransitions: the
 * steps, and only the decline's reason and where to turn, and the question asked back), and the
 * recommendation only once it has been sent.
 */
export const REQUESTER_FIELDS = ['received', 'requester', 'subject', 'question', 'hopedOutcome', 'hopedOutcomeNote', 'urgency', 'consent', 'status', 'transitions', 'booking', 'recommendation'] as const satisfies readonly StampedField[];

/** Consultation fields a requester's desk sends to the centre: the request itself, nothing the centre decides. */
export const REQUEST_FIELDS = ['received', 'requester', 'subject', 'question', 'hopedOutcome', 'hopedOutcomeNote', 'urgency', 'consent', 'status'] as const satisfies readonly StampedField[];

/** Transition data a requester sees, by action: the rest (internal notes, override reasons) stays with the centre. */
export const REQUESTER_TRANSITION_DATA: Readonly<Record<string, readonly string[]>> = {
  decline: ['reason', 'reasonNote', 'whereToTurn'],
  'request-information': ['asked'],
  schedule: ['date', 'time'],
};

/** The requester's view of a case history: each step with its time, and only the data of REQUESTER_TRANSITION_DATA. */
export function requesterTransitions<T extends { action: string; data?: unknown }>(transitions: readonly T[]): T[] {
  return transitions.map((transition) => {
    const keep = REQUESTER_TRANSITION_DATA[transition.action] ?? [];
    const data = (transition.data ?? {}) as Record<string, unknown>;
    return { ...transition, data: Object.fromEntries(keep.filter((key) => key in data).map((key) => [key, data[key]])) };
  });
}
export const REQUESTER_UNSTAMPED = ['id', 'caseCode', 'receivedAt', 'targetDate'] as const;

/** The network a case is currently routed to (the last routing), or null. */
export function currentNetworkId(record: { routing?: ReadonlyArray<{ networkId: string }> }): string | null {
  const routing = record.routing ?? [];
  return routing.length > 0 ? routing[routing.length - 1]!.networkId : null;
}

/**
 * A copy of a record with only the named stamped fields (and their stamps) and the named unstamped
 * ones. The recipient merges it field by field; fields it never received stay as they are there.
 */
export function projectFields<R extends StampedRecord>(record: R, stamped: readonly string[], unstamped: readonly string[]): StampedRecord & Record<string, unknown> {
  const source = record as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const stamps: Record<string, string> = {};
  for (const field of unstamped) if (field in source) out[field] = source[field];
  for (const field of stamped) {
    const stamp = record.stamps[field];
    if (stamp === undefined) continue;
    if (field in source) out[field] = source[field];
    stamps[field] = stamp;
  }
  return { ...out, id: record.id, stamps };
}

/**
 * The opaque id of a requester for the `requester` scope: SHA-256 (hex) of the app's requester key
 * (lower-case name|organisation|e-mail). Lets the header say whose bundle it is without saying who.
 */
export async function requesterScopeId(requesterKey: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(requesterKey.normalize('NFC')));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * What the user asks to export. `delta` needs no base: it is the last full/delta bundle the
 * recipient acknowledged (with none, a full bundle is written instead). A requester is named by
 * `requesterScopeId(requesterKey(requester))` (a hash; see shared/sync/scope).
 */
export type ExportScope =
  | { kind: 'full' }
  | { kind: 'delta' }
  /** A network bundle: the coordinator's cases for the network ('cases', the default) or an expert desk's ready drafts ('drafts'). */
  | { kind: 'network'; networkId: string; content?: NetworkContent }
  /**
   * A requester bundle: the coordinator's reply with the requester's cases ('reply', the default),
   * or a requester desk's own requests ('requests', only `caseIds`).
   */
  | { kind: 'requester'; requesterId: string; content?: RequesterContent; caseIds?: readonly string[] };
export type NetworkContent = 'cases' | 'drafts';
export type RequesterContent = 'reply' | 'requests';
