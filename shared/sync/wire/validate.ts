import { STAMPED_FIELDS, type StampedField } from '../../domain/consultation';
import { networkSchema } from '../../domain/network';
import { localMethodSchema } from '../../knowledge/methods';
import { meetingSchema } from '../../meetings/schema';
import { recommendationDraftSchema } from '../../lifecycle/recommendation';
import type { BundleHeader } from '../bundle';
import { STAMP_PATTERN } from '../stamp';
import { currentNetworkId, NETWORK_FIELDS, NETWORK_UNSTAMPED, REQUESTER_FIELDS, REQUESTER_UNSTAMPED, requesterScopeId } from '../scope';
import { requesterKey } from '../../domain/requester-key';
import { CASE_CODE } from '../../domain/case-code';
import { MSG } from '../../domain/validation';
import { checkConsultationField } from './consultation-fields';
import { ENTRY_TYPES, refusal, type EntryType, type ImportRefusal, type RefusalDetail, type WireRecords } from './types';

/**
 * Checks every record of an authenticated bundle before anything is merged: the shape of each type
 * (structural checks — cheap enough for 100 000 records; the bundle is authenticated, so this
 * catches a sender's bug or an incompatible app, not an attacker) and the scope's need-to-know
 * rules (a network bundle holds only that network's cases and only its fields). Pure: runs in the
 * bundle worker as well as on the main thread.
 */

type Loose = Record<string, unknown>;
/** An audit chain link (shared/protection/audit-chain): SHA-256 hex. */
const HASH = /^[0-9a-f]{64}$/;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStamp = (value: unknown) => isString(value) && STAMP_PATTERN.test(value);
const isStringArray = (value: unknown) => Array.isArray(value) && value.every(isString);
const ID = /^[A-Za-z0-9-]{1,64}$/;
const isId = (value: unknown) => isString(value) && ID.test(value);

/** Every live consultation carries these, whatever the scope (the list row and the merge need them). */
const CORE_STAMPED = ['received', 'subject', 'question', 'hopedOutcome', 'hopedOutcomeNote', 'urgency', 'consent', 'status'] as const;
const CORE_UNSTAMPED = ['caseCode', 'receivedAt', 'targetDate'] as const;
const ALL_STAMPED: ReadonlySet<string> = new Set(STAMPED_FIELDS);
const FULL_UNSTAMPED = new Set(['id', 'caseCode', 'receivedAt', 'targetDate', 'region', 'area', 'createdBy', 'stamps', 'seen']);

interface ScopeRules {
  types: ReadonlySet<EntryType>;
  stamped: ReadonlySet<string>;
  /** Top-level members a consultation may have (null: any, as a full record may carry more). */
  members: ReadonlySet<string> | null;
  tombstones: boolean;
  audit: boolean;
}

function rulesOf(scope: BundleHeader['scope']): ScopeRules {
  switch (scope.kind) {
    case 'full':
    case 'delta':
      return { types: new Set(ENTRY_TYPES), stamped: new Set(STAMPED_FIELDS), members: null, tombstones: true, audit: true };
    case 'network':
      return {
        types: new Set(['consultation', 'network', 'meeting', 'draft', 'method']),
        stamped: new Set(NETWORK_FIELDS),
        members: new Set([...NETWORK_FIELDS, ...NETWORK_UNSTAMPED, 'stamps']),
        tombstones: false,
        audit: false,
      };
    case 'requester':
      return {
        types: new Set(['consultation', 'method']),
        stamped: new Set(REQUESTER_FIELDS),
        members: new Set([...REQUESTER_FIELDS, ...REQUESTER_UNSTAMPED, 'stamps']),
        tombstones: false,
        audit: false,
      };
  }
}

class Refused extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.code);
  }
}

/** A record (`index`) or, without an index, a whole record type. `problem`: what the schema says is wrong. */
const invalid = (type: string, index?: number, field?: string, problem?: string): never => {
  throw new Refused(refusal('invalid-record', { type, ...(index !== undefined ? { index } : {}), ...(field ? { field } : {}), ...(problem ? { problem } : {}) }));
};
const outOfScope = (type: string, index?: number, field?: string): never => {
  throw new Refused(refusal('out-of-scope', { type, ...(index !== undefined ? { index } : {}), ...(field ? { field } : {}) }));
};

/** The case code a record carries, when it is one (a label the user can find the record by). */
export function caseCodeOf(record: unknown): Pick<RefusalDetail, 'caseCode'> {
  const code = isObject(record) ? record.caseCode : undefined;
  return isString(code) && CASE_CODE.test(code) ? { caseCode: code } : {};
}

/** A refusal with the refused record's case code and, when it is outside the scope, the scope. */
function labelled(found: ImportRefusal, byType: Readonly<Record<string, unknown[]>>, scope: BundleHeader['scope']): ImportRefusal {
  const { detail } = found;
  if (!detail) return found;
  const record = detail.type !== undefined && detail.index !== undefined ? byType[detail.type]?.[detail.index] : undefined;
  return { ...found, detail: { ...detail, ...caseCodeOf(record), ...(found.code === 'out-of-scope' ? { scope: scope.kind } : {}) } };
}

