import type { AuditEvent } from '../../domain/audit';
import type { ConsultationRecord, StampedField } from '../../domain/consultation';
import type { Settings } from '../../domain/settings';
import { helsinkiInstant } from '../../calendar/helsinki-time';
import { targetDate } from '../../calendar/target-date';
import { areaOfRegion } from '../../reference/regions';
import type { Tombstone } from '../record';
import { NETWORK_FIELDS, NETWORK_UNSTAMPED, projectFields, REQUEST_FIELDS, REQUESTER_FIELDS, REQUESTER_UNSTAMPED, requesterTransitions } from '../scope';
import type { KnownConsultation, WireConsultation, WireMeeting, WireMethod, WireNetwork } from './types';

/** Local bookkeeping on a stored row (its list revision, delta marks): never travels. */
type Local = { rev: number; arrivedFrom?: unknown; arrived?: unknown };
/** A consultation as the renderer stores it. */
type StoredConsultation = KnownConsultation & Local;

/**
 * Stored records ↔ the records a bundle carries. Local bookkeeping (`rev`, an audit event's
 * `importRev` and `importedFrom`, a tombstone's `entity`, the delta markers `arrivedFrom` and
 * `arrived`) never travels; partial scopes carry projections
 * (shared/sync/scope); a record that arrives without some fields (a network's copy has no
 * requester) is completed with neutral, unstamped values so the app can show it — unstamped, they
 * lose to any real value that arrives later.
 */

/**
 * Consultation fields whose concurrent changes are reported as conflicts rather than settled
 * silently: the free texts (and the objects holding free text) and the histories. Codes and dates
 * (received, hoped outcome, urgency, status, booking, follow-up) are settled by the later stamp.
 */
export const CONFLICT_FIELDS = ['requester', 'subject', 'question', 'hopedOutcomeNote', 'consent', 'routing', 'transitions', 'recommendation', 'closeOut'] as const satisfies readonly StampedField[];

/**
 * An audit event as stored after an import: the event, the list revision it arrived with and the
 * installation whose bundle brought it (a delta for that installation leaves it out).
 */
export type StoredAuditEvent = AuditEvent & { importRev?: number; importedFrom?: string };

export function wireConsultation(record: StoredConsultation): WireConsultation {
  const { rev: _rev, arrivedFrom: _arrivedFrom, ...wire } = record;
  return wire;
}

export function wireTombstone(row: Tombstone & Local & { entity: string }): Tombstone {
  const { rev: _rev, entity: _entity, arrivedFrom: _arrivedFrom, ...tombstone } = row;
  return tombstone;
}

export function wireNetwork(record: WireNetwork & Local): WireNetwork {
  const { rev: _rev, arrived: _arrived, ...wire } = record;
  return wire;
}

export function wireMethod(record: WireMethod & Local): WireMethod {
  const { rev: _rev, arrived: _arrived, ...wire } = record;
  return wire;
}

export function wireMeeting(record: WireMeeting & Local): WireMeeting {
  const { rev: _rev, arrived: _arrived, ...wire } = record;
  return wire;
}

/** The event as it was written (and hashed into its chain): without the importer's bookkeeping. */
export function wireAudit(event: StoredAuditEvent): AuditEvent {
  if (event.importRev === undefined && event.importedFrom === undefined) return event;
  const { importRev: _importRev, importedFrom: _importedFrom, ...wire } = event;
  return wire;
}

/** What an expert network receives of a case: NETWORK_FIELDS, no requester contact, no knowledge vector. */
export function networkProjection(record: StoredConsultation): WireConsultation {
  return projectFields(record, NETWORK_FIELDS, NETWORK_UNSTAMPED) as unknown as WireConsultation;
}

/**
 * What a requester receives of their own case: REQUESTER_FIELDS, the history as the requester's
 * view of it, and the recommendation only once it was sent (a draft the centre is still writing
 * stays there).
 */
export function requesterProjection(record: StoredConsultation): WireConsultation {
  const sent = record.recommendation?.sentAt !== undefined;
  const fields = sent ? REQUESTER_FIELDS : REQUESTER_FIELDS.filter((field) => field !== 'recommendation');
  const projected = projectFields(record, fields, REQUESTER_UNSTAMPED);
  if ('transitions' in projected) projected.transitions = requesterTransitions(record.transitions);
  return projected as unknown as WireConsultation;
}

/** What a requester's desk sends of its own new request: the request fields only (REQUEST_FIELDS). */
export function requestProjection(record: StoredConsultation): WireConsultation {
  return projectFields(record, REQUEST_FIELDS, REQUESTER_UNSTAMPED) as unknown as WireConsultation;
}

type Loose = Record<string, unknown>;

/** Neutral values for fields a partial bundle does not carry (never stamped: a real value always wins). */
function defaults(record: Loose): Loose {
  return {
    requester: { name: '', title: '', organisation: '', sector: '', region: typeof record.region === 'string' ? record.region : '', phone: '', email: '', language: 'fi' },
    routing: [],
    transitions: [],
    recommendation: null,
    closeOut: null,
    booking: null,
    followUpDoneAt: null,
    createdBy: '',
    region: '',
    area: '',
  };
}

function regionFields(record: Loose): { region?: string; area?: string } {
  const region = (record.requester as { region?: unknown } | undefined)?.region;
  if (typeof region !== 'string' || region === '') return {};
  return { region, area: areaOfRegion(region) };
}

/**
 * Fills what a merged record lacks and recomputes its derived, unstamped fields where the fields
 * they derive from changed: `receivedAt` (received), `targetDate` (received, urgency — with this
 * installation's rules, as a local edit would), `region`/`area` (requester). A new record keeps the
 * sender's derived values. Mutates and returns `record` (a fresh object from mergeRecord). May
 * throw on values that do not derive (a sender's bug): the caller refuses the bundle.
 */
export function completeAndDerive<R extends KnownConsultation>(record: R, changedFields: readonly string[], isNew: boolean, settings: Settings): R {
  const loose = record as unknown as Loose;
  for (const [field, value] of Object.entries(defaults(loose))) if (loose[field] === undefined) loose[field] = value;
  const changed = new Set(changedFields);
  if (isNew) {
    if (record.stamps.requester !== undefined && (loose.region === '' || loose.area === '')) Object.assign(loose, regionFields(loose));
    return record;
  }
  if (changed.has('received')) {
    const instant = helsinkiInstant(record.received.date, record.received.time);
    if (Number.isNaN(instant.getTime())) throw new RangeError('received does not make an instant');
    record.receivedAt = instant.toISOString();
  }
  if (changed.has('received') || changed.has('urgency')) {
    record.targetDate = targetDate(record.received.date, record.urgency, { normalCalendarDays: settings.normalCalendarDays, urgentWorkingDays: settings.urgentWorkingDays });
  }
  if (changed.has('requester') && record.stamps.requester !== undefined) Object.assign(loose, regionFields(loose));
  return record;
}

/** A stored consultation with its local revision. */
export function withRev(record: KnownConsultation, rev: number): ConsultationRecord {
  (record as ConsultationRecord).rev = rev;
  return record as ConsultationRecord;
}