/** The first problem zod finds: the top-level field it is in and its message. */
function firstIssue(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): [field?: string, problem?: string] {
  const issue = result.error?.issues[0];
  return issue ? [issue.path.length > 0 ? String(issue.path[0]) : undefined, issue.message] : [];
}
/** A network bundle with a case, meeting or draft of another network: named as such (the expert desk shows no other network's cases). */
const otherNetwork = (type: string, index: number, field: string): never => {
  throw new Refused(refusal('other-network', { type, index, field }));
};

function checkSeen(seen: unknown, type: string, index: number): void {
  if (seen === undefined) return;
  if (!isObject(seen)) invalid(type, index, 'seen');
  for (const [peer, stamp] of Object.entries(seen as Loose)) if (!ID.test(peer) || !isStamp(stamp)) invalid(type, index, 'seen');
}

function checkConsultation(record: unknown, index: number, rules: ScopeRules, scope: BundleHeader['scope']): void {
  const type = 'consultation';
  if (!isObject(record) || !isId(record.id) || !isObject(record.stamps)) return invalid(type, index);
  const stamps = record.stamps;
  if (record.deleted !== undefined) {
    if (!rules.tombstones) return outOfScope(type, index, 'deleted');
    const keys = Object.keys(record);
    if (record.deleted !== true || !isStamp(stamps.deleted) || Object.keys(stamps).length !== 1 || keys.some((key) => !['id', 'deleted', 'stamps', 'seen'].includes(key))) {
      return invalid(type, index, 'deleted');
    }
    return checkSeen(record.seen, type, index);
  }
  for (const [field, stamp] of Object.entries(stamps)) {
    if (!ALL_STAMPED.has(field)) return invalid(type, index, `stamps.${field}`);
    if (!rules.stamped.has(field)) return outOfScope(type, index, field);
    if (!isStamp(stamp)) return invalid(type, index, `stamps.${field}`);
    if (!(field in record)) return invalid(type, index, field, MSG.required);
    const problem = checkConsultationField(field as StampedField, record[field]);
    if (problem) return invalid(type, index, problem.path, problem.problem);
  }
  for (const field of CORE_STAMPED) if (stamps[field] === undefined) return invalid(type, index, field);
  for (const field of CORE_UNSTAMPED) if (!isString(record[field])) return invalid(type, index, field);
  for (const field of ['region', 'area', 'createdBy'] as const) if (record[field] !== undefined && !isString(record[field])) return invalid(type, index, field);
  if (rules.members) {
    for (const key of Object.keys(record)) if (!rules.members.has(key)) return outOfScope(type, index, key);
  } else {
    // Unstamped members named like stamped fields are the neutral values of a copy that came in a partial bundle.
    for (const key of Object.keys(record)) if (!(key in stamps) && !FULL_UNSTAMPED.has(key) && !ALL_STAMPED.has(key)) return invalid(type, index, key);
    checkSeen(record.seen, type, index);
  }
  if (scope.kind === 'network' && currentNetworkId(record as { routing?: Array<{ networkId: string }> }) !== scope.networkId) return otherNetwork(type, index, 'routing');
}

/** A registry record's per-field stamps: an object of valid stamps, one per field it holds. */
function checkFieldStamps(record: Loose, type: string, index: number): void {
  const stamps = record.stamps;
  if (!isObject(stamps) || Object.keys(stamps).length === 0) return invalid(type, index, 'stamps');
  for (const [field, stamp] of Object.entries(stamps)) if (!isStamp(stamp) || !(field in record)) return invalid(type, index, `stamps.${field}`);
  if (record.seen !== undefined) checkSeen(record.seen, type, index);
}

function checkNetwork(record: unknown, index: number, scope: BundleHeader['scope']): void {
  if (!isObject(record) || !isString(record.updatedAt)) return invalid('network', index);
  checkFieldStamps(record, 'network', index);
  const { stamps: _stamps, seen: _seen, updatedAt: _updatedAt, ...fields } = record;
  const parsed = networkSchema.safeParse(fields);
  if (!parsed.success) return invalid('network', index, ...firstIssue(parsed));
  if (scope.kind === 'network' && record.id !== scope.networkId) return otherNetwork('network', index, 'id');
}

function checkMeeting(record: unknown, index: number, scope: BundleHeader['scope']): void {
  if (!isObject(record) || !isString(record.updatedAt)) return invalid('meeting', index);
  checkFieldStamps(record, 'meeting', index);
  const { stamps: _stamps, seen: _seen, updatedAt: _updatedAt, ...fields } = record;
  const parsed = meetingSchema.safeParse(fields);
  if (!parsed.success) return invalid('meeting', index, ...firstIssue(parsed));
  if (scope.kind === 'network' && record.networkId !== scope.networkId) return otherNetwork('meeting', index, 'networkId');
}

/** A centre's own method (issue 21): the registry's shape, like a network. */
function checkMethod(record: unknown, index: number): void {
  if (!isObject(record) || !isString(record.updatedAt)) return invalid('method', index);
  checkFieldStamps(record, 'method', index);
  const { stamps: _stamps, seen: _seen, updatedAt: _updatedAt, ...fields } = record;
  const parsed = localMethodSchema.safeParse(fields);
  if (!parsed.success) return invalid('method', index, ...firstIssue(parsed));
}

/** An expert's ready recommendation draft: the structured recommendation, for a case of the bundle's network. */
function checkDraft(record: unknown, index: number, scope: BundleHeader['scope']): void {
  const type = 'draft';
  if (!isObject(record) || !isId(record.id) || !isId(record.networkId) || !isString(record.caseCode) || !isString(record.by) || record.by.length > 200) return invalid(type, index);
  if (!isString(record.updatedAt) || Number.isNaN(Date.parse(record.updatedAt))) return invalid(type, index, 'updatedAt');
  if (!recommendationDraftSchema.safeParse(record.recommendation).success) return invalid(type, index, 'recommendation');
  if (Object.keys(record).some((key) => !DRAFT_MEMBERS.has(key))) return outOfScope(type, index);
  if (scope.kind === 'network' && record.networkId !== scope.networkId) return otherNetwork(type, index, 'networkId');
}
const DRAFT_MEMBERS: ReadonlySet<string> = new Set(['id', 'networkId', 'caseCode', 'recommendation', 'updatedAt', 'by']);

function checkAudit(record: unknown, index: number): void {
  const ok =
    isObject(record) &&
    isId(record.id) &&
    isString(record.at) &&
    isString(record.actor) &&
    isString(record.action) &&
    /^[a-z-]+\.[a-z-]+$/.test(record.action) &&
    isString(record.entity) &&
    isString(record.entityId) &&
    isStringArray(record.fields) &&
    (record.details === undefined || (isObject(record.details) && Object.values(record.details).every(isString))) &&
    isStamp(record.clock) &&
    (record.prev === undefined || (isString(record.prev) && HASH.test(record.prev))) &&
    (record.hash === undefined || (isString(record.hash) && HASH.test(record.hash)));
  if (!ok) invalid('audit', index);
}

/** Ids of the requesters named by a requester bundle's cases must hash to the scope's requester id. */
async function checkRequesterScope(records: readonly unknown[], requesterId: string): Promise<void> {
  const hashes = new Map<string, string>();
  for (let index = 0; index < records.length; index++) {
    const requester = (records[index] as Loose).requester;
    if (requester === undefined) continue;
    const key = requesterKey(requester as Parameters<typeof requesterKey>[0]);
    let hash = hashes.get(key);
    if (hash === undefined) {
      hash = await requesterScopeId(key);
      hashes.set(key, hash);
    }
    if (hash !== requesterId) outOfScope('consultation', index, 'requester');
  }
}

/**
 * Groups the bundle's entries by type and checks them. Returns the records, or the refusal naming
 * the first record that is not acceptable (type, position, field — never a value).
 */
export async function validateEntries(header: BundleHeader, byType: Readonly<Record<string, unknown[]>>): Promise<{ ok: true; records: WireRecords } | { ok: false; refusal: ImportRefusal }> {
  const rules = rulesOf(header.scope);
  try {
    for (const type of Object.keys(byType)) {
      if (!(ENTRY_TYPES as readonly string[]).includes(type)) invalid(type);
      if (!rules.types.has(type as EntryType)) outOfScope(type);
    }
    const consultations = byType.consultation ?? [];
    consultations.forEach((record, index) => checkConsultation(record, index, rules, header.scope));
    (byType.network ?? []).forEach((record, index) => checkNetwork(record, index, header.scope));
    (byType.meeting ?? []).forEach((record, index) => checkMeeting(record, index, header.scope));
    if (!rules.audit && (byType.audit?.length ?? 0) > 0) outOfScope('audit');
    const drafts = byType.draft ?? [];
    // An expert desk's reply carries drafts and nothing else; a coordinator's network bundle, no drafts.
    if (drafts.length > 0 && consultations.length + (byType.network?.length ?? 0) + (byType.meeting?.length ?? 0) + (byType.method?.length ?? 0) > 0) outOfScope('draft');
    (byType.method ?? []).forEach((record, index) => checkMethod(record, index));
    drafts.forEach((record, index) => checkDraft(record, index, header.scope));
    (byType.audit ?? []).forEach((record, index) => checkAudit(record, index));
    if (header.scope.kind === 'requester') await checkRequesterScope(consultations, header.scope.requesterId);
    return {
      ok: true,
      records: {
        consultation: consultations as WireRecords['consultation'],
        network: (byType.network ?? []) as WireRecords['network'],
        meeting: (byType.meeting ?? []) as WireRecords['meeting'],
        audit: (byType.audit ?? []) as WireRecords['audit'],
        draft: drafts as WireRecords['draft'],
        method: (byType.method ?? []) as WireRecords['method'],
      },
    };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: labelled(error.refusal, byType, header.scope) };
    throw error;
  }
}
